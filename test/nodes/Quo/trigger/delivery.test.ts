import { normalizeEvent } from '../../../../nodes/Quo/events/normalize';
import { QuoTrigger } from '../../../../nodes/Quo/QuoTrigger.node';
import {
	clone,
	legacySamples,
	type LegacySampleName,
	seedEnvelopes,
	type SeedEventType,
} from '../../../fixtures/events';
import { activate } from '../../../harness/triggerLifecycle';
import { waitUntil } from '../../../stand-in/test-support/wait-until';
import type { TriggerParameters } from './support';
import { useTriggerWorld } from './support';

const world = useTriggerWorld();

const SEED_EVENTS = Object.keys(seedEnvelopes) as SeedEventType[];

/** Waits for the receiver to have started this many runs (a sample arrives in the background). */
async function waitForRuns(count: number): Promise<void> {
	await waitUntil(() => world.receiver.runs.length >= count, 5000);
}

async function activeTrigger(parameters: TriggerParameters, typeVersion?: number): Promise<string> {
	const { setup, workflow, node } = world.workflowWith(parameters, {}, typeVersion);
	await activate(world.runtime, setup, workflow, node);
	world.standIn.requests.length = 0;
	const subscription =
		parameters.apiVersion === 'v1'
			? world.standIn.state.webhooksV1[0]
			: world.standIn.state.webhooks2026[0];
	return subscription.id;
}

describe('2026-03-30 deliveries', () => {
	test.each(SEED_EVENTS)(
		'a signed %s delivery becomes exactly one item equal to the example',
		async (eventType) => {
			const webhookId = await activeTrigger({ apiVersion: '2026-03-30', events: SEED_EVENTS });
			const envelope = seedEnvelopes[eventType];
			const delivery = await world.standIn.deliver({ webhookId, envelope, retry: false });

			expect(delivery.finalStatus).toBe(200);
			expect(world.receiver.runs).toHaveLength(1);
			const [[item]] = world.receiver.runs;
			expect(item.json).toEqual({
				event: eventType,
				eventId: envelope.id,
				deliveryId: delivery.deliveryId,
				apiVersion: '2026-03-30',
				createdAt: envelope.createdAt,
				resource: envelope.data.resource,
				context: envelope.data.context,
				links: envelope.data.links,
			});
		},
	);

	test('the same delivery again (Quo retrying) starts no second run', async () => {
		const webhookId = await activeTrigger({
			apiVersion: '2026-03-30',
			events: ['message.received'],
		});
		const first = await world.standIn.deliver({
			webhookId,
			envelope: seedEnvelopes['message.received'],
			retry: false,
		});
		const again = await world.standIn.deliver({
			webhookId,
			envelope: seedEnvelopes['message.received'],
			deliveryId: first.deliveryId!,
			retry: false,
		});
		expect([first.finalStatus, again.finalStatus]).toEqual([200, 200]);
		expect(world.receiver.runs).toHaveLength(1);
	});

	test('an event the node did not select is acknowledged with 200 and starts no run', async () => {
		const webhookId = await activeTrigger({
			apiVersion: '2026-03-30',
			events: ['message.received', 'contact.updated'],
		});
		// Quo would not send it; a subscription edited in Quo's API by hand could.
		const delivery = await world.standIn.deliver({
			webhookId,
			envelope: seedEnvelopes['message.delivered'],
			retry: false,
		});
		expect(delivery.finalStatus).toBe(200);
		expect(world.receiver.runs).toHaveLength(0);
	});

	test.each([
		['incoming', 'message.received'],
		['outgoing', 'message.delivered'],
	] as const)(
		'with Direction "%s", only events that go that way start a run; contact events always do',
		async (direction, passes) => {
			const events = ['message.received', 'message.delivered', 'contact.updated'];
			const webhookId = await activeTrigger({
				apiVersion: '2026-03-30',
				events,
				options: { direction },
			});
			for (const event of events) {
				const delivery = await world.standIn.deliver({
					webhookId,
					envelope: seedEnvelopes[event as SeedEventType],
					retry: false,
				});
				expect(delivery.finalStatus).toBe(200);
			}
			expect(world.receiver.runs.map(([item]) => item.json.event)).toEqual([
				passes,
				'contact.updated',
			]);
		},
	);

	test.each([
		['a tampered byte', { signing: 'tampered-body' as const }],
		['another key', { signing: 'wrong-key' as const }],
		['a stale timestamp', { signing: { timestampOffsetSeconds: -301 } }],
		// 302: the timestamp is whole seconds, rounded down, so 301 s ahead can arrive up to 1 s less than that ahead.
		['a future timestamp', { signing: { timestampOffsetSeconds: 302 } }],
		['no signature header', { signing: 'none' as const }],
		[
			'a garbled signature header',
			{ signing: { headers: { 'webhook-signature': 'v1,not base64 at all' } } },
		],
	])('%s: 401 and no run', async (_name, request) => {
		const webhookId = await activeTrigger({
			apiVersion: '2026-03-30',
			events: ['message.received'],
		});
		const delivery = await world.standIn.deliver({
			webhookId,
			envelope: seedEnvelopes['message.received'],
			retry: false,
			...request,
		});
		expect(delivery.finalStatus).toBe(401);
		expect(world.receiver.runs).toHaveLength(0);
	});

	test('a payload that breaks its schema is still emitted, flagged', async () => {
		const webhookId = await activeTrigger({
			apiVersion: '2026-03-30',
			events: ['message.received'],
		});
		const envelope = clone(seedEnvelopes['message.received']) as {
			data: { resource: Record<string, unknown> };
		};
		envelope.data.resource.text = 42;
		await world.standIn.deliver({ webhookId, envelope, retry: false });
		const [[item]] = world.receiver.runs;
		expect(item.json.resource).toMatchObject({ text: 42 });
		expect(item.json.schemaIssues).toEqual([expect.stringContaining('resource.text')]);
	});

	test('with "Include Raw Body", the bytes Quo sent come along as text', async () => {
		const webhookId = await activeTrigger({
			apiVersion: '2026-03-30',
			events: ['message.received'],
			options: { includeRawBody: true },
		});
		const rawBody = JSON.stringify(seedEnvelopes['message.received'], null, 2);
		await world.standIn.deliver({ webhookId, rawBody, retry: false });
		expect(world.receiver.runs[0][0].json.raw).toBe(rawBody);
	});
});

describe('node versions 1 and 1.1', () => {
	test('a node added today is at 1.1; workflows saved with 1 keep it', () => {
		const { description } = new QuoTrigger();
		expect(description.version).toEqual([1, 1.1]);
		expect(description.defaultVersion).toBe(1.1);
	});

	// n8n reads the body before webhook() for a node at 1, and above that only for content types it parses: at 1.1
	// a body sent as application/octet-stream reaches the trigger unread.
	test.each([
		[1, 'application/json'],
		[1, 'application/octet-stream'],
		[1.1, 'application/json'],
		[1.1, 'application/octet-stream'],
	])(
		'at typeVersion %s, a signed delivery sent as %s becomes the same item; a tampered one gets 401',
		async (typeVersion, contentType) => {
			const webhookId = await activeTrigger(
				{ apiVersion: '2026-03-30', events: ['message.received'] },
				typeVersion,
			);
			const envelope = seedEnvelopes['message.received'];
			const headers = { 'content-type': contentType };
			const delivery = await world.standIn.deliver({
				webhookId,
				envelope,
				retry: false,
				signing: { headers },
			});
			const tampered = await world.standIn.deliver({
				webhookId,
				envelope,
				retry: false,
				signing: { headers, tamperBody: true },
			});

			expect([delivery.finalStatus, tampered.finalStatus]).toEqual([200, 401]);
			expect(world.receiver.runs.map((items) => items.map((item) => item.json))).toEqual([
				[normalizeEvent(clone(envelope), { deliveryId: delivery.deliveryId })],
			]);
		},
	);
});

describe('v1 deliveries', () => {
	const LEGACY_SAMPLES = Object.keys(legacySamples).filter(
		(name) => !name.startsWith('contact'),
	) as LegacySampleName[];
	const V1_EVENTS = [
		'message.received',
		'message.delivered',
		'call.ringing',
		'call.completed',
		'call.recording.completed',
		'call.summary.completed',
		'call.transcript.completed',
	];

	test.each(LEGACY_SAMPLES)('the legacy %s sample becomes the mapped item', async (name) => {
		await activeTrigger({ apiVersion: 'v1', events: V1_EVENTS });
		const envelope = legacySamples[name];
		const family = world.standIn.state.webhooksV1.find((webhook) =>
			webhook.events.includes(normalizeEvent(envelope, { deliveryId: null }).event),
		)!;
		const delivery = await world.standIn.deliver({ webhookId: family.id, envelope, retry: false });

		expect(delivery.finalStatus).toBe(200);
		expect(world.receiver.runs).toHaveLength(1);
		const [[item]] = world.receiver.runs;
		expect(item.json).toEqual(
			JSON.parse(JSON.stringify(normalizeEvent(envelope, { deliveryId: null }))),
		);
		expect(item.json).toMatchObject({
			eventId: envelope.id,
			deliveryId: null,
			apiVersion: envelope.apiVersion,
		});
		expect(item.json.schemaIssues).toBeUndefined();
	});

	test('a repeated event id starts no second run; a bad signature gets 401', async () => {
		await activeTrigger({ apiVersion: 'v1', events: ['message.received'] });
		const [messages] = world.standIn.state.webhooksV1;
		const envelope = legacySamples.messageReceivedV4Real;
		await world.standIn.deliver({ webhookId: messages.id, envelope, retry: false });
		await world.standIn.deliver({ webhookId: messages.id, envelope, retry: false });
		const forged = await world.standIn.deliver({
			webhookId: messages.id,
			envelope: { ...envelope, id: 'EVforged' },
			signing: 'wrong-key',
			retry: false,
		});
		expect(forged.finalStatus).toBe(401);
		expect(world.receiver.runs).toHaveLength(1);
	});
});

describe('Listen for test event', () => {
	test('n8n listening for a test event gets a signed sample of the first selected event at once', async () => {
		const { setup, workflow, node } = world.workflowWith({
			apiVersion: '2026-03-30',
			events: ['call.summary.completed', 'message.received'],
		});
		world.receiver.serve(world.runtime, setup, workflow, node, 'manual');
		await activate(world.runtime, setup, workflow, node, 'manual', 'manual');
		await waitForRuns(1);

		expect(
			world.standIn.requests.some(
				(request) => request.path.endsWith('/events/test') && request.body !== undefined,
			),
		).toBe(true);
		expect(world.receiver.runs).toHaveLength(1);
		expect(world.receiver.runs[0][0].json).toMatchObject({
			event: 'call.summary.completed',
			apiVersion: '2026-03-30',
			sample: true,
		});
	});

	test('the sample shows up even when Direction would filter its event (Quo renders it incoming)', async () => {
		const { setup, workflow, node } = world.workflowWith({
			apiVersion: '2026-03-30',
			events: ['message.received', 'message.delivered'],
			options: { direction: 'outgoing' },
		});
		world.receiver.serve(world.runtime, setup, workflow, node, 'manual');
		await activate(world.runtime, setup, workflow, node, 'manual', 'manual');
		await waitForRuns(1);

		expect(world.receiver.runs[0][0].json).toMatchObject({
			event: 'message.received',
			sample: true,
		});
	});

	test('a Direction an expression sets to anything else fails the activation, naming the field', async () => {
		const { setup, workflow, node } = world.workflowWith({
			apiVersion: '2026-03-30',
			events: ['message.received'],
			options: { direction: 'Incoming' },
		});
		await expect(activate(world.runtime, setup, workflow, node)).rejects.toThrow(
			"Direction: 'Incoming' is none of 'both', 'incoming' and 'outgoing'",
		);
		expect(world.standIn.state.webhooks2026).toHaveLength(0);
	});

	test('a real event that arrives while n8n listens is not marked as a sample', async () => {
		const { setup, workflow, node } = world.workflowWith({
			apiVersion: '2026-03-30',
			events: ['message.received'],
		});
		world.receiver.serve(world.runtime, setup, workflow, node, 'manual');
		await activate(world.runtime, setup, workflow, node, 'manual', 'manual');
		await waitForRuns(1);

		const envelope = { ...seedEnvelopes['message.received'], id: 'EVtextedWhileListening' };
		await world.standIn.deliver({
			webhookId: world.standIn.state.webhooks2026[0].id,
			envelope,
			retry: false,
		});

		expect(world.receiver.runs.map(([item]) => item.json.sample)).toEqual([true, undefined]);
	});

	test('with the option off, no sample is asked for', async () => {
		const { setup, workflow, node } = world.workflowWith({
			apiVersion: '2026-03-30',
			events: ['message.received'],
			options: { sendSampleEventOnTest: false },
		});
		await activate(world.runtime, setup, workflow, node, 'manual', 'manual');
		expect(world.standIn.requests.some((request) => request.path.endsWith('/events/test'))).toBe(
			false,
		);
	});
});

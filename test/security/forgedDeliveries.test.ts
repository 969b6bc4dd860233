import type { IDataObject, Workflow } from 'n8n-workflow';

import { LOOKUP_BURST, LOOKUP_REFILL_MS } from '../../nodes/Quo/trigger/keyRecovery';
import { seedEnvelopes } from '../fixtures/events';
import { activate, savedStaticData } from '../harness/triggerLifecycle';
import { later, useTriggerWorld } from '../nodes/Quo/trigger/support';
import type { RecordedRequest } from '../stand-in/types';

// Anyone who knows a trigger's URL can send it deliveries that are fresh and well-formed but not signed with its key.
// Whatever they send, nothing changes: not at Quo, not in the workflow's static data. The trigger may ask Quo's
// delivery log (a read) whether a delivery is Quo's, at most LOOKUP_BURST times per burst.
const world = useTriggerWorld();

const envelope = seedEnvelopes['message.received'];

async function activeTrigger(): Promise<{ id: string; workflow: Workflow }> {
	const { setup, workflow, node } = world.workflowWith({
		apiVersion: '2026-03-30',
		events: ['message.received'],
	});
	await activate(world.runtime, setup, workflow, node);
	world.standIn.requests.length = 0;
	return { id: world.standIn.state.webhooks2026[0].id, workflow };
}

function forge(id: string, eventId: string, extra: object = {}) {
	return world.standIn.deliver({
		webhookId: id,
		envelope: { ...envelope, id: eventId },
		signing: 'wrong-key',
		retry: false,
		...extra,
	});
}

/** Requests that change something at Quo (anything but a read). */
function changesAtQuo(): RecordedRequest[] {
	return world.standIn.requests.filter((request) => request.method !== 'GET');
}

afterEach(() => jest.restoreAllMocks());

describe('forged 2026-03-30 deliveries', () => {
	test('one forged delivery is refused and changes nothing at Quo or in static data', async () => {
		const { id, workflow } = await activeTrigger();
		const before: IDataObject = savedStaticData(workflow);

		const forged = await forge(id, 'EVforgedOnce');

		expect(forged.finalStatus).toBe(401);
		expect(changesAtQuo()).toEqual([]);
		expect(savedStaticData(workflow)).toEqual(before);
		expect(world.receiver.runs).toEqual([]);
	});

	test('a burst of 20 costs at most two reads at Quo, and genuine deliveries among them run at the first attempt', async () => {
		const { id, workflow } = await activeTrigger();
		const before = savedStaticData(workflow);

		const sent = await Promise.all([
			...Array.from({ length: 10 }, (_, index) => forge(id, `EVforgedA${index}`)),
			world.standIn.deliver({ webhookId: id, envelope: { ...envelope, id: 'EVgenuine1' } }),
			...Array.from({ length: 10 }, (_, index) => forge(id, `EVforgedB${index}`)),
			world.standIn.deliver({ webhookId: id, envelope: { ...envelope, id: 'EVgenuine2' } }),
		]);

		const genuine = sent.filter((_, index) => index === 10 || index === 21);
		expect(genuine.map((delivery) => delivery.attempts.map((attempt) => attempt.status))).toEqual([
			[200],
			[200],
		]);
		expect(
			sent
				.filter((_, index) => index !== 10 && index !== 21)
				.every((delivery) => delivery.finalStatus === 401),
		).toBe(true);
		expect(world.standIn.requests.length).toBeLessThanOrEqual(LOOKUP_BURST);
		expect(changesAtQuo()).toEqual([]);
		expect(world.receiver.runs.map(([item]) => item.json.eventId).sort()).toEqual([
			'EVgenuine1',
			'EVgenuine2',
		]);
		expect(savedStaticData(workflow)).toEqual(before);
	});

	test('one forgery a minute for an hour rotates nothing, and asks Quo at most once per refill', async () => {
		const { id, workflow } = await activeTrigger();
		const before = savedStaticData(workflow);

		for (let minute = 0; minute < 60; minute++) {
			jest.restoreAllMocks();
			later(minute * 60_000);
			expect((await forge(id, `EVhourly${minute}`)).finalStatus).toBe(401);
		}

		expect(changesAtQuo()).toEqual([]);
		expect(world.standIn.requests.length).toBeLessThanOrEqual(
			LOOKUP_BURST + (60 * 60_000) / LOOKUP_REFILL_MS,
		);
		expect(savedStaticData(workflow)).toEqual(before);
	});

	test("a forgery that reuses a genuine delivery's id with another body is refused: Quo's log has a different body", async () => {
		const { id, workflow } = await activeTrigger();
		const genuine = await world.standIn.deliver({ webhookId: id, envelope });
		const before = savedStaticData(workflow);
		world.standIn.requests.length = 0;

		// Signed over Quo's bytes with Quo's key, but sent with a changed body.
		const tampered = await world.standIn.deliver({
			webhookId: id,
			envelope,
			deliveryId: genuine.deliveryId!,
			signing: 'tampered-body',
			retry: false,
		});

		expect(tampered.finalStatus).toBe(401);
		expect(world.standIn.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /webhooks/${id}/events/${genuine.deliveryId}`,
		]);
		expect(savedStaticData(workflow)).toEqual(before);
		expect(world.receiver.runs).toHaveLength(1);
	});

	test('a copy of a delivery Quo already delivered, sent again with a bad signature, rotates nothing', async () => {
		const { id, workflow } = await activeTrigger();
		const genuine = await world.standIn.deliver({ webhookId: id, envelope });
		const before = savedStaticData(workflow);

		// The id and body of a delivered event are in its item (deliveryId, raw): anyone who saw it may replay it.
		const replayed = await world.standIn.deliver({
			webhookId: id,
			envelope,
			deliveryId: genuine.deliveryId!,
			signing: 'wrong-key',
			retry: false,
		});

		expect(replayed.finalStatus).toBe(401);
		expect(changesAtQuo()).toEqual([]);
		expect(savedStaticData(workflow)).toEqual(before);
	});

	test("while Quo's log answers 503, a burst of 20 still costs at most two requests: lookups are not retried", async () => {
		const { id } = await activeTrigger();
		world.standIn.addFault({
			method: 'GET',
			path: /^\/webhooks\/\d+\/events\//,
			status: 503,
			times: Infinity,
		});

		const sent = await Promise.all(
			Array.from({ length: 20 }, (_, index) => forge(id, `EVforged503${index}`)),
		);

		expect(sent.every((delivery) => delivery.finalStatus === 401)).toBe(true);
		expect(world.standIn.requests.length).toBeLessThanOrEqual(LOOKUP_BURST);
	});

	test("a webhook-id that is not one of Quo's ids is never put into a request", async () => {
		const { id } = await activeTrigger();

		// Signed with the trigger's key for another id: the header was changed after signing.
		const forged = await forge(id, 'EVpath', {
			signing: { headers: { 'webhook-id': '../rotate' } },
		});
		expect(forged.finalStatus).toBe(401);
		expect(world.standIn.requests).toEqual([]);
	});
});

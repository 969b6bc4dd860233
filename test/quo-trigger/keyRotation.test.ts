import type { IDataObject, Workflow } from 'n8n-workflow';

import { Quo } from '../../nodes/Quo/Quo.node';
import { KEY_RECOVERY_INTERVAL_MS } from '../../nodes/Quo/trigger/keyRecovery';
import { seedEnvelopes } from '../fixtures/events';
import { activate, savedStaticData } from '../harness/triggerLifecycle';
import { requestsTo, useTriggerWorld } from './support';

// The trigger holds a key Quo no longer signs with, or none. Quo retries a refused delivery (after 5 s, 5 min,
// 30 min, … about 27 h in all); the stand-in retries like Quo, compressed to two retries 20 ms apart.
// Lost static data with the webhook still on Quo (adopt and rotate): lifecycle.test.ts.
const world = useTriggerWorld();

const current = { apiVersion: '2026-03-30' as const, events: ['message.received'] };
const envelope = seedEnvelopes['message.received'];
const ROTATE = /^\/webhooks\/\d+\/rotate$/;

interface ActiveTrigger {
	id: string;
	/** The workflow n8n runs the trigger in. */
	workflow: Workflow;
	/** Its static data as n8n saved it at activation. */
	saved: IDataObject;
}

async function activeTrigger(): Promise<ActiveTrigger> {
	const { setup, workflow, node } = world.workflowWith(current);
	await activate(world.runtime, setup, workflow, node);
	return { id: world.standIn.state.webhooks2026[0].id, workflow, saved: savedStaticData(workflow) };
}

/** The key the trigger verifies with, as n8n would save it now. */
function heldKey(workflow: Workflow): string | undefined {
	const staticData = savedStaticData(workflow)['node:Quo Trigger'] as { subscriptions?: Array<{ key: string }> } | undefined;
	return staticData?.subscriptions?.[0]?.key;
}

async function rotateWithQuoNode(webhookId: string): Promise<string> {
	const [[item]] = await world.runtime.execute(
		{ nodeType: new Quo(), parameters: { resource: 'webhook', operation: 'rotateSecret', webhookId } },
	);
	return item.json.key as string;
}

/** Shifts every clock in this process (the trigger's, Quo's) past the trigger's once-a-minute rotation limit. */
function aMinuteLater(): void {
	const now = Date.now.bind(Date);
	jest.spyOn(Date, 'now').mockImplementation(() => now() + KEY_RECOVERY_INTERVAL_MS + 1000);
}

afterEach(() => jest.restoreAllMocks());

describe('a 2026-03-30 trigger whose key is stale', () => {
	test.each([
		[
			'the secret was rotated with the Quo node',
			async ({ id, workflow }: ActiveTrigger): Promise<Workflow> => {
				await rotateWithQuoNode(id);
				return workflow;
			},
		],
		[
			'n8n loads static data older than the last rotation (a restored backup, a stale copy saved over it)',
			async ({ id, saved }: ActiveTrigger): Promise<Workflow> => {
				await rotateWithQuoNode(id);
				await world.standIn.deliver({ webhookId: id, envelope: { ...envelope, id: 'EVbefore' } });
				aMinuteLater();
				return world.workflowWith(current, saved).workflow;
			},
		],
	])('%s: the first attempt is refused, the trigger rotates, and Quo\'s retry starts the run', async (_cause, makeStale) => {
		const trigger = await activeTrigger();
		const workflow = await makeStale(trigger);
		world.receiver.clear();
		const rotationsBefore = requestsTo(world.standIn, 'POST', ROTATE);

		const delivery = await world.standIn.deliver({ webhookId: trigger.id, envelope });

		expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([401, 200]);
		expect(world.receiver.runs).toHaveLength(1);
		expect(world.receiver.runs[0][0].json).toMatchObject({ eventId: envelope.id, deliveryId: delivery.deliveryId });
		expect(requestsTo(world.standIn, 'POST', ROTATE)).toBe(rotationsBefore + 1);
		expect(heldKey(workflow)).toBe(world.standIn.state.webhooks2026[0].key);
	});

	test('the key the Quo node returned stops working: the trigger rotates to a key only it holds', async () => {
		const { id, workflow } = await activeTrigger();
		const handedOut = await rotateWithQuoNode(id);

		await world.standIn.deliver({ webhookId: id, envelope });

		expect(world.standIn.state.webhooks2026[0].key).not.toBe(handedOut);
		expect(heldKey(workflow)).toBe(world.standIn.state.webhooks2026[0].key);
	});

	test('deliveries that arrive together share one rotation, and each is started once by a retry', async () => {
		const { id } = await activeTrigger();
		await rotateWithQuoNode(id);
		world.standIn.requests.length = 0;

		const deliveries = await Promise.all(
			[1, 2, 3, 4, 5].map((index) => world.standIn.deliver({ webhookId: id, envelope: { ...envelope, id: `EVburst${index}` } })),
		);

		expect(deliveries.map((delivery) => delivery.finalStatus)).toEqual([200, 200, 200, 200, 200]);
		expect(world.receiver.runs.map(([item]) => item.json.eventId).sort()).toEqual(['EVburst1', 'EVburst2', 'EVburst3', 'EVburst4', 'EVburst5']);
		expect(requestsTo(world.standIn, 'POST', ROTATE)).toBe(1);
	});

	test('a rotation Quo refuses is tried again a minute later; Quo keeps retrying until then', async () => {
		const { id } = await activeTrigger();
		await rotateWithQuoNode(id);
		world.standIn.addFault({ method: 'POST', path: ROTATE, status: 500, times: 1 });

		const refused = await world.standIn.deliver({ webhookId: id, envelope });
		expect(refused.attempts.map((attempt) => attempt.status)).toEqual([401, 401, 401]);
		expect(requestsTo(world.standIn, 'POST', ROTATE)).toBe(2);
		expect(world.receiver.runs).toHaveLength(0);

		aMinuteLater();
		const retried = await world.standIn.deliver({ webhookId: id, envelope, deliveryId: refused.deliveryId! });
		expect(retried.attempts.map((attempt) => attempt.status)).toEqual([401, 200]);
		expect(world.receiver.runs).toHaveLength(1);
	});

	test('a rotation still waiting for Quo a minute on is joined, not raced by a second one', async () => {
		const { id, workflow } = await activeTrigger();
		await rotateWithQuoNode(id);
		world.standIn.addFault({ method: 'POST', path: ROTATE, delayMs: 500, times: 1 });
		world.standIn.requests.length = 0;

		const first = world.standIn.deliver({ webhookId: id, envelope: { ...envelope, id: 'EVslow1' } });
		await new Promise((resolve) => setTimeout(resolve, 200));
		aMinuteLater();
		const second = world.standIn.deliver({ webhookId: id, envelope: { ...envelope, id: 'EVslow2' } });
		const deliveries = await Promise.all([first, second]);

		expect(requestsTo(world.standIn, 'POST', ROTATE)).toBe(1);
		expect(deliveries.map((delivery) => delivery.attempts.map((attempt) => attempt.status))).toEqual([
			[401, 200],
			[401, 200],
		]);
		expect(heldKey(workflow)).toBe(world.standIn.state.webhooks2026[0].key);
	});
});

describe('lost static data', () => {
	test('with the webhook gone from Quo too, activation registers a new one and deliveries start runs at once', async () => {
		const { id } = await activeTrigger();
		world.standIn.state.webhooks2026.length = 0;

		const imported = world.workflowWith(current, {});
		await activate(world.runtime, imported.setup, imported.workflow, imported.node);
		const [registered] = world.standIn.state.webhooks2026;
		const delivery = await world.standIn.deliver({ webhookId: registered.id, envelope });

		expect(registered.id).not.toBe(id);
		expect(world.standIn.state.webhooks2026).toHaveLength(1);
		expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([200]);
		expect(heldKey(imported.workflow)).toBe(registered.key);
	});
});

describe('forged deliveries', () => {
	test('make the trigger rotate at most once a minute, and genuine deliveries keep arriving at the first attempt', async () => {
		const { id } = await activeTrigger();
		world.standIn.requests.length = 0;

		for (let index = 0; index < 3; index++) {
			const forged = await world.standIn.deliver({ webhookId: id, envelope: { ...envelope, id: `EVforged${index}` }, signing: 'wrong-key', retry: false });
			expect(forged.finalStatus).toBe(401);
		}
		const genuine = await world.standIn.deliver({ webhookId: id, envelope });
		aMinuteLater();
		await world.standIn.deliver({ webhookId: id, envelope: { ...envelope, id: 'EVforgedLater' }, signing: 'wrong-key', retry: false });

		expect(genuine.attempts.map((attempt) => attempt.status)).toEqual([200]);
		expect(world.receiver.runs.map(([item]) => item.json.eventId)).toEqual([envelope.id]);
		expect(requestsTo(world.standIn, 'POST', ROTATE)).toBe(2);
	});
});

describe('a v1 trigger', () => {
	test('refuses a delivery with another key and asks Quo for nothing: v1 has no rotation, a v1 key never changes', async () => {
		const { setup, workflow, node } = world.workflowWith({ apiVersion: 'v1', events: ['message.received'] });
		await activate(world.runtime, setup, workflow, node);
		const [subscription] = world.standIn.state.webhooksV1;
		world.standIn.requests.length = 0;

		const forged = await world.standIn.deliver({ webhookId: subscription.id, envelope: { ...envelope, id: 'EVv1' }, signing: 'wrong-key', retry: false });

		expect(forged.finalStatus).toBe(401);
		expect(world.standIn.requests).toEqual([]);
	});
});

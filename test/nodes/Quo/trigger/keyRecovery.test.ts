import type { IDataObject, Workflow } from 'n8n-workflow';

import { Quo } from '../../../../nodes/Quo/Quo.node';
import {
	LOOKUP_BURST,
	PREVIOUS_KEY_GRACE_MS,
	ROTATION_INTERVAL_MS,
} from '../../../../nodes/Quo/trigger/keyRecovery';
import { seedEnvelopes } from '../../../fixtures/events';
import { activate, savedStaticData } from '../../../harness/triggerLifecycle';
import { later, requestsTo, useTriggerWorld } from './support';

// The trigger holds a key Quo no longer signs with, or none. Quo retries a refused delivery (after 5 s, 5 min,
// 30 min, … about 27 h in all); the stand-in retries like Quo, compressed to two retries 20 ms apart.
// Forged deliveries: test/security/forgedDeliveries.test.ts. Lost static data with the webhook still on Quo
// (adopt and rotate): lifecycle.test.ts.
const world = useTriggerWorld();

const current = { apiVersion: '2026-03-30' as const, events: ['message.received'] };
const envelope = seedEnvelopes['message.received'];
const ROTATE = /^\/webhooks\/\d+\/rotate$/;
const LOOKUP = /^\/webhooks\/\d+\/events\/[^/]+$/;

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
	const staticData = savedStaticData(workflow)['node:Quo Trigger'] as
		{ subscriptions?: Array<{ key: string }> } | undefined;
	return staticData?.subscriptions?.[0]?.key;
}

async function rotateWithQuoNode(webhookId: string): Promise<string> {
	const [[item]] = await world.runtime.execute({
		nodeType: new Quo(),
		parameters: { resource: 'webhook', operation: 'rotateSecret', webhookId },
	});
	return item.json.key as string;
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
				// Long enough that this process no longer offers the key of its own rotation (see the test below).
				later(PREVIOUS_KEY_GRACE_MS + 1000);
				return world.workflowWith(current, saved).workflow;
			},
		],
	])(
		"%s: Quo's log proves the first attempt, the trigger rotates and keeps the key, and Quo's retry starts the run",
		async (_cause, makeStale) => {
			const trigger = await activeTrigger();
			const workflow = await makeStale(trigger);
			world.receiver.clear();
			world.standIn.requests.length = 0;

			const delivery = await world.standIn.deliver({ webhookId: trigger.id, envelope });

			expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([401, 200]);
			expect(world.receiver.runs).toHaveLength(1);
			expect(world.receiver.runs[0][0].json).toMatchObject({
				eventId: envelope.id,
				deliveryId: delivery.deliveryId,
			});
			expect(world.standIn.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
				`GET /webhooks/${trigger.id}/events/${delivery.deliveryId}`,
				`POST /webhooks/${trigger.id}/rotate`,
			]);
			expect(heldKey(workflow)).toBe(world.standIn.state.webhooks2026[0].key);
		},
	);

	test('the key the Quo node returned stops working: the trigger rotates to a key only it holds', async () => {
		const { id, workflow } = await activeTrigger();
		const handedOut = await rotateWithQuoNode(id);

		await world.standIn.deliver({ webhookId: id, envelope });

		expect(world.standIn.state.webhooks2026[0].key).not.toBe(handedOut);
		expect(heldKey(workflow)).toBe(world.standIn.state.webhooks2026[0].key);
	});

	test('deliveries that arrive together share one rotation and two lookups, and each is started once', async () => {
		const { id } = await activeTrigger();
		await rotateWithQuoNode(id);
		world.standIn.requests.length = 0;

		const envelopes = [1, 2, 3, 4, 5].map((index) => ({ ...envelope, id: `EVburst${index}` }));
		const burst = await Promise.all(
			envelopes.map((sent) => world.standIn.deliver({ webhookId: id, envelope: sent })),
		);
		// Those refused until the rotation reached Quo (the stand-in's two quick retries may all come before) are
		// delivered again by Quo's later retries, signed with the new key.
		const finalStatuses = await Promise.all(
			burst.map(async (delivery, index) =>
				delivery.finalStatus === 200
					? 200
					: (
							await world.standIn.deliver({
								webhookId: id,
								envelope: envelopes[index],
								deliveryId: delivery.deliveryId!,
							})
						).finalStatus,
			),
		);

		expect(finalStatuses).toEqual([200, 200, 200, 200, 200]);
		expect(world.receiver.runs.map(([item]) => item.json.eventId).sort()).toEqual([
			'EVburst1',
			'EVburst2',
			'EVburst3',
			'EVburst4',
			'EVburst5',
		]);
		expect(requestsTo(world.standIn, 'POST', ROTATE)).toBe(1);
		expect(requestsTo(world.standIn, 'GET', LOOKUP)).toBe(LOOKUP_BURST);
	});

	test('a delivery Quo signed with the new key while the rotation was on its way is checked again and runs at once', async () => {
		const { id } = await activeTrigger();
		await rotateWithQuoNode(id);
		// Quo rotates at once but its answer takes 300 ms to reach n8n.
		world.standIn.addFault({
			method: 'POST',
			path: ROTATE,
			afterHandling: true,
			delayMs: 300,
			times: 1,
		});
		world.standIn.requests.length = 0;

		const signingKeyBefore = world.standIn.state.webhooks2026[0].key;
		const first = world.standIn.deliver({
			webhookId: id,
			envelope: { ...envelope, id: 'EVfirst' },
		});
		while (world.standIn.state.webhooks2026[0].key === signingKeyBefore)
			await new Promise((resolve) => setTimeout(resolve, 5));
		const signedWithNewKey = await world.standIn.deliver({
			webhookId: id,
			envelope: { ...envelope, id: 'EVsignedWithNewKey' },
		});
		const firstDone = await first;

		expect(signedWithNewKey.attempts.map((attempt) => attempt.status)).toEqual([200]);
		expect(firstDone.attempts.map((attempt) => attempt.status)).toEqual([401, 200]);
		expect(world.receiver.runs.map(([item]) => item.json.eventId).sort()).toEqual([
			'EVfirst',
			'EVsignedWithNewKey',
		]);
		expect(requestsTo(world.standIn, 'POST', ROTATE)).toBe(1);
	});

	test('after a rotation the key it replaced still verifies deliveries for the timestamp tolerance, then no longer on its own', async () => {
		const { id, workflow } = await activeTrigger();
		const replaced = heldKey(workflow)!;
		await rotateWithQuoNode(id);
		await world.standIn.deliver({ webhookId: id, envelope: { ...envelope, id: 'EVrecovered' } });
		expect(heldKey(workflow)).not.toBe(replaced);
		const signedWith = (key: string, eventId: string) => {
			world.standIn.state.webhooks2026[0].key = key;
			return world.standIn.deliver({
				webhookId: id,
				envelope: { ...envelope, id: eventId },
				retry: false,
			});
		};
		world.standIn.requests.length = 0;

		const withinGrace = await signedWith(replaced, 'EVwithinGrace');
		expect(withinGrace.finalStatus).toBe(200);
		expect(world.standIn.requests).toEqual([]);

		later(PREVIOUS_KEY_GRACE_MS + 1000);
		const afterGrace = await signedWith(replaced, 'EVafterGrace');
		// The signature no longer suffices: only Quo's log could still vouch for the delivery.
		expect(afterGrace.finalStatus).toBe(401);
		expect(requestsTo(world.standIn, 'GET', LOOKUP)).toBe(1);
		expect(world.receiver.runs.map(([item]) => item.json.eventId)).toEqual([
			'EVrecovered',
			'EVwithinGrace',
		]);
	});

	test('a rotation Quo refuses is tried again a minute later; Quo keeps retrying until then', async () => {
		const { id } = await activeTrigger();
		await rotateWithQuoNode(id);
		world.standIn.addFault({ method: 'POST', path: ROTATE, status: 500, times: 1 });

		const refused = await world.standIn.deliver({ webhookId: id, envelope });
		expect(refused.attempts.map((attempt) => attempt.status)).toEqual([401, 401, 401]);
		expect(requestsTo(world.standIn, 'POST', ROTATE)).toBe(2);
		expect(world.receiver.runs).toHaveLength(0);

		later(ROTATION_INTERVAL_MS + 1000);
		const retried = await world.standIn.deliver({
			webhookId: id,
			envelope,
			deliveryId: refused.deliveryId!,
		});
		expect(retried.attempts.map((attempt) => attempt.status)).toEqual([401, 200]);
		expect(world.receiver.runs).toHaveLength(1);
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

describe('a v1 trigger', () => {
	test('refuses a delivery with another key and asks Quo for nothing: v1 has no rotation, a v1 key never changes', async () => {
		const { setup, workflow, node } = world.workflowWith({
			apiVersion: 'v1',
			events: ['message.received'],
		});
		await activate(world.runtime, setup, workflow, node);
		const [subscription] = world.standIn.state.webhooksV1;
		world.standIn.requests.length = 0;

		const forged = await world.standIn.deliver({
			webhookId: subscription.id,
			envelope: { ...envelope, id: 'EVv1' },
			signing: 'wrong-key',
			retry: false,
		});

		expect(forged.finalStatus).toBe(401);
		expect(world.standIn.requests).toEqual([]);
	});
});

import { MIN_SIGNING_KEY_BYTES } from '../../nodes/Quo/trigger/signature';
import { seedEnvelopes } from '../fixtures/events';
import { activate } from '../harness/triggerLifecycle';
import { useTriggerWorld } from '../nodes/Quo/trigger/support';

// What the trigger takes from a delivery and from Quo's registration answers.
const world = useTriggerWorld();

const envelope = seedEnvelopes['message.received'];
const current = { apiVersion: '2026-03-30' as const, events: ['message.received'] };

describe('the item is made of the signed bytes', () => {
	test.each(['latin1', 'binary', '"UTF-8"'])(
		'read as UTF-8 whatever charset the Content-Type claims (%s)',
		async (charset) => {
			const { setup, workflow, node } = world.workflowWith(current);
			await activate(world.runtime, setup, workflow, node);
			const text = 'café ☕ 😀';

			const delivery = await world.standIn.deliver({
				webhookId: world.standIn.state.webhooks2026[0].id,
				envelope: {
					...envelope,
					data: { ...envelope.data, resource: { ...envelope.data.resource, text } },
				},
				signing: { headers: { 'content-type': `application/json; charset=${charset}` } },
			});

			expect(delivery.finalStatus).toBe(200);
			expect(world.receiver.runs[0][0].json.resource).toMatchObject({ text });
		},
	);
});

describe('signing keys under 16 bytes', () => {
	const shortKey = `whsec_${Buffer.alloc(MIN_SIGNING_KEY_BYTES - 1, 7).toString('base64')}`;

	test('a registration whose key is too short fails activation with a clear error and leaves no webhook at Quo', async () => {
		const { setup, workflow, node } = world.workflowWith(current);
		const id = String(world.standIn.state.lastWebhookNumber + 1);
		world.standIn.addFault({
			method: 'POST',
			path: '/webhooks',
			afterHandling: true,
			body: {
				data: { id, url: world.url, events: current.events, resourceIds: ['*'], key: shortKey },
			},
		});

		await expect(activate(world.runtime, setup, workflow, node)).rejects.toThrow(
			`Quo gave webhook ${id} a signing key that cannot protect deliveries`,
		);
		expect(world.standIn.state.webhooks2026).toEqual([]);
	});

	test('a delivery verified with a stored key that is too short is refused', async () => {
		const { setup, workflow, node } = world.workflowWith(current);
		await activate(world.runtime, setup, workflow, node);
		const [webhook] = world.standIn.state.webhooks2026;
		webhook.key = shortKey;
		const stored = workflow.staticData['node:Quo Trigger'] as {
			subscriptions: Array<{ key: string }>;
		};
		stored.subscriptions[0].key = shortKey;

		const delivery = await world.standIn.deliver({ webhookId: webhook.id, envelope, retry: false });

		expect(delivery.finalStatus).toBe(401);
		expect(world.receiver.runs).toEqual([]);
	});
});

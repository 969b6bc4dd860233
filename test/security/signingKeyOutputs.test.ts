import type { Webhook2026 } from '../stand-in';
import { useQuoNode } from '../nodes/Quo/actions/support';

const session = useQuoNode({ deliveryRetryDelaysMs: [] });

interface KeyedAnswer {
	parameters: Record<string, unknown>;
	method: string;
	path: string;
	/** Quo's answer with the webhook's signing key in it, where the node would pass it on. */
	body: unknown;
}

const deliveryId = 'msg_2abcDEFghiJKLmnoPQRstu';

/**
 * Operations other than Create and Rotate Secret, each answered by a Quo that includes the signing key (its v1 get and
 * list do; a 2026-03-30 answer might one day).
 */
const cases: Array<[string, (webhook: Webhook2026) => KeyedAnswer]> = [
	[
		'update',
		(webhook) => ({
			parameters: {
				operation: 'update',
				webhookId: webhook.id,
				updateFields: { label: 'renamed' },
			},
			method: 'PATCH',
			path: `/webhooks/${webhook.id}`,
			body: { data: { ...webhook, label: 'renamed' } },
		}),
	],
	[
		'get',
		(webhook) => ({
			parameters: { operation: 'get', webhookId: webhook.id },
			method: 'GET',
			path: `/webhooks/${webhook.id}`,
			body: { data: webhook },
		}),
	],
	[
		'getMany',
		(webhook) => ({
			parameters: { operation: 'getMany', apiVersion: '2026-03-30', returnAll: true },
			method: 'GET',
			path: '/webhooks',
			body: { data: [webhook] },
		}),
	],
	[
		'sendTestEvent',
		(webhook) => ({
			parameters: {
				operation: 'sendTestEvent',
				webhookId: webhook.id,
				eventType: 'message.received',
			},
			method: 'POST',
			path: `/webhooks/${webhook.id}/events/test`,
			body: {
				id: 'EVtest',
				type: 'message.received',
				apiVersion: '2026-03-30',
				data: {},
				key: webhook.key,
			},
		}),
	],
	[
		'getDeliveries',
		(webhook) => ({
			parameters: { operation: 'getDeliveries', webhookId: webhook.id, returnAll: true },
			method: 'GET',
			path: `/webhooks/${webhook.id}/events`,
			body: {
				data: [
					{
						id: deliveryId,
						eventType: 'message.received',
						status: 'success',
						nextAttemptAt: null,
						createdAt: webhook.createdAt,
						key: webhook.key,
					},
				],
				nextCursor: null,
			},
		}),
	],
	[
		'getDelivery',
		(webhook) => ({
			parameters: { operation: 'getDelivery', webhookId: webhook.id, deliveryId },
			method: 'GET',
			path: `/webhooks/${webhook.id}/events/${deliveryId}`,
			body: {
				data: {
					id: deliveryId,
					eventType: 'message.received',
					createdAt: webhook.createdAt,
					requestBody: '{}',
					attempts: [],
					key: webhook.key,
				},
			},
		}),
	],
];

describe('a signing key in the answer reaches the output of Create and Rotate Secret only', () => {
	test.each(cases)(
		'%s leaves out the key Quo answered with, and keeps the rest',
		async (_operation, keyedAnswer) => {
			await session.run({
				resource: 'webhook',
				operation: 'create',
				url: 'https://example.com/quo-events',
				events: ['message.received'],
			});
			const webhook = session.standIn.state.webhooks2026[0]!;
			const { parameters, method, path, body } = keyedAnswer(webhook);
			session.standIn.addFault({ method, path, status: 200, body });

			const output = await session.run({ resource: 'webhook', ...parameters });

			expect(output.length).toBeGreaterThan(0);
			expect(output.filter((item) => 'key' in item.json)).toEqual([]);
			expect(output.every((item) => typeof item.json.id === 'string')).toBe(true);
		},
	);
});

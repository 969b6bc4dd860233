import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { startReceiver, type Receiver } from '../../../../stand-in/test-support/receiver';
import { waitUntil } from '../../../../stand-in/test-support/wait-until';
import { locator, pairings, useQuoNode } from '../support';

const session = useQuoNode({ deliveryRetryDelaysMs: [] });
const state = () => session.standIn.state;
const URL = 'https://example.com/quo-events';

let receiver: Receiver;
beforeAll(async () => {
	receiver = await startReceiver([200]);
});
afterAll(async () => await receiver.close());

const create = (overrides: Record<string, unknown> = {}) => ({
	resource: 'webhook',
	operation: 'create',
	apiVersion: '2026-03-30',
	url: URL,
	events: ['message.received', 'call.completed'],
	...overrides,
});

async function created2026(overrides: Record<string, unknown> = {}): Promise<string> {
	const [item] = await session.run(create(overrides));
	session.standIn.requests.length = 0;
	return item.json.id as string;
}

describe('webhook: create', () => {
	test('2026-03-30: one webhook with its signing key; no phone numbers means every number', async () => {
		const output = await session.run(create({ label: 'n8n orders', status: 'disabled' }));

		expect(output).toEqual([
			{
				json: expect.objectContaining({
					id: expect.stringMatching(/^[0-9]+$/),
					url: URL,
					events: ['message.received', 'call.completed'],
					resourceIds: ['*'],
					label: 'n8n orders',
					status: 'disabled',
					apiVersion: '2026-03-30',
					key: expect.stringMatching(/^whsec_/),
				}),
				pairedItem: { item: 0 },
			},
		]);
		expect(session.standIn.requests.map((request) => request.body)).toEqual([
			{
				url: URL,
				status: 'disabled',
				label: 'n8n orders',
				events: ['message.received', 'call.completed'],
				resourceIds: ['*'],
			},
		]);
	});

	test('2026-03-30: phone numbers become the filter, and E.164 numbers from an expression are looked up', async () => {
		const [sales, support] = state().phoneNumbers;

		const [item] = await session.run(create({ phoneNumberIds: [sales!.id, support!.number] }));

		expect(item.json.resourceIds).toEqual([sales!.id, support!.id]);
		expect(session.requestLines()).toEqual(['GET /v1/phone-numbers', 'POST /webhooks']);
	});

	test('2026-03-30: a contact-only webhook is sent for every number (contact events are workspace-wide), as the trigger sends it', async () => {
		await session.run(
			create({ events: ['contact.updated'], phoneNumberIds: [state().phoneNumbers[0]!.id] }),
		);

		expect(session.standIn.requests[0]!.body).toEqual({
			url: URL,
			status: 'enabled',
			events: ['contact.updated'],
			resourceIds: ['*'],
		});
	});

	test('v1: one webhook per event family, one item each, every one with its key', async () => {
		const events = ['message.received', 'call.ringing', 'call.completed', 'call.summary.completed'];

		const output = await session.run(create({ apiVersion: 'v1', events, label: 'legacy' }));

		expect(output.map((item) => item.json.events)).toEqual([
			['message.received'],
			['call.ringing', 'call.completed'],
			['call.summary.completed'],
		]);
		expect(
			output.every((item) => item.json.apiVersion === 'v1' && /^WH/.test(item.json.id as string)),
		).toBe(true);
		expect(output.every((item) => typeof item.json.key === 'string')).toBe(true);
		expect(pairings(output)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(session.requestLines()).toEqual([
			'POST /v1/webhooks/messages',
			'POST /v1/webhooks/calls',
			'POST /v1/webhooks/call-summaries',
		]);
		expect(session.standIn.requests[1]!.body).toEqual({
			url: URL,
			status: 'enabled',
			label: 'legacy',
			resourceIds: ['*'],
			events: ['call.ringing', 'call.completed'],
		});
	});

	test('v1: an event that v1 lacks fails before any request', async () => {
		const error = await session.failure(
			create({ apiVersion: 'v1', events: ['message.received', 'contact.updated', 'task.created'] }),
		);

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			'Events: contact.updated, task.created not offered by v1 webhooks; choose Webhook Version 2026-03-30 for them',
		);
		expect(session.standIn.requests).toHaveLength(0);
	});

	test('v1: when one family fails, the families already created are removed again', async () => {
		session.standIn.addFault({ method: 'POST', path: '/v1/webhooks/calls', status: 500 });

		const error = await session.failure(
			create({ apiVersion: 'v1', events: ['message.received', 'call.completed'] }),
		);

		expect((error as NodeApiError).httpCode).toBe('500');
		expect(session.requestLines()).toEqual([
			'POST /v1/webhooks/messages',
			'POST /v1/webhooks/calls',
			expect.stringMatching(/^DELETE \/v1\/webhooks\/WH/),
		]);
		expect(state().webhooksV1).toEqual([]);
	});

	test('a missing URL or no events fail before any request', async () => {
		const noUrl = await session.failure(create({ url: ' ' }));
		const noEvents = await session.failure(create({ events: [] }));

		expect(noUrl.message).toBe('URL: required: the endpoint Quo sends the events to');
		expect(noEvents.message).toBe('Events: choose at least one event');
		expect(session.standIn.requests).toHaveLength(0);
	});
});

describe('webhook: get, getMany and delete across both generations', () => {
	test('webhooks this node created and then deleted leave Quo with none', async () => {
		const madeNow = await session.run(create());
		const legacy = await session.run(
			create({ apiVersion: 'v1', events: ['message.received', 'call.completed'] }),
		);
		const ids = [...madeNow, ...legacy].map((item) => ({ webhookId: item.json.id }));
		expect(state().webhooks2026).toHaveLength(1);
		expect(state().webhooksV1).toHaveLength(2);

		const deleted = await session.run(
			{ resource: 'webhook', operation: 'delete', webhookId: '={{ $json.webhookId }}' },
			{ items: ids },
		);

		expect(deleted.map((item) => item.json)).toEqual([
			{ id: ids[0]!.webhookId, apiVersion: '2026-03-30', deleted: true },
			{ id: ids[1]!.webhookId, apiVersion: 'v1', deleted: true },
			{ id: ids[2]!.webhookId, apiVersion: 'v1', deleted: true },
		]);
		expect(pairings(deleted)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(state().webhooks2026).toEqual([]);
		expect(state().webhooksV1).toEqual([]);
	});

	test('get reads the webhook from the API its id belongs to', async () => {
		const [current] = await session.run(create());
		const [legacy] = await session.run(create({ apiVersion: 'v1', events: ['call.completed'] }));
		session.standIn.requests.length = 0;

		const output = await session.run(
			{ resource: 'webhook', operation: 'get', webhookId: '={{ $json.id }}' },
			{ items: [{ id: current.json.id }, { id: legacy.json.id }] },
		);

		expect(output.map((item) => [item.json.id, item.json.apiVersion])).toEqual([
			[current.json.id, '2026-03-30'],
			[legacy.json.id, 'v1'],
		]);
		// Quo's v1 get returns the signing key; the node leaves it out (it goes to Create and Rotate Secret only).
		expect(output.map((item) => 'key' in item.json)).toEqual([false, false]);
		expect(session.requestLines().sort()).toEqual([
			`GET /v1/webhooks/${legacy.json.id}`,
			`GET /webhooks/${current.json.id}`,
		]);
	});

	test('getMany sees both generations by default, each item saying its own', async () => {
		await session.run(create());
		await session.run(create({ apiVersion: 'v1', events: ['message.received', 'call.completed'] }));

		const all = await session.run({ resource: 'webhook', operation: 'getMany', returnAll: true });
		const onlyV1 = await session.run({
			resource: 'webhook',
			operation: 'getMany',
			apiVersion: 'v1',
			returnAll: true,
		});
		const limited = await session.run({ resource: 'webhook', operation: 'getMany', limit: 2 });

		expect(all.map((item) => item.json.apiVersion)).toEqual(['2026-03-30', 'v1', 'v1']);
		expect(all.map((item) => item.json.id)).toEqual([
			state().webhooks2026[0]!.id,
			...state().webhooksV1.map((webhook) => webhook.id),
		]);
		expect(pairings(all)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
		expect(onlyV1).toHaveLength(2);
		expect([...all, ...onlyV1].some((item) => 'key' in item.json)).toBe(false);
		expect(limited).toHaveLength(2);
	});

	test("getMany lists the v1 webhooks of another user when asked (Quo lists the owner's by default)", async () => {
		const [legacy] = await session.run(create({ apiVersion: 'v1', events: ['call.completed'] }));
		const member = state().users[2]!;
		state().webhooksV1[0]!.userId = member.id;
		const getManyV1 = {
			resource: 'webhook',
			operation: 'getMany',
			apiVersion: 'v1',
			returnAll: true,
		};

		const ownersOnly = await session.run(getManyV1);
		const members = await session.run({ ...getManyV1, userId: locator('list', member.id) });

		expect(ownersOnly).toEqual([]);
		expect(members.map((item) => item.json.id)).toEqual([legacy.json.id]);
		expect(session.standIn.requests.at(-1)!.query).toEqual({ userId: member.id });
	});

	test('an id of neither form fails before any request', async () => {
		const error = await session.failure({
			resource: 'webhook',
			operation: 'get',
			webhookId: 'hook-1',
		});

		expect(error.message).toBe(
			"Webhook ID: 'hook-1' is neither a v1 webhook ID (starting with WH) nor a 2026-03-30 webhook ID (digits only)",
		);
		expect(session.standIn.requests).toHaveLength(0);
	});
});

describe('webhook: operations that only 2026-03-30 has', () => {
	test.each([
		['update', { updateFields: { label: 'x' } }, 'update a webhook'],
		['rotateSecret', {}, 'rotate a signing secret'],
		['sendTestEvent', { eventType: 'message.received' }, 'send a test event'],
		['getDeliveries', { returnAll: true }, 'list deliveries'],
		['getDelivery', { deliveryId: 'msg_1' }, 'read a delivery'],
		['retryDelivery', { deliveryId: 'msg_1' }, 'retry a delivery'],
	])('%s on a v1 (WH…) id fails before any request, saying so', async (operation, extra, what) => {
		const error = await session.failure({
			resource: 'webhook',
			operation,
			webhookId: 'WHabc123',
			...extra,
		});

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			`Webhook ID: 'WHabc123' is a v1 webhook, and Quo's v1 API has no way to ${what}; this works only on 2026-03-30 webhooks (numeric IDs). Create a 2026-03-30 webhook to use it.`,
		);
		expect(session.standIn.requests).toHaveLength(0);
	});

	test('update PATCHes only the fields set; empty phone numbers mean every number, an empty label removes it', async () => {
		const webhookId = await created2026({
			label: 'old',
			phoneNumberIds: [state().phoneNumbers[0]!.id],
		});

		const [item] = await session.run({
			resource: 'webhook',
			operation: 'update',
			webhookId,
			updateFields: { status: 'disabled', phoneNumberIds: [], label: '' },
		});

		expect(session.standIn.requests.map((request) => request.body)).toEqual([
			{ status: 'disabled', resourceIds: ['*'], label: null },
		]);
		expect(item.json).toMatchObject({
			id: webhookId,
			status: 'disabled',
			resourceIds: ['*'],
			label: null,
			url: URL,
		});
	});

	test('update changes URL and events', async () => {
		const webhookId = await created2026();

		const [item] = await session.run({
			resource: 'webhook',
			operation: 'update',
			webhookId,
			updateFields: { url: 'https://example.com/other', events: ['task.created'] },
		});

		expect(item.json).toMatchObject({ url: 'https://example.com/other', events: ['task.created'] });
		expect(session.standIn.requests[0]!.body).toEqual({
			url: 'https://example.com/other',
			events: ['task.created'],
		});
	});

	test('update with nothing to change fails before any request', async () => {
		const error = await session.failure({
			resource: 'webhook',
			operation: 'update',
			webhookId: '1001',
			updateFields: {},
		});

		expect(error.message).toBe('Update Fields: add at least one field to change');
		expect(session.standIn.requests).toHaveLength(0);
	});

	test('rotateSecret returns the new signing key', async () => {
		const [createdItem] = await session.run(create());

		const [item] = await session.run({
			resource: 'webhook',
			operation: 'rotateSecret',
			webhookId: createdItem.json.id,
		});

		expect(item).toEqual({
			json: { id: createdItem.json.id, key: expect.stringMatching(/^whsec_/) },
			pairedItem: { item: 0 },
		});
		expect(item.json.key).not.toBe(createdItem.json.key);
		expect(item.json.key).toBe(state().webhooks2026[0]!.key);
	});

	test('sendTestEvent returns the rendered sample, which Quo also delivers', async () => {
		const webhookId = await created2026({ url: receiver.url });
		const before = receiver.received.length;

		const [item] = await session.run({
			resource: 'webhook',
			operation: 'sendTestEvent',
			webhookId,
			eventType: 'call.completed',
		});

		expect(item.json).toMatchObject({
			type: 'call.completed',
			apiVersion: '2026-03-30',
			data: expect.any(Object),
		});
		expect(session.standIn.requests[0]!.body).toEqual({ eventType: 'call.completed' });
		await receiver.waitFor(before + 1);
	});
});

describe('webhook: deliveries', () => {
	let webhookId: string;
	beforeEach(async () => {
		webhookId = await created2026({ url: receiver.url });
	});

	async function deliver(count: number, type = 'message.received'): Promise<string[]> {
		const ids: string[] = [];
		for (let index = 0; index < count; index++) {
			const result = await session.standIn.deliver({
				webhookId,
				envelope: { id: `EV${type}${index}`, type },
			});
			ids.push(result.deliveryId!);
		}
		return ids;
	}

	test('Return All walks every page (more than 3 pages of 50)', async () => {
		const ids = await deliver(160);

		const output = await session.run({
			resource: 'webhook',
			operation: 'getDeliveries',
			webhookId,
			returnAll: true,
		});

		expect(output).toHaveLength(160);
		expect(new Set(output.map((item) => item.json.id))).toEqual(new Set(ids));
		expect(session.standIn.requests.map((request) => request.query.limit)).toEqual([
			'50',
			'50',
			'50',
			'50',
		]);
		expect(
			session.standIn.requests.slice(1).every((request) => typeof request.query.after === 'string'),
		).toBe(true);
	});

	test('Limit stops early without extra requests', async () => {
		await deliver(120);

		const output = await session.run({
			resource: 'webhook',
			operation: 'getDeliveries',
			webhookId,
			limit: 60,
		});

		expect(output).toHaveLength(60);
		expect(session.standIn.requests.map((request) => request.query.limit)).toEqual(['50', '10']);
	});

	test('filters by status, event types and time', async () => {
		await deliver(2, 'message.received');
		await deliver(1, 'call.completed');
		const since = new Date(Date.now() - 60_000).toISOString();

		const output = await session.run({
			resource: 'webhook',
			operation: 'getDeliveries',
			webhookId,
			returnAll: true,
			filters: { status: 'success', eventTypes: ['call.completed'], createdAfter: since },
		});

		expect(output.map((item) => item.json.eventType)).toEqual(['call.completed']);
		expect(session.standIn.requests[0]!.query).toEqual({
			status: 'success',
			eventTypes: 'call.completed',
			createdAfter: since,
			limit: '50',
		});
	});

	test.each(['getDelivery', 'retryDelivery'])(
		'%s refuses a Delivery ID that would address another path, before any request',
		async (operation) => {
			session.standIn.requests.length = 0;
			const error = await session.failure({
				resource: 'webhook',
				operation,
				webhookId,
				deliveryId: '..',
			});

			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe("'..' is not a Quo webhook or delivery ID");
			expect(session.standIn.requests).toHaveLength(0);
		},
	);

	test('getDelivery returns the delivery with its attempts; retryDelivery sends it again', async () => {
		const [deliveryId] = await deliver(1);
		session.standIn.requests.length = 0;

		const [detail] = await session.run({
			resource: 'webhook',
			operation: 'getDelivery',
			webhookId,
			deliveryId,
		});
		const [retried] = await session.run({
			resource: 'webhook',
			operation: 'retryDelivery',
			webhookId,
			deliveryId,
		});

		expect(detail.json).toMatchObject({
			id: deliveryId,
			eventType: 'message.received',
			attempts: [expect.objectContaining({ responseStatusCode: 200, triggerType: 'scheduled' })],
		});
		expect(retried).toEqual({
			json: { webhookId, deliveryId, retryAccepted: true },
			pairedItem: { item: 0 },
		});
		const delivery = state().deliveries.find((candidate) => candidate.id === deliveryId)!;
		await waitUntil(() => delivery.attempts.length === 2);
		expect(delivery.attempts[1]!.triggerType).toBe('manual');
	});
});

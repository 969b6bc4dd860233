import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';
import { startReceiver, type Receiver } from './test-support/receiver';
import { waitUntil } from './test-support/wait-until';

const envelopeOf = (type: string, id: string) => ({
	id,
	apiVersion: '2026-03-30',
	createdAt: '2026-04-13T12:00:00.000Z',
	type,
	data: { resource: {}, context: null, links: { quo: null } },
});

describe('stand-in webhook deliveries endpoints', () => {
	let standIn: StandIn;
	let receiver: Receiver;
	let webhookId: string;

	beforeAll(async () => {
		standIn = await startStandIn({ rateLimitPerSecond: 0, deliveryRetryDelaysMs: [20] });
	});
	afterAll(() => standIn.close());
	beforeEach(async () => {
		standIn.reset();
		receiver = await startReceiver([200]);
		const created = await callQuo(standIn, 'POST', '/webhooks', {
			body: { url: receiver.url, events: ['message.received', 'call.completed'] },
		});
		webhookId = created.json.data.id;
	});
	afterEach(() => receiver.close());

	const deliverAll = async (types: string[]) => {
		const ids: string[] = [];
		for (const [index, type] of types.entries()) {
			const result = await standIn.deliver({ webhookId, envelope: envelopeOf(type, `EV${index}`) });
			ids.push(result.deliveryId ?? '');
		}
		return ids;
	};

	it('lists deliveries newest first with their summary fields', async () => {
		const [first, second] = await deliverAll(['message.received', 'call.completed']);

		const response = await callQuo(standIn, 'GET', `/webhooks/${webhookId}/events`);

		expect(response.status).toBe(200);
		expect(response.json).toEqual({
			data: [
				{
					id: second,
					eventType: 'call.completed',
					status: 'success',
					nextAttemptAt: null,
					createdAt: expect.any(String),
				},
				{
					id: first,
					eventType: 'message.received',
					status: 'success',
					nextAttemptAt: null,
					createdAt: expect.any(String),
				},
			],
			nextCursor: null,
		});
	});

	it('pages with limit and after', async () => {
		const ids = await deliverAll(['message.received', 'message.received', 'message.received']);
		const newestFirst = [...ids].reverse();

		const events = `/webhooks/${webhookId}/events`;
		const firstPage = await callQuo(standIn, 'GET', `${events}?limit=2`);
		const secondPage = await callQuo(
			standIn,
			'GET',
			`${events}?limit=2&after=${firstPage.json.nextCursor}`,
		);

		expect(firstPage.json.data.map((item: { id: string }) => item.id)).toEqual(
			newestFirst.slice(0, 2),
		);
		expect(firstPage.json.nextCursor).toBe(newestFirst[1]);
		expect(secondPage.json).toEqual({
			data: [expect.objectContaining({ id: newestFirst[2] })],
			nextCursor: null,
		});
	});

	it('filters by status, repeated eventTypes and creation time', async () => {
		await deliverAll(['message.received', 'call.completed']);
		const failing = await startReceiver([500]);
		try {
			await standIn.deliver({
				webhookId,
				envelope: envelopeOf('message.received', 'EVx'),
				url: failing.url,
				retry: false,
			});
		} finally {
			await failing.close();
		}
		const list = async (query: string) =>
			(await callQuo(standIn, 'GET', `/webhooks/${webhookId}/events?${query}`)).json.data.map(
				(item: { eventType: string; status: string }) => `${item.eventType}:${item.status}`,
			);

		expect(await list('status=failed')).toEqual(['message.received:failed']);
		expect(await list('eventTypes=call.completed')).toEqual(['call.completed:success']);
		expect(await list('eventTypes=call.completed&eventTypes=message.received')).toHaveLength(3);
		expect(await list('createdAfter=2999-01-01T00:00:00Z')).toEqual([]);
		expect(await list('createdBefore=2999-01-01T00:00:00Z')).toHaveLength(3);
	});

	it('shows one delivery with its request body and attempts', async () => {
		const flaky = await startReceiver([503, 200]);
		try {
			const result = await standIn.deliver({
				webhookId,
				envelope: envelopeOf('message.received', 'EV1'),
				url: flaky.url,
			});

			const response = await callQuo(
				standIn,
				'GET',
				`/webhooks/${webhookId}/events/${result.deliveryId}`,
			);

			expect(response.status).toBe(200);
			expect(response.json).toEqual({
				data: {
					id: result.deliveryId,
					eventType: 'message.received',
					createdAt: expect.any(String),
					requestBody: envelopeOf('message.received', 'EV1'),
					attempts: [
						{
							id: expect.stringMatching(/^atmpt_/),
							timestamp: expect.any(String),
							status: 'failed',
							responseStatusCode: 503,
							responseBody: 'answer 1',
							responseDurationMs: expect.any(Number),
							triggerType: 'scheduled',
							url: flaky.url,
						},
						expect.objectContaining({ status: 'success', responseStatusCode: 200 }),
					],
				},
			});
		} finally {
			await flaky.close();
		}
	});

	it('answers 404 for a delivery that does not exist', async () => {
		const response = await callQuo(standIn, 'GET', `/webhooks/${webhookId}/events/msg_unknown`);

		expect(response.status).toBe(404);
		expect(response.json).toMatchObject({ code: '0300404', message: 'Webhook event not found' });
	});

	it('re-sends a delivery on retry, with the same webhook-id, as a manual attempt', async () => {
		const [deliveryId] = await deliverAll(['message.received']);

		const response = await callQuo(
			standIn,
			'POST',
			`/webhooks/${webhookId}/events/${deliveryId}/retry`,
		);

		expect(response.status).toBe(202);
		expect(response.json).toEqual({});
		const [original, resent] = await receiver.waitFor(2);
		expect(resent?.rawBody).toBe(original?.rawBody);
		expect(resent?.headers['webhook-id']).toBe(deliveryId);
		await waitUntil(() => standIn.state.deliveries[0]?.attempts.length === 2);
		expect(standIn.state.deliveries[0]?.attempts.map((attempt) => attempt.triggerType)).toEqual([
			'scheduled',
			'manual',
		]);
	});
});

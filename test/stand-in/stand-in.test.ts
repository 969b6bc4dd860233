import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';

describe('stand-in server', () => {
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn({ rateLimitPerSecond: 0 });
	});
	afterAll(() => standIn.close());
	beforeEach(() => {
		standIn.reset();
		standIn.setResponseDelay(0);
	});

	it('listens on 127.0.0.1', () => {
		expect(standIn.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	});

	it('records every request with its query, headers and body', async () => {
		await callQuo(standIn, 'POST', '/v1/webhooks/messages?a=1&b=2&b=3', {
			body: { url: 'https://example.com/hook', events: ['message.received'] },
			headers: { 'X-Test': 'yes' },
		});

		expect(standIn.requests).toEqual([
			{
				at: expect.any(Number),
				method: 'POST',
				path: '/v1/webhooks/messages',
				rawQuery: 'a=1&b=2&b=3',
				query: { a: '1', b: ['2', '3'] },
				headers: expect.objectContaining({ 'x-test': 'yes', authorization: standIn.apiKey }),
				body: { url: 'https://example.com/hook', events: ['message.received'] },
				rawBody: '{"url":"https://example.com/hook","events":["message.received"]}',
				operationId: 'createMessageWebhook_v1',
				status: expect.any(Number),
				answeredAt: expect.any(Number),
				validationErrors: expect.any(Array),
				apiKey: standIn.apiKey,
			},
		]);
	});

	it('answers unknown routes with a Quo 404 body', async () => {
		const response = await callQuo(standIn, 'GET', '/v1/nothing-here');

		expect(response.status).toBe(404);
		expect(response.json).toMatchObject({
			message: 'Cannot GET /v1/nothing-here',
			code: '0000404',
			status: 404,
			title: 'Not Found',
		});
		expect(standIn.requests[0]?.operationId).toBeNull();
	});

	it('adds the response delay before every answer', async () => {
		standIn.setResponseDelay(250);
		const startedAt = Date.now();

		const [ok, refused] = await Promise.all([
			callQuo(standIn, 'GET', '/v1/phone-numbers'),
			callQuo(standIn, 'GET', '/v1/phone-numbers', { apiKey: null }),
		]);

		expect([ok.status, refused.status]).toEqual([200, 401]);
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(240);
	});

	it('resets requests, faults, webhooks and deliveries but keeps the seeded data', async () => {
		const phoneNumbers = [...standIn.state.phoneNumbers];
		const url = 'https://example.com/hook';
		await callQuo(standIn, 'POST', '/webhooks', { body: { url, events: ['message.received'] } });
		await callQuo(standIn, 'POST', '/v1/webhooks/calls', {
			body: { url, events: ['call.completed'] },
		});
		standIn.addFault({ path: '/v1/users', status: 500 });
		const requests = standIn.requests;

		standIn.reset();

		expect(requests).toHaveLength(0);
		expect(standIn.state.webhooks2026).toHaveLength(0);
		expect(standIn.state.webhooksV1).toHaveLength(0);
		expect(standIn.state.phoneNumbers).toEqual(phoneNumbers);
		expect((await callQuo(standIn, 'GET', '/v1/users?maxResults=1')).status).toBe(200);
	});

	it('seeds as much demo data as asked and serves state seeded by tests', async () => {
		const small = await startStandIn({ seed: { phoneNumbers: 1, users: 5 }, openApiDir: null });
		try {
			small.state.phoneNumbers[0]!.name = 'Renamed by a test';

			const response = await callQuo(small, 'GET', '/v1/phone-numbers');

			expect(small.state.users).toHaveLength(5);
			expect(response.json.data).toHaveLength(1);
			expect(response.json.data[0].name).toBe('Renamed by a test');
		} finally {
			await small.close();
		}
	});

	it('listens on a given port and frees it on close', async () => {
		const first = await startStandIn({ openApiDir: null });
		const port = Number(new URL(first.url).port);
		await first.close();

		const second = await startStandIn({ port, openApiDir: null });
		try {
			expect(second.url).toBe(`http://127.0.0.1:${port}`);
		} finally {
			await second.close();
		}
		await expect(fetch(second.url)).rejects.toThrow();
	});
});

import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';

describe('stand-in fault injection', () => {
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn();
	});
	afterAll(() => standIn.close());
	beforeEach(() => {
		standIn.reset();
		standIn.setRateLimit(10);
	});

	const listNumbers = () => callQuo(standIn, 'GET', '/v1/phone-numbers');

	it('answers the next matching request with the status and a Quo error body of the route family', async () => {
		standIn.addFault({ method: 'GET', path: '/v1/phone-numbers', status: 500 });

		const faulted = await listNumbers();
		const normal = await listNumbers();

		expect(faulted.status).toBe(500);
		expect(faulted.json).toMatchObject({
			message: 'An unknown error occurred',
			code: '0401500',
			status: 500,
			title: 'Unknown',
		});
		expect(normal.status).toBe(200);
		expect(standIn.requests.map((request) => request.status)).toEqual([500, 200]);
	});

	it('applies before auth, version checks and validation', async () => {
		standIn.addFault({ path: '/webhooks', status: 503, times: 2 });

		const noKey = await callQuo(standIn, 'GET', '/webhooks', { apiKey: null, version: null });
		const invalid = await callQuo(standIn, 'POST', '/webhooks', { body: { nope: true } });

		expect([noKey.status, invalid.status]).toEqual([503, 503]);
	});

	it('sends a given body, raw text, content type and headers', async () => {
		const page = '<html><body>Bad gateway</body></html>';
		standIn.addFault({ path: '/v1/phone-numbers', status: 502, rawBody: page, contentType: 'text/html' });
		standIn.addFault({ path: '/v1/phone-numbers', status: 200, rawBody: '{"data":[{"id":"PN' });
		standIn.addFault({ path: '/v1/phone-numbers', status: 418, body: { custom: true }, headers: { 'Retry-After': '3' } });

		const html = await listNumbers();
		const truncated = await listNumbers();
		const custom = await listNumbers();

		expect(html.status).toBe(502);
		expect(html.headers.get('content-type')).toBe('text/html');
		expect(html.text).toBe(page);
		expect(truncated.text).toBe('{"data":[{"id":"PN');
		expect(truncated.json).toBeUndefined();
		expect(custom.json).toEqual({ custom: true });
		expect(custom.headers.get('retry-after')).toBe('3');
	});

	it('delays, then handles the request normally', async () => {
		standIn.addFault({ path: '/v1/phone-numbers', delayMs: 300 });

		const startedAt = Date.now();
		const delayed = await listNumbers();

		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(290);
		expect(delayed.status).toBe(200);
	});

	it('delays, then answers the status when one is given', async () => {
		standIn.addFault({ path: '/v1/phone-numbers', delayMs: 200, status: 504 });

		const startedAt = Date.now();
		const response = await listNumbers();

		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(190);
		expect(response.status).toBe(504);
	});

	it('drops the connection without answering', async () => {
		standIn.addFault({ path: '/v1/phone-numbers', dropConnection: true });

		await expect(listNumbers()).rejects.toThrow();
		expect(standIn.requests[0]?.status).toBe(0);
		expect((await listNumbers()).status).toBe(200);
	});

	it('matches by method and by RegExp, for the given number of times', async () => {
		standIn.addFault({ method: 'POST', path: /^\/v1\/webhooks\//, status: 500, times: 2 });

		const get = await callQuo(standIn, 'GET', '/v1/webhooks');
		const posts = [];
		for (let i = 0; i < 3; i++) {
			posts.push(
				await callQuo(standIn, 'POST', '/v1/webhooks/messages', {
					body: { url: 'https://example.com/hook', events: ['message.received'] },
				}),
			);
		}

		expect(get.status).toBe(200);
		expect(posts.map((response) => response.status)).toEqual([500, 500, 201]);
	});

	it('keeps applying a fault with times: Infinity until cleared', async () => {
		standIn.addFault({ path: '/v1/phone-numbers', status: 500, times: Infinity });

		const statuses = [(await listNumbers()).status, (await listNumbers()).status, (await listNumbers()).status];
		standIn.clearFaults();

		expect(statuses).toEqual([500, 500, 500]);
		expect((await listNumbers()).status).toBe(200);
	});

	it('does not count faulted requests against the rate limit', async () => {
		standIn.setRateLimit(2);
		standIn.addFault({ path: '/v1/phone-numbers', status: 500, times: 5 });

		for (let i = 0; i < 5; i++) await listNumbers();
		const afterFaults = await Promise.all([listNumbers(), listNumbers(), listNumbers()]);

		expect(afterFaults.map((response) => response.status).sort()).toEqual([200, 200, 429]);
	});

	it('refuses a fault that can never apply', () => {
		expect(() => standIn.addFault({ status: 500, times: 0 })).toThrow('times > 0');
	});
});

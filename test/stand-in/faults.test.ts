import { request as httpRequest } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';

/** Status, declared length and the bytes that arrived before the connection ended, read with node:http. */
function rawGet(
	standIn: StandIn,
	path: string,
): Promise<{ status: number; declaredLength: number; received: string; complete: boolean }> {
	return new Promise((resolve, reject) => {
		const outgoing = httpRequest(
			`${standIn.url}${path}`,
			{ headers: { Authorization: standIn.apiKey } },
			(response) => {
				const chunks: Buffer[] = [];
				const settle = () =>
					resolve({
						status: response.statusCode ?? 0,
						declaredLength: Number(response.headers['content-length']),
						received: Buffer.concat(chunks).toString('utf8'),
						complete: response.complete,
					});
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', settle);
				response.on('error', settle);
			},
		);
		outgoing.on('error', reject);
		outgoing.end();
	});
}

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
		standIn.addFault({
			path: '/v1/phone-numbers',
			status: 502,
			rawBody: page,
			contentType: 'text/html',
		});
		standIn.addFault({ path: '/v1/phone-numbers', status: 200, rawBody: '{"data":[{"id":"PN' });
		standIn.addFault({
			path: '/v1/phone-numbers',
			status: 418,
			body: { custom: true },
			headers: { 'Retry-After': '3' },
		});

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

	describe('after handling', () => {
		const createWebhook = () =>
			callQuo(standIn, 'POST', '/v1/webhooks/messages', {
				body: { url: 'https://example.com/hook', events: ['message.received'] },
			});

		it('carries out the request, then drops the connection without answering', async () => {
			standIn.addFault({
				method: 'POST',
				path: '/v1/webhooks/messages',
				dropConnection: true,
				afterHandling: true,
			});

			await expect(createWebhook()).rejects.toThrow();

			expect(standIn.state.webhooksV1).toHaveLength(1);
			expect(standIn.requests[0]?.status).toBe(0);
		});

		it('carries out the request at once and holds the answer back for the delay', async () => {
			standIn.addFault({
				method: 'POST',
				path: '/v1/webhooks/messages',
				delayMs: 400,
				afterHandling: true,
			});

			const startedAt = Date.now();
			const answer = createWebhook();
			await sleep(200);
			const createdBeforeAnswer = standIn.state.webhooksV1.length;
			const response = await answer;

			expect(createdBeforeAnswer).toBe(1);
			expect(Date.now() - startedAt).toBeGreaterThanOrEqual(390);
			expect(response.status).toBe(201);
		});

		it('keeps serving after a client gave up waiting for a held answer', async () => {
			standIn.addFault({ path: '/v1/phone-numbers', delayMs: 300, afterHandling: true });

			await expect(
				fetch(`${standIn.url}/v1/phone-numbers`, {
					headers: { Authorization: standIn.apiKey },
					signal: AbortSignal.timeout(50),
				}),
			).rejects.toThrow();
			await sleep(400);

			expect((await listNumbers()).status).toBe(200);
		});

		it('replaces the body, keeping the status of the answer', async () => {
			standIn.addFault({
				path: '/v1/phone-numbers',
				rawBody: 'Request received',
				contentType: 'text/plain',
				afterHandling: true,
			});

			const replaced = await listNumbers();

			expect(replaced.status).toBe(200);
			expect(replaced.headers.get('content-type')).toBe('text/plain');
			expect(replaced.text).toBe('Request received');
		});
	});

	it('cuts a body short: the full length is declared, half of it sent, and the connection closed', async () => {
		const whole = await listNumbers();
		standIn.addFault({ path: '/v1/phone-numbers', truncateBody: true });

		const cut = await rawGet(standIn, '/v1/phone-numbers');

		expect(cut.status).toBe(200);
		expect(cut.declaredLength).toBe(Buffer.byteLength(whole.text));
		expect(cut.received).toBe(whole.text.slice(0, Math.floor(whole.text.length / 2)));
		expect(cut.complete).toBe(false);
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

		const statuses = [
			(await listNumbers()).status,
			(await listNumbers()).status,
			(await listNumbers()).status,
		];
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

import type { INodeExecutionData } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { everythingIn } from '../../../secrets/errorText';
import { TransportProbe } from '../../../harness/probeNode';
import { N8nRuntime } from '../../../harness/runtime';
import { useStandIn } from '../../../harness/standInRuntime';
import { describeWithSpecs } from '../../../stand-in/test-support/spec-availability';

const session = useStandIn({ seed: { users: 7 } });
const probe = { nodeType: new TransportProbe(), parameters: {} };

async function send(...specs: object[]): Promise<INodeExecutionData[]> {
	const [output] = await session.runtime.execute(
		probe,
		specs.map((json) => ({ json: json as never })),
	);
	return output;
}

async function failureOf(spec: object): Promise<NodeApiError> {
	const error = await send(spec).then(
		() => undefined,
		(thrown: unknown) => thrown,
	);
	expect(error).toBeInstanceOf(NodeApiError);
	return error as NodeApiError;
}

describe('requests', () => {
	test('2026-03-30 paths carry Quo-Api-Version; /v1 paths carry none', async () => {
		await send({ method: 'GET', path: '/webhooks' }, { method: 'GET', path: '/v1/phone-numbers' });
		const byPath = Object.fromEntries(
			session.standIn.requests.map((r) => [r.path, r.headers['quo-api-version']]),
		);
		expect(byPath).toEqual({ '/webhooks': '2026-03-30', '/v1/phone-numbers': undefined });
		expect(session.standIn.requests.every((r) => r.status === 200)).toBe(true);
	});

	test('arrays in the query are sent as repeated keys', async () => {
		// /v1/calls has no stand-in handler yet (501); what matters here is the query string that arrived.
		await send({
			method: 'GET',
			path: '/v1/calls',
			qs: { participants: ['+15555550100', '+15555550101'] },
		}).catch(() => undefined);
		const calls = session.standIn.requests.find((r) => r.path === '/v1/calls');
		expect(calls?.rawQuery).toBe('participants=%2B15555550100&participants=%2B15555550101');
	});
});

describe('errors', () => {
	test("Quo's documented error body becomes a NodeApiError with Quo's message, code, status and a hint", async () => {
		const error = await failureOf({ method: 'GET', path: '/v1/webhooks/WHdoesNotExist' });
		expect(error.message).toBe('Webhook not found');
		expect(error.httpCode).toBe('404');
		expect(error.description).toContain('WHdoesNotExist');
		expect(error.description).toContain('0300404');
	});

	test('the live {error: {message, key}} body is read too, and a 401 says to check the key', async () => {
		const wrong = new N8nRuntime({
			baseUrl: session.standIn.url,
			apiKey: 'sk-live-THIS-KEY-MUST-NOT-LEAK',
		});
		const error = await wrong
			.execute(probe, [{ json: { method: 'GET', path: '/v1/phone-numbers' } }])
			.then(
				() => undefined,
				(thrown: NodeApiError) => thrown,
			);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toBe('Unauthorized');
		expect(error!.httpCode).toBe('401');
		expect(error!.description).toMatch(/API key/);
		expect(everythingIn(error!)).not.toContain('THIS-KEY-MUST-NOT-LEAK');
	});

	test('a key that Quo echoes back in its message is redacted', async () => {
		session.standIn.addFault({
			path: '/v1/phone-numbers',
			status: 403,
			body: {
				message: `Key ${session.standIn.apiKey} lacks access`,
				code: '0400403',
				status: 403,
				title: 'Forbidden',
			},
		});
		const error = await failureOf({ method: 'GET', path: '/v1/phone-numbers' });
		expect(error.message).toBe('Key [redacted] lacks access');
		expect(error.description).toMatch(/plan/);
		expect(everythingIn(error)).not.toContain(session.standIn.apiKey);
	});

	test('402 and 403 hint at the plan or permissions', async () => {
		session.standIn.addFault({ path: '/v1/phone-numbers', status: 402 });
		const error = await failureOf({ method: 'GET', path: '/v1/phone-numbers' });
		expect(error.httpCode).toBe('402');
		expect(error.description).toMatch(/plan or subscription/);
	});

	test('an HTML error page from a proxy gives a readable message', async () => {
		session.standIn.addFault({
			method: 'POST',
			path: '/webhooks',
			status: 502,
			rawBody: '<html><body><h1>502 Bad Gateway</h1></body></html>',
			contentType: 'text/html',
		});
		const error = await failureOf({
			method: 'POST',
			path: '/webhooks',
			body: { url: 'https://example.com/hook', events: ['message.received'] },
		});
		expect(error.message).toBe('Quo answered HTTP 502: 502 Bad Gateway');
		expect(error.httpCode).toBe('502');
	});

	test('a dropped connection on a write fails once, saying what the request may have done, with no key', async () => {
		session.standIn.addFault({ method: 'POST', path: '/v1/messages', dropConnection: true });
		const error = await failureOf({
			method: 'POST',
			path: '/v1/messages',
			body: { content: 'hi', from: '+15555550101', to: ['+15555550100'] },
			effect: { what: 'the message', done: 'sent', redo: 'sending' },
		});
		expect(error.message).toBe(
			"The connection to Quo broke before Quo's answer arrived; the message may have been sent. Check in Quo before sending it again.",
		);
		expect(error.description).toMatch(/not sent again automatically/);
		expect(session.standIn.requests.filter((r) => r.path === '/v1/messages')).toHaveLength(1);
		expect(everythingIn(error)).not.toContain(session.standIn.apiKey);
	});

	test('a Base URL where nothing listens: Quo could not be reached, and the hint points at the Base URL', async () => {
		const nowhere = new N8nRuntime({
			baseUrl: 'http://127.0.0.1:9',
			apiKey: session.standIn.apiKey,
		});
		const error = await nowhere
			.execute(probe, [{ json: { method: 'POST', path: '/v1/messages', body: { content: 'hi' } } }])
			.then(
				() => undefined,
				(thrown: NodeApiError) => thrown,
			);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error!.message).toBe('Could not reach Quo');
		expect(error!.description).toMatch(/Check the Base URL[^]*ECONNREFUSED/);
	});
});

describe('retries', () => {
	test('a storm of 429s is absorbed by backoff, for any method', async () => {
		session.standIn.addFault({ method: 'POST', path: '/webhooks', status: 429, times: 4 });
		const [created] = await send({
			method: 'POST',
			path: '/webhooks',
			body: { url: 'https://example.com/hook', events: ['message.received'] },
		});
		expect(created.json).toMatchObject({ data: { url: 'https://example.com/hook' } });
		expect(session.standIn.requests.map((r) => r.status)).toEqual([429, 429, 429, 429, 201]);
	});

	test('a 5xx on POST /v1/messages is reported, never retried', async () => {
		session.standIn.addFault({ method: 'POST', path: '/v1/messages', status: 500, times: 3 });
		const error = await failureOf({
			method: 'POST',
			path: '/v1/messages',
			body: { content: 'hi', from: '+15555550101', to: ['+15555550100'] },
		});
		expect(error.httpCode).toBe('500');
		expect(session.standIn.requests).toHaveLength(1);
	});

	test('a 5xx or a dropped connection on a read is retried', async () => {
		session.standIn.addFault({ method: 'GET', path: '/v1/phone-numbers', status: 503 });
		session.standIn.addFault({ method: 'GET', path: '/v1/phone-numbers', dropConnection: true });
		const [result] = await send({ method: 'GET', path: '/v1/phone-numbers' });
		expect((result.json.data as unknown[]).length).toBe(3);
		expect(session.standIn.requests.map((r) => r.status)).toEqual([503, 0, 200]);
	});

	test('retries are bounded: a read that keeps failing gives up with the last error', async () => {
		session.standIn.addFault({
			method: 'GET',
			path: '/v1/phone-numbers',
			status: 500,
			times: Infinity,
		});
		const error = await failureOf({ method: 'GET', path: '/v1/phone-numbers' });
		expect(error.httpCode).toBe('500');
		expect(session.standIn.requests).toHaveLength(4);
	});
});

describe('rate limit', () => {
	test('a burst of 50 requests stays under 10 per second as Quo counts them, with no 429', async () => {
		const specs = Array.from({ length: 50 }, () => ({ method: 'GET', path: '/v1/phone-numbers' }));
		const started = Date.now();
		const output = await send(...specs);
		const elapsed = Date.now() - started;
		expect(output).toHaveLength(50);
		const arrivals = session.standIn.requests.map((r) => r.at);
		expect(session.standIn.requests.every((r) => r.status === 200)).toBe(true);
		const busiestSecond = Math.max(
			...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + 1000).length),
		);
		expect(busiestSecond).toBeLessThanOrEqual(10);
		// Not slower than needed: 50 requests at 10/s need a little over 4 seconds.
		expect(elapsed).toBeGreaterThan(4000);
	});
});

describe('pagination', () => {
	test('v1: maxResults + pageToken walks every page, and a limit stops early without extra requests', async () => {
		const [all] = await send({ paginate: 'v1', path: '/v1/users', pageSize: 2 });
		expect((all.json.data as Array<{ id: string }>).map((u) => u.id)).toEqual(
			session.standIn.state.users.map((u) => u.id),
		);
		const pages = session.standIn.requests.filter((r) => r.path === '/v1/users');
		expect(pages).toHaveLength(4);
		expect(pages[1].query.pageToken).toEqual(expect.any(String));

		session.standIn.reset();
		const [limited] = await send({ paginate: 'v1', path: '/v1/users', pageSize: 2, limit: 3 });
		expect(limited.json.data).toHaveLength(3);
		expect(session.standIn.requests.map((r) => r.query.maxResults)).toEqual(['2', '1']);
	});

	test('2026-03-30: limit + after walks every page of deliveries', async () => {
		const [created] = await send({
			method: 'POST',
			path: '/webhooks',
			body: { url: 'http://127.0.0.1:9/unreachable', events: ['message.received'] },
		});
		const webhookId = (created.json.data as { id: string }).id;
		for (let i = 0; i < 5; i++) {
			await session.standIn.deliver({
				webhookId,
				envelope: { id: `EV${i}`, type: 'message.received' },
				retry: false,
			});
		}
		const before = session.standIn.requests.length;
		const [all] = await send({
			paginate: 'cursor',
			path: `/webhooks/${webhookId}/events`,
			pageSize: 2,
		});
		expect(all.json.data).toHaveLength(5);
		const pages = session.standIn.requests.slice(before);
		expect(pages.map((r) => r.query.after === undefined)).toEqual([true, false, false]);
	});
});

describeWithSpecs('requests checked against the OpenAPI documents', () => {
	test('an invalid body is refused by the stand-in with Quo’s error shape, and the node error names the field', async () => {
		const error = await failureOf({
			method: 'POST',
			path: '/v1/webhooks/messages',
			body: { url: 'https://example.com/hook', events: ['call.completed'] },
		});
		expect(error.httpCode).toBe('400');
		expect(error.message).toBe('The input was invalid');
		expect(error.description).toMatch(/events/);
	});
});

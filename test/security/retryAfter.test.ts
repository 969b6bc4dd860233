jest.mock('n8n-workflow', () =>
	jest.requireActual<typeof import('./virtualClock')>('./virtualClock').n8nWorkflowOnVirtualClock(),
);

import { NodeApiError } from 'n8n-workflow';

import { MAX_RETRY_WAIT_MS } from '../../nodes/Quo/transport/retryPolicy';
import { TransportProbe } from '../harness/probeNode';
import { N8nRuntime } from '../harness/runtime';
import { answer, type LoopbackServer, startLoopbackServer } from './loopbackServer';
import { useVirtualClock } from './virtualClock';

// Quo answers a 429 with `Retry-After` as seconds or as an HTTP date. A wait within the retry budget is kept to the
// millisecond; a longer one fails at once, saying when to try again. Waits run on a virtual clock (./virtualClock):
// the gap between two requests the server saw is exactly what the transport waited.

useVirtualClock(new Date('2030-01-01T00:00:00Z'));

const probe = { nodeType: new TransportProbe(), parameters: {} };
const READ = { method: 'GET', path: '/v1/phone-numbers' };

/** The Retry-After value asking to wait until `until`, in either of its forms, as of `now`. */
const retryAfter = {
	seconds: (until: number, now: number) => String(Math.ceil((until - now) / 1000)),
	'HTTP date': (until: number) => new Date(until).toUTCString(),
};
type Form = keyof typeof retryAfter;

let server: LoopbackServer;
let runtime: N8nRuntime;
/** Set by a test: the next request starts a rate limit this long, which Quo states in this form. */
let nextLimit: { seconds: number; form: Form } | undefined;
let limit: { until: number; form: Form } = { until: 0, form: 'seconds' };

beforeAll(async () => {
	server = await startLoopbackServer((request, response) => {
		if (nextLimit) {
			limit = { until: request.at + nextLimit.seconds * 1000, form: nextLimit.form };
			nextLimit = undefined;
		}
		if (request.at >= limit.until) return answer(response, 200, { data: [] });
		const header = retryAfter[limit.form](limit.until, request.at);
		answer(
			response,
			429,
			{ message: 'Too many requests', code: '0000429', status: 429 },
			{ 'retry-after': header },
		);
	});
	runtime = new N8nRuntime({ baseUrl: server.url, apiKey: 'qk_test_retry_after_8d2f4a6c0e1b3a5d' });
});

afterAll(async () => await server?.close());

beforeEach(() => {
	server.received.length = 0;
	limit = { until: 0, form: 'seconds' };
	// On to a whole second (HTTP dates have no finer unit), at least a second on, so that no request of an earlier
	// test still counts against the credential's rate limiter.
	jest.setSystemTime(Math.ceil(Date.now() / 1000) * 1000 + 1000);
});

async function outcomeOf(spec: object): Promise<unknown> {
	return await runtime.execute(probe, [{ json: spec as never }]).then(
		(output) => output,
		(thrown: unknown) => thrown,
	);
}

describe.each(Object.keys(retryAfter) as Form[])('Retry-After as %s', (form) => {
	test('a wait within the retry budget (20 s) is kept to the millisecond', async () => {
		nextLimit = { seconds: 20, form };

		const outcome = await outcomeOf(READ);

		expect(outcome).not.toBeInstanceOf(Error);
		expect(server.received).toHaveLength(2);
		expect(server.received[1]!.at - server.received[0]!.at).toBe(20_000);
	});

	test('a wait longer than the retry budget fails at once, saying when to try again', async () => {
		nextLimit = { seconds: 3600, form };

		const outcome = await outcomeOf(READ);

		expect(server.received).toHaveLength(1);
		expect(outcome).toBeInstanceOf(NodeApiError);
		const error = outcome as NodeApiError;
		const until = new Date(server.received[0]!.at + 3_600_000).toISOString();
		expect(error.httpCode).toBe('429');
		expect(error.message).toBe(
			`Quo's rate limit was reached, and Quo asks to wait 3600 seconds before trying again, until ${until.slice(0, 10)} ${until.slice(11, 19)} UTC`,
		);
		expect(error.description).toContain(
			`The Quo nodes wait at most ${MAX_RETRY_WAIT_MS / 1000} seconds before sending a request again`,
		);
	});
});

test('a wait too long for a date (9,000,000,000,000 s) still fails at once with the rate-limit error', async () => {
	nextLimit = { seconds: 9_000_000_000_000, form: 'seconds' };

	const outcome = await outcomeOf(READ);

	expect(server.received).toHaveLength(1);
	expect(outcome).toBeInstanceOf(NodeApiError);
	expect((outcome as NodeApiError).message).toMatch(
		/^Quo's rate limit was reached, and Quo asks to wait 31536000 seconds before trying again, until \d{4}-/,
	);
});

import type { ServerResponse } from 'node:http';
import { setTimeout as realDelay } from 'node:timers/promises';

import { NodeApiError } from 'n8n-workflow';

import { QUO_REQUESTS_PER_SECOND } from '../../nodes/Quo/transport/rateLimiter';
import { REQUEST_TIMEOUT_MS } from '../../nodes/Quo/transport/retryPolicy';
import { TransportProbe } from '../harness/probeNode';
import { N8nRuntime } from '../harness/runtime';
import { answer, type LoopbackServer, startLoopbackServer } from './loopbackServer';

// An answer that trickles in, a byte at a time, never lets n8n's timeout (one silence at a time) fire. The deadline
// covers the whole request. It runs on jest's fake clock, moved on a second at a time, while sockets and the
// server's trickle (node:timers/promises) run in real time.

const probe = { nodeType: new TransportProbe(), parameters: {} };
const SEND = {
	method: 'POST',
	path: '/v1/messages',
	body: { content: 'hi', from: '+15555550101', to: ['+15555550100'] },
	effect: { what: 'the message', done: 'sent', redo: 'sending' },
};
const READ = { method: 'GET', path: '/v1/phone-numbers' };

/**
 * The trickle: a byte every 25 ms, for at most this many bytes (30 s), then the end of a valid answer. Long in real
 * time, so that only the deadline can end it early however slowly a loaded machine moves the fake clock on.
 */
const TRICKLE_BYTES = 1200;

/** One trickled answer: whether n8n closed the connection before the trickle was over. */
interface Trickle {
	closedEarly: boolean;
	/** Fake time at which n8n closed it. */
	closedAt?: number;
}

let server: LoopbackServer;
let runtime: N8nRuntime;
const trickles: Trickle[] = [];

async function trickle(response: ServerResponse): Promise<void> {
	const record: Trickle = { closedEarly: false };
	trickles.push(record);
	response.on('close', () => {
		if (response.writableFinished) return;
		record.closedEarly = true;
		record.closedAt = Date.now();
	});
	response.writeHead(202, { 'content-type': 'application/json' });
	response.write('{"data":');
	for (let sent = 0; sent < TRICKLE_BYTES && !response.destroyed; sent++) {
		response.write(' ');
		await realDelay(25);
	}
	response.end('{}}');
}

beforeAll(async () => {
	server = await startLoopbackServer(async (request, response) => {
		if (request.method === 'POST') return await trickle(response);
		answer(response, 200, { data: [] });
	});
	runtime = new N8nRuntime({ baseUrl: server.url, apiKey: 'qk_test_deadline_1c3e5a7b9d2f4a6c' });
});

afterAll(async () => await server?.close());

beforeAll(() => {
	jest.useFakeTimers({
		doNotFake: [
			'nextTick',
			'setImmediate',
			'clearImmediate',
			'queueMicrotask',
			'hrtime',
			'performance',
		],
	});
});

afterAll(() => {
	jest.useRealTimers();
});

beforeEach(() => {
	server.received.length = 0;
	trickles.length = 0;
	// A minute on, so that no request of an earlier test still counts against the credential's limiter.
	jest.advanceTimersByTime(60_000);
});

/** Runs the probe on one request; resolves with its output or what it threw, and says when it has. */
function start(spec: object): { outcome: Promise<unknown>; settled: () => boolean } {
	let done = false;
	const outcome = runtime.execute(probe, [{ json: spec as never }]).then(
		(output) => output,
		(thrown: unknown) => thrown,
	);
	void outcome.finally(() => (done = true));
	return { outcome, settled: () => done };
}

/**
 * Moves the fake clock on a second at a time, with real time in between for the sockets, until `done`: at most five
 * fake minutes, which a trickle outlasts only when nothing cuts it short (it ends by itself after 30 real seconds).
 */
async function advanceUntil(done: () => boolean): Promise<void> {
	for (let second = 0; second < 300 && !done(); second++) {
		await realDelay(20);
		jest.advanceTimersByTime(1000);
	}
}

/** Waits in real time until the server has received `count` requests (at most two seconds). */
async function untilReceived(count: number): Promise<void> {
	for (let waited = 0; waited < 400 && server.received.length < count; waited++) await realDelay(5);
}

test('an answer that trickles in fails at the deadline, and its connection is closed', async () => {
	const startedAt = Date.now();
	const send = start(SEND);

	await untilReceived(1);
	await advanceUntil(send.settled);
	const outcome = await send.outcome;

	expect(outcome).toBeInstanceOf(NodeApiError);
	expect((outcome as NodeApiError).message).toBe(
		`Quo's answer was still arriving after ${REQUEST_TIMEOUT_MS / 1000} seconds; the message may have been sent. Check in Quo before sending it again.`,
	);
	expect(server.received).toHaveLength(1);
	expect(trickles).toEqual([{ closedEarly: true, closedAt: expect.any(Number) }]);
	expect(trickles[0]!.closedAt! - startedAt).toBeLessThanOrEqual(REQUEST_TIMEOUT_MS + 1000);
});

test("the deadline gives the credential's limiter places back: a request waiting behind trickling ones goes out", async () => {
	const sends = Array.from({ length: QUO_REQUESTS_PER_SECOND }, () => start(SEND));
	await untilReceived(QUO_REQUESTS_PER_SECOND);
	const read = start(READ);

	await advanceUntil(() => read.settled() && sends.every(({ settled }) => settled()));

	expect(await read.outcome).not.toBeInstanceOf(Error);
	for (const send of sends) expect(await send.outcome).toBeInstanceOf(NodeApiError);
	const readArrival = server.received.find(({ method }) => method === 'GET')!.at;
	expect(trickles.map(({ closedEarly }) => closedEarly)).toEqual(
		Array(QUO_REQUESTS_PER_SECOND).fill(true),
	);
	expect(trickles.every(({ closedAt }) => closedAt! <= readArrival)).toBe(true);
});

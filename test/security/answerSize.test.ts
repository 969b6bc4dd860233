import type { ServerResponse } from 'node:http';

import { NodeApiError } from 'n8n-workflow';

import { MAX_ANSWER_BYTES } from '../../nodes/Quo/transport/retryPolicy';
import { TransportProbe } from '../harness/probeNode';
import { N8nRuntime } from '../harness/runtime';
import { type LoopbackServer, startLoopbackServer } from './loopbackServer';

// n8n would read a body of any size into memory. Quo's answers are small: past the cap the transport stops reading
// and closes the connection. The server sends without a length, as fast as it is read, up to a bound of its own.

const probe = { nodeType: new TransportProbe(), parameters: {} };
const CHUNK = Buffer.alloc(64 * 1024, ' ');
/** Where the server stops by itself: far past the cap, so that a reader without one reads it all. */
const SERVER_LIMIT_BYTES = 3 * MAX_ANSWER_BYTES;

let server: LoopbackServer;
let runtime: N8nRuntime;
let bytesSent = 0;

async function endless(response: ServerResponse): Promise<void> {
	response.writeHead(200, { 'content-type': 'application/json' });
	response.write('{"data":[');
	for (
		bytesSent = 0;
		bytesSent < SERVER_LIMIT_BYTES && !response.destroyed;
		bytesSent += CHUNK.length
	) {
		if (!response.write(CHUNK))
			await new Promise((resolve) => response.once('drain', resolve).once('close', resolve));
	}
	response.end(']}');
}

beforeAll(async () => {
	server = await startLoopbackServer(async (_request, response) => await endless(response));
	runtime = new N8nRuntime({ baseUrl: server.url, apiKey: 'qk_test_answer_size_7e9a1c3e5b7d9f1a' });
});

afterAll(async () => await server?.close());

test('an answer past the size cap is an error, and the rest of it is never read', async () => {
	const outcome = await runtime
		.execute(probe, [{ json: { method: 'GET', path: '/v1/contacts' } as never }])
		.then(
			(output) => output,
			(thrown: unknown) => thrown,
		);

	expect(outcome).toBeInstanceOf(NodeApiError);
	const error = outcome as NodeApiError;
	expect(error.message).toBe(
		`Quo answered HTTP 200 with more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`,
	);
	expect(error.description).toMatch(/stopped reading it there[^]*Base URL/);
	// A read answer is not retried: Quo saw one request.
	expect(server.received).toHaveLength(1);
	expect(bytesSent).toBeLessThan(SERVER_LIMIT_BYTES);
});

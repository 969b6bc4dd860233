import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as it reached the server. */
export interface ReceivedRequest {
	method: string;
	/** Path and query, as sent. */
	url: string;
	headers: IncomingMessage['headers'];
	body: string;
	/** `Date.now()` when the request arrived (a fake clock's, when the test fakes one). */
	at: number;
}

export interface LoopbackServer {
	/** `http://127.0.0.1:<port>`, no trailing slash. */
	url: string;
	/** `127.0.0.1:<port>`, as a redirect error names it. */
	host: string;
	received: ReceivedRequest[];
	close(): Promise<void>;
}

type Handler = (request: ReceivedRequest, response: ServerResponse) => void | Promise<void>;

/**
 * A server on 127.0.0.1 that behaves as a test says, for what Quo's stand-in does not do (redirects, answers that
 * trickle or never end). It records every request, body included, before `handle` answers it.
 */
export async function startLoopbackServer(handle: Handler): Promise<LoopbackServer> {
	const received: ReceivedRequest[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const entry: ReceivedRequest = {
				method: request.method ?? 'GET',
				url: request.url ?? '/',
				headers: request.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				at: Date.now(),
			};
			received.push(entry);
			Promise.resolve(handle(entry, response)).catch((error: unknown) =>
				response.destroy(error as Error),
			);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		host: `127.0.0.1:${port}`,
		received,
		close: async () => {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			await closed;
		},
	};
}

/** Answers with `status` and `body` as JSON (or as given when it is a string), plus any extra headers. */
export function answer(
	response: ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
): void {
	const text = typeof body === 'string' ? body : JSON.stringify(body);
	response.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	response.end(text);
}

import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ReceivedDelivery {
	at: number;
	headers: IncomingHttpHeaders;
	rawBody: string;
}

export interface Receiver {
	url: string;
	received: ReceivedDelivery[];
	/** Resolves once `count` deliveries have arrived. */
	waitFor(count: number, timeoutMs?: number): Promise<ReceivedDelivery[]>;
	close(): Promise<void>;
}

/** A webhook endpoint for tests; answers each delivery with the next of `statuses` (the last one repeats). */
export async function startReceiver(statuses: number[] = [200]): Promise<Receiver> {
	const received: ReceivedDelivery[] = [];
	const server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			received.push({
				at: Date.now(),
				headers: request.headers,
				rawBody: Buffer.concat(chunks).toString('utf8'),
			});
			const status = statuses[Math.min(received.length - 1, statuses.length - 1)] ?? 200;
			response.writeHead(status, { 'content-type': 'text/plain' });
			response.end(`answer ${received.length}`);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

	const waitFor = async (count: number, timeoutMs = 5000): Promise<ReceivedDelivery[]> => {
		const deadline = Date.now() + timeoutMs;
		while (received.length < count) {
			if (Date.now() > deadline)
				throw new Error(`Expected ${count} deliveries, got ${received.length}`);
			await sleep(20);
		}
		return received;
	};
	const close = async () => {
		const closed = new Promise<void>((resolve) => server.close(() => resolve()));
		server.closeAllConnections();
		await closed;
	};
	return { url, received, waitFor, close };
}

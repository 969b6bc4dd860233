import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { DeliveryAttemptResult } from '../types';

/** Quo gives an endpoint about 10 s to answer. */
const responseTimeoutMs = 10_000;

/** POSTs the exact bytes; a connection error or timeout gives status 0. */
export function postRaw(
	url: string,
	headers: Record<string, string>,
	body: string,
	signal: AbortSignal,
): Promise<DeliveryAttemptResult> {
	const startedAt = performance.now();
	const elapsed = () => Math.round(performance.now() - startedAt);
	return new Promise((resolve) => {
		const noResponse = () => resolve({ status: 0, body: '', durationMs: elapsed() });
		let target: URL;
		try {
			target = new URL(url);
		} catch {
			noResponse();
			return;
		}
		const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
		const outgoing = send(
			target,
			{
				method: 'POST',
				headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
				agent: false,
				timeout: responseTimeoutMs,
				signal,
			},
			(response) => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () =>
					resolve({
						status: response.statusCode ?? 0,
						body: Buffer.concat(chunks).toString(),
						durationMs: elapsed(),
					}),
				);
				response.on('error', noResponse);
			},
		);
		outgoing.on('timeout', () => outgoing.destroy());
		outgoing.on('error', noResponse);
		outgoing.end(body);
	});
}

import type { IncomingMessage, ServerResponse } from 'node:http';

export interface Answer {
	status: number;
	/** Sent as JSON; omitted for 204. */
	body?: unknown;
	/** Sent as is, instead of body. */
	rawBody?: string;
	/** Binary content (media files), instead of body. */
	bytes?: Buffer;
	contentType?: string;
	headers?: Record<string, string>;
}

export function readBody(request: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

/** Repeated keys become arrays, in order. */
export function parseQuery(searchParams: URLSearchParams): Record<string, string | string[]> {
	const query: Record<string, string | string[]> = {};
	for (const [key, value] of searchParams) {
		const previous = query[key];
		query[key] =
			previous === undefined
				? value
				: [...(Array.isArray(previous) ? previous : [previous]), value];
	}
	return query;
}

export function parseJsonBody(rawBody: string): unknown {
	if (rawBody.trim() === '') return undefined;
	try {
		return JSON.parse(rawBody) as unknown;
	} catch {
		return undefined;
	}
}

function contentOf(answer: Answer): string | Buffer {
	return (
		answer.bytes ?? answer.rawBody ?? (answer.body === undefined ? '' : JSON.stringify(answer.body))
	);
}

function headersOf(answer: Answer, content: string | Buffer): Record<string, string> {
	const headers: Record<string, string> = { ...answer.headers };
	if (content.length > 0)
		headers['content-type'] = answer.contentType ?? 'application/json; charset=utf-8';
	return headers;
}

export function writeAnswer(response: ServerResponse, answer: Answer): void {
	const content = contentOf(answer);
	const headers = headersOf(answer, content);
	if (answer.bytes) headers['content-length'] = String(answer.bytes.length);
	response.writeHead(answer.status, headers);
	response.end(content);
}

/** The answer cut short: its full Content-Length is declared, half the body is sent, then the connection closes. */
export function writeTruncated(response: ServerResponse, answer: Answer): void {
	const content = Buffer.from(contentOf(answer));
	response.writeHead(answer.status, {
		...headersOf(answer, content),
		'content-length': String(content.length),
	});
	response.flushHeaders();
	response.write(content.subarray(0, Math.floor(content.length / 2)), () =>
		response.socket?.destroy(),
	);
}

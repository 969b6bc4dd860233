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
		query[key] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
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

export function writeAnswer(response: ServerResponse, answer: Answer): void {
	const content = answer.bytes ?? answer.rawBody ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
	const headers: Record<string, string> = { ...answer.headers };
	if (content.length > 0) headers['content-type'] = answer.contentType ?? 'application/json; charset=utf-8';
	if (answer.bytes) headers['content-length'] = String(answer.bytes.length);
	response.writeHead(answer.status, headers);
	response.end(content);
}

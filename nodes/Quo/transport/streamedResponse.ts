/** The body of a response n8n fetched with `encoding: 'stream'`: a Node.js readable stream. */
export interface BodyStream extends AsyncIterable<Uint8Array> {
	destroy(): void;
}

/** Headers as n8n hands them over (a response's, or a webhook request's). */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** A response n8n fetched with `encoding: 'stream'` and `returnFullResponse`. */
export interface StreamedResponse {
	statusCode: number;
	headers: ResponseHeaders;
	body: BodyStream;
}

/** The (first) value of a header, by its name in lower case (as Node.js keeps them). */
export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

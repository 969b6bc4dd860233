/** The body of a response n8n fetched with `encoding: 'stream'`: a Node.js readable stream. */
export interface BodyStream extends AsyncIterable<Uint8Array> {
	destroy(): void;
}

/** Response headers as n8n hands them over. */
export type ResponseHeaders = Record<string, string | string[] | undefined>;

/** A response n8n fetched with `encoding: 'stream'` and `returnFullResponse`. */
export interface StreamedResponse {
	statusCode: number;
	headers: ResponseHeaders;
	body: BodyStream;
}

/** The (first) value of a response header. */
export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

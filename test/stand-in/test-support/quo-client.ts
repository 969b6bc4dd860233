import type { StandIn } from '../types';

export interface CallOptions {
	body?: unknown;
	/** Sent as is instead of body. */
	rawBody?: string;
	/** Default: the stand-in's key; null sends no Authorization header. */
	apiKey?: string | null;
	/** Default: '2026-03-30' on unprefixed paths, none on /v1; null sends none. */
	version?: string | null;
	headers?: Record<string, string>;
}

export interface CallResult {
	status: number;
	headers: Headers;
	text: string;
	/** Parsed JSON, or undefined when the answer is empty or not JSON; `any` so tests can read any answer's fields. */
	json: any;
}

/** One real HTTP request to the stand-in, as a Quo client would make it. */
export async function callQuo(
	standIn: StandIn,
	method: string,
	path: string,
	options: CallOptions = {},
): Promise<CallResult> {
	const headers: Record<string, string> = {};
	const apiKey = options.apiKey === undefined ? standIn.apiKey : options.apiKey;
	if (apiKey !== null) headers.Authorization = apiKey;
	const version =
		options.version === undefined
			? path.startsWith('/v1')
				? null
				: '2026-03-30'
			: options.version;
	if (version !== null) headers['Quo-Api-Version'] = version;
	const body =
		options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
	if (body !== undefined) headers['Content-Type'] = 'application/json';
	const response = await fetch(standIn.url + path, {
		method,
		headers: { ...headers, ...options.headers },
		body,
	});
	const text = await response.text();
	return { status: response.status, headers: response.headers, text, json: parseOrUndefined(text) };
}

function parseOrUndefined(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

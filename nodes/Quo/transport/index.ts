import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { abortableSleep } from './abortableSleep';
import { isVersionedPath, QUO_API_VERSION, QUO_API_VERSION_HEADER } from './apiVersion';
import {
	quoApiError,
	type QuoAttempt,
	type QuoFailure,
	redirectError,
	type RequestSubject,
	unusableAnswerError,
} from './errors';
import { limiterForCredential } from './rateLimiter';
import {
	type FailureKind,
	MAX_ANSWER_BYTES,
	MAX_RETRY_WAIT_MS,
	mayRetry,
	REQUEST_TIMEOUT_MS,
	retryAfterMs,
	retryDelayMs,
} from './retryPolicy';
import {
	type BodyStream,
	headerValue,
	type ResponseHeaders,
	type StreamedResponse,
} from './streamedResponse';

export type QuoApiContext =
	IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IWebhookFunctions;

export interface QuoRequest extends RequestSubject {
	method: IHttpRequestMethods;
	/** `/v1/...` for v1, or an unprefixed 2026-03-30 path such as `/webhooks`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** The input item the request is for, so n8n points its error at that item. */
	itemIndex?: number;
	/** Sent once, whatever the failure: its answer is worth having now or not at all. */
	singleAttempt?: boolean;
}

/** Quo's whole answer, its body parsed. */
interface FullResponse {
	statusCode: number;
	headers: ResponseHeaders;
	body: unknown;
}

type NoAnswer = NonNullable<QuoFailure['noAnswer']>;

/** What one attempt came to: Quo's whole answer, an answer too large to read, or why no whole answer came. */
type AttemptOutcome =
	{ response: FullResponse } | { oversized: { statusCode: number } } | { noAnswer: NoAnswer };

const CREDENTIAL_TYPE = 'quoApi';
const DEFAULT_BASE_URL = 'https://api.quo.com';

/** Network errors that mean no connection was made, so Quo received nothing. */
const NOT_CONNECTED = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/** Axios's codes for a request that got no answer within the timeout. */
const TIMED_OUT = new Set(['ECONNABORTED', 'ETIMEDOUT']);

function failureKindOf(failure: QuoFailure): FailureKind | undefined {
	if (failure.statusCode === null) {
		const kind = failure.noAnswer?.kind;
		return kind === 'timeout' || kind === 'slowAnswer' ? 'timeout' : 'networkError';
	}
	if (failure.statusCode === 429) return 'rateLimited';
	if (failure.statusCode >= 500) return 'serverError';
	return undefined;
}

/**
 * Why no answer came, from the network error's code (n8n keeps axios's code as the wrapping error's `httpCode`)
 * or else its text; never the request config, which holds the API key.
 */
function noAnswerOf(error: unknown): NoAnswer {
	const candidate = error as
		| { cause?: { code?: unknown }; code?: unknown; httpCode?: unknown; message?: unknown }
		| undefined;
	const code = [candidate?.cause?.code, candidate?.code, candidate?.httpCode].find(
		(value): value is string => typeof value === 'string' && /^[A-Z_]+$/.test(value),
	);
	const detail = code ?? (typeof candidate?.message === 'string' ? candidate.message : 'no answer');
	if (code !== undefined && TIMED_OUT.has(code)) return { kind: 'timeout', detail };
	if (code !== undefined && NOT_CONNECTED.has(code)) return { kind: 'unreachable', detail };
	return { kind: 'connectionLost', detail };
}

/** The body as text, or undefined once it passes MAX_ANSWER_BYTES (leaving the loop destroys the stream, unread). */
async function textOf(body: BodyStream): Promise<string | undefined> {
	const decoder = new TextDecoder();
	let text = '';
	let size = 0;
	for await (const chunk of body) {
		size += chunk.byteLength;
		if (size > MAX_ANSWER_BYTES) return undefined;
		text += decoder.decode(chunk, { stream: true });
	}
	return text + decoder.decode();
}

/** JSON when the text is JSON, else the text itself (a proxy's HTML page, say), as n8n would have handed it over. */
function parsedBody(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * Sends one attempt and reads Quo's whole answer within REQUEST_TIMEOUT_MS, from sending to the last byte. n8n's own
 * timeout only bounds each silence, so an answer that trickles in would hold the request, and its place in the
 * limiter, for as long as it goes on. Once the deadline passes, the outcome is settled, the body is no longer read
 * and its connection is closed. Never throws: failures are outcomes.
 */
async function sendWithinDeadline(
	this: QuoApiContext,
	options: IHttpRequestOptions,
): Promise<AttemptOutcome> {
	const attemptOver = new AbortController();
	let body: BodyStream | undefined;
	const answered = (async (): Promise<AttemptOutcome> => {
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{
					...options,
					headers: { ...options.headers },
				},
			)) as StreamedResponse;
			body = response.body;
			// The deadline passed while the answer's head was on its way.
			if (attemptOver.signal.aborted) body.destroy();
			const text = await textOf(body);
			if (text === undefined) return { oversized: { statusCode: response.statusCode } };
			return {
				response: {
					statusCode: response.statusCode,
					headers: response.headers,
					body: parsedBody(text),
				},
			};
		} catch (error) {
			return { noAnswer: noAnswerOf(error) };
		}
	})();
	const deadlinePassed = abortableSleep(REQUEST_TIMEOUT_MS, attemptOver.signal).then(
		(): AttemptOutcome => {
			body?.destroy();
			return { noAnswer: { kind: body ? 'slowAnswer' : 'timeout' } };
		},
		// Called off because the answer came first.
		async () => await answered,
	);
	try {
		return await Promise.race([answered, deadlinePassed]);
	} finally {
		attemptOver.abort();
	}
}

/** A 2xx answer's JSON object; `{}` for an empty answer (204). A body that is not JSON is an error, not data. */
function jsonBodyOf(
	response: FullResponse,
	attempt: QuoAttempt,
	node: INode,
	itemIndex?: number,
): IDataObject {
	const { body } = response;
	if (body === undefined || body === null || body === '') return {};
	if (typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	throw unusableAnswerError(
		node,
		{ ...attempt, statusCode: response.statusCode },
		'notJson',
		itemIndex,
	);
}

/**
 * Every request of both Quo nodes goes through here: n8n's `httpRequestWithAuthentication` with the
 * `quoApi` credential, the version header on 2026-03-30 paths, a per-credential limiter under Quo's
 * 10 requests per second, bounded retries with backoff, and Quo's errors turned into `NodeApiError`s.
 */
export async function quoApiRequest(
	this: QuoApiContext,
	request: QuoRequest,
): Promise<IDataObject> {
	const credentials = await this.getCredentials<{ apiKey?: string; baseUrl?: string }>(
		CREDENTIAL_TYPE,
	);
	const baseUrl = (credentials.baseUrl || DEFAULT_BASE_URL).replace(/\/+$/, '');
	const node = this.getNode();
	const limiter = limiterForCredential(node.credentials?.[CREDENTIAL_TYPE]?.id ?? baseUrl);

	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${baseUrl}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		arrayFormat: 'repeat',
		headers: isVersionedPath(request.path) ? { [QUO_API_VERSION_HEADER]: QUO_API_VERSION } : {},
		// Read by the transport as it arrives, so that its size and the deadline are kept to (n8n would buffer any size).
		encoding: 'stream',
		// Applies to each silence on the socket: it also closes a request whose answer had not begun by the deadline.
		timeout: REQUEST_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// A redirect would carry the API key wherever it points (n8n re-sends credentials to other origins by
		// default): a 3xx is reported instead, and the key is withheld from any redirect all the same.
		disableFollowRedirect: true,
		sendCredentialsOnCrossOriginRedirect: false,
	};

	// Set once an attempt failed in a way that leaves open whether Quo carried it out (not a 429: Quo refused that).
	let earlierAttemptMayHaveActed = false;
	for (let retries = 0; ; retries++) {
		const release = await limiter.acquire();
		const outcome = await sendWithinDeadline.call(this, options);
		release();

		const attempt: QuoAttempt = {
			method: request.method,
			path: request.path,
			retries,
			notFound: request.notFound,
			effect: request.effect,
		};
		if ('oversized' in outcome)
			throw unusableAnswerError(
				node,
				{ ...attempt, ...outcome.oversized },
				'oversized',
				request.itemIndex,
			);
		const response = 'response' in outcome ? outcome.response : undefined;
		const noAnswer = 'noAnswer' in outcome ? outcome.noAnswer : undefined;
		if (response && response.statusCode >= 300 && response.statusCode < 400) {
			const location = headerValue(response.headers, 'location');
			throw redirectError(
				node,
				{ ...attempt, statusCode: response.statusCode },
				location,
				options.url,
				credentials.apiKey,
				request.itemIndex,
			);
		}
		if (response && response.statusCode < 300)
			return jsonBodyOf(response, attempt, node, request.itemIndex);
		// A DELETE sent again finds nothing when the attempt whose answer was lost had removed it: it is done.
		if (response?.statusCode === 404 && request.method === 'DELETE' && earlierAttemptMayHaveActed)
			return {};
		const failure: QuoFailure = response
			? { ...attempt, statusCode: response.statusCode, body: response.body }
			: { ...attempt, statusCode: null, body: undefined, noAnswer };
		const kind = failureKindOf(failure);
		if (
			kind === undefined ||
			request.singleAttempt === true ||
			!mayRetry(kind, request.method, retries)
		) {
			throw quoApiError(node, failure, credentials.apiKey, request.itemIndex);
		}
		const now = Date.now();
		const delay = retryDelayMs(
			retries,
			response && retryAfterMs(headerValue(response.headers, 'retry-after'), now),
		);
		if (delay > MAX_RETRY_WAIT_MS) {
			throw quoApiError(
				node,
				{ ...failure, waitAsked: { ms: delay, until: new Date(now + delay) } },
				credentials.apiKey,
				request.itemIndex,
			);
		}
		// A 429, or a connection that was never made, reached nothing at Quo.
		earlierAttemptMayHaveActed ||= kind !== 'rateLimited' && noAnswer?.kind !== 'unreachable';
		await sleep(delay);
	}
}

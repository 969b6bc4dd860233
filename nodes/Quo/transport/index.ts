import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { isVersionedPath, QUO_API_VERSION, QUO_API_VERSION_HEADER } from './apiVersion';
import { quoApiError, type QuoFailure } from './errors';
import { limiterForCredential } from './rateLimiter';
import { type FailureKind, mayRetry, retryDelayMs } from './retryPolicy';

export type QuoApiContext = IExecuteFunctions | IHookFunctions | ILoadOptionsFunctions | IWebhookFunctions;

export interface QuoRequest {
	method: IHttpRequestMethods;
	/** `/v1/...` for v1, or an unprefixed 2026-03-30 path such as `/webhooks`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** The input item the request is for, so n8n points its error at that item. */
	itemIndex?: number;
}

interface FullResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

const CREDENTIAL_TYPE = 'quoApi';
const DEFAULT_BASE_URL = 'https://api.quo.com';
const REQUEST_TIMEOUT_MS = 20_000;

function failureKindOf(statusCode: number | null): FailureKind | undefined {
	if (statusCode === null) return 'networkError';
	if (statusCode === 429) return 'rateLimited';
	if (statusCode >= 500) return 'serverError';
	return undefined;
}

function headerValue(headers: FullResponse['headers'], name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** The network error's code or text; never the request config, which holds the API key. */
function networkErrorText(error: unknown): string {
	const cause = (error as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
	const code = cause?.code ?? (error as { code?: unknown } | undefined)?.code;
	if (typeof code === 'string') return code;
	const message = cause?.message ?? (error as { message?: unknown } | undefined)?.message;
	return typeof message === 'string' ? message : 'no answer';
}

/**
 * Every request of both Quo nodes goes through here: n8n's `httpRequestWithAuthentication` with the
 * `quoApi` credential, the version header on 2026-03-30 paths, a per-credential limiter under Quo's
 * 10 requests per second, bounded retries with backoff, and Quo's errors turned into `NodeApiError`s.
 */
export async function quoApiRequest<T = IDataObject>(this: QuoApiContext, request: QuoRequest): Promise<T> {
	const credentials = await this.getCredentials<{ apiKey?: string; baseUrl?: string }>(CREDENTIAL_TYPE);
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
		timeout: REQUEST_TIMEOUT_MS,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};

	for (let retries = 0; ; retries++) {
		await limiter.acquire();
		let failure: QuoFailure;
		let retryAfter: string | undefined;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{ ...options, headers: { ...options.headers } },
			)) as FullResponse;
			if (response.statusCode < 400) return response.body as T;
			failure = { statusCode: response.statusCode, body: response.body, method: request.method, path: request.path, retries };
			retryAfter = headerValue(response.headers, 'retry-after');
		} catch (error) {
			failure = {
				statusCode: null,
				body: undefined,
				method: request.method,
				path: request.path,
				networkError: networkErrorText(error),
				retries,
			};
		}

		const kind = failureKindOf(failure.statusCode);
		if (kind === undefined || !mayRetry(kind, request.method, retries)) {
			throw quoApiError(node, failure, credentials.apiKey, request.itemIndex);
		}
		await sleep(retryDelayMs(retries, retryAfter));
	}
}

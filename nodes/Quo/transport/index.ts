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
import { NodeApiError, sleep } from 'n8n-workflow';

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

/** A 2xx answer's JSON object; `{}` for an empty answer (204). A body that is not JSON is an error, not data. */
function jsonBodyOf(response: FullResponse, request: QuoRequest, node: INode): IDataObject {
	const { body } = response;
	if (body === undefined || body === null || body === '') return {};
	if (typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	throw new NodeApiError(node, { status: response.statusCode, path: request.path }, {
		message: `Quo answered HTTP ${response.statusCode} with a body that is not JSON`,
		description: `${request.method} ${request.path}. A proxy between n8n and Quo may have cut or replaced the answer; check the Base URL in the Quo API credential.`,
		httpCode: String(response.statusCode),
		itemIndex: request.itemIndex,
	});
}

/**
 * Every request of both Quo nodes goes through here: n8n's `httpRequestWithAuthentication` with the
 * `quoApi` credential, the version header on 2026-03-30 paths, a per-credential limiter under Quo's
 * 10 requests per second, bounded retries with backoff, and Quo's errors turned into `NodeApiError`s.
 */
export async function quoApiRequest(this: QuoApiContext, request: QuoRequest): Promise<IDataObject> {
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
		const release = await limiter.acquire();
		let failure: QuoFailure;
		let retryAfter: string | undefined;
		try {
			const response = (await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL_TYPE,
				{ ...options, headers: { ...options.headers } },
			)) as FullResponse;
			if (response.statusCode < 400) return jsonBodyOf(response, request, node);
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
		} finally {
			release();
		}

		const kind = failureKindOf(failure.statusCode);
		if (kind === undefined || !mayRetry(kind, request.method, retries)) {
			throw quoApiError(node, failure, credentials.apiKey, request.itemIndex);
		}
		await sleep(retryDelayMs(retries, retryAfter));
	}
}

import type { IHttpRequestMethods } from 'n8n-workflow';

/** How long a request may wait for Quo's answer before it counts as failed. */
export const REQUEST_TIMEOUT_MS = 20_000;

const MAX_RETRIES_ON_RATE_LIMIT = 6;
const MAX_RETRIES_ON_SERVER_ERROR = 3;
/** A request that timed out already waited the whole timeout: one more try, not three. */
const MAX_RETRIES_ON_TIMEOUT = 1;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8000;

/**
 * Methods a retry cannot turn into a second action. POST and PATCH are left out: `POST /v1/messages`
 * has no idempotency key, so a retried send after a 5xx could text a customer twice.
 */
const REPEATABLE_METHODS: ReadonlySet<IHttpRequestMethods> = new Set<IHttpRequestMethods>(['GET', 'HEAD', 'PUT', 'DELETE']);

export type FailureKind = 'rateLimited' | 'serverError' | 'networkError' | 'timeout';

/** Whether sending the request twice does no more than sending it once. */
export function isRepeatable(method: string): boolean {
	return REPEATABLE_METHODS.has(method as IHttpRequestMethods);
}

/** Whether a request that failed this way may be sent again, given how many retries it already had. */
export function mayRetry(kind: FailureKind, method: IHttpRequestMethods, retriesSoFar: number): boolean {
	if (kind === 'rateLimited') return retriesSoFar < MAX_RETRIES_ON_RATE_LIMIT;
	if (!isRepeatable(method)) return false;
	return retriesSoFar < (kind === 'timeout' ? MAX_RETRIES_ON_TIMEOUT : MAX_RETRIES_ON_SERVER_ERROR);
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so clients that failed
 * together do not retry together. A `Retry-After` from Quo wins when it asks for longer.
 */
export function retryDelayMs(retriesSoFar: number, retryAfterHeader?: string): number {
	const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retriesSoFar);
	const jittered = exponential / 2 + Math.random() * (exponential / 2);
	const retryAfterSeconds = Number(retryAfterHeader);
	if (Number.isFinite(retryAfterSeconds) && retryAfterSeconds > 0) {
		return Math.min(MAX_DELAY_MS, Math.max(jittered, retryAfterSeconds * 1000));
	}
	return jittered;
}

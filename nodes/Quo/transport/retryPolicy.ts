import type { IHttpRequestMethods } from 'n8n-workflow';

/** How long one request may take, from sending it to the last byte of Quo's answer, before it counts as failed. */
export const REQUEST_TIMEOUT_MS = 20_000;

/** Quo's answers are small JSON documents (a page holds at most 100 items): a larger body is not read. */
export const MAX_ANSWER_BYTES = 20 * 1024 * 1024;

const MAX_RETRIES_ON_RATE_LIMIT = 6;
const MAX_RETRIES_ON_SERVER_ERROR = 3;
/** A request that timed out already waited the whole timeout: one more try, not three. */
const MAX_RETRIES_ON_TIMEOUT = 1;
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 8000;

/**
 * The retry budget: the longest single wait before a request is sent again. When Quo asks for a longer one
 * (`Retry-After`), the request fails at once and says when to try again, rather than holding the workflow.
 */
export const MAX_RETRY_WAIT_MS = 30_000;

/** An HTTP date starts with the day's name ("Wed, 21 Oct 2026 07:28:00 GMT"); this keeps "1.5" from reading as a year. */
const HTTP_DATE = /^[A-Za-z]{3}/;

/**
 * Methods a retry cannot turn into a second action. POST and PATCH are left out: `POST /v1/messages`
 * has no idempotency key, so a retried send after a 5xx could text a customer twice.
 */
const REPEATABLE_METHODS: ReadonlySet<IHttpRequestMethods> = new Set<IHttpRequestMethods>([
	'GET',
	'HEAD',
	'PUT',
	'DELETE',
]);

export type FailureKind = 'rateLimited' | 'serverError' | 'networkError' | 'timeout';

/** Whether sending the request twice does no more than sending it once. */
export function isRepeatable(method: string): boolean {
	return REPEATABLE_METHODS.has(method as IHttpRequestMethods);
}

/** Whether a request that failed this way may be sent again, given how many retries it already had. */
export function mayRetry(
	kind: FailureKind,
	method: IHttpRequestMethods,
	retriesSoFar: number,
): boolean {
	if (kind === 'rateLimited') return retriesSoFar < MAX_RETRIES_ON_RATE_LIMIT;
	if (!isRepeatable(method)) return false;
	return retriesSoFar < (kind === 'timeout' ? MAX_RETRIES_ON_TIMEOUT : MAX_RETRIES_ON_SERVER_ERROR);
}

/** A year: the most a `Retry-After` in seconds is taken to ask for. */
const MAX_RETRY_AFTER_SECONDS = 365 * 24 * 3600;

/**
 * The wait a `Retry-After` header asks for, in ms from `now`: delta-seconds ("120") or an HTTP date; a date already
 * past asks for none. Undefined when there is no header or it says neither.
 */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
	const value = header?.trim() ?? '';
	// Capped so that the time to try again stays a date: a longer wait is failed at once all the same.
	if (/^\d+$/.test(value)) return Math.min(Number(value), MAX_RETRY_AFTER_SECONDS) * 1000;
	const at = HTTP_DATE.test(value) ? Date.parse(value) : NaN;
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * How long to wait before the next attempt: what Quo asked for, exactly, or else exponential backoff with "equal
 * jitter" (half the delay fixed, half random, so clients that failed together do not retry together).
 */
export function retryDelayMs(retriesSoFar: number, askedByQuoMs?: number): number {
	if (askedByQuoMs !== undefined) return askedByQuoMs;
	const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** retriesSoFar);
	return exponential / 2 + Math.random() * (exponential / 2);
}

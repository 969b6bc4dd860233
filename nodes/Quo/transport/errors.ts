import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import {
	isRepeatable,
	MAX_ANSWER_BYTES,
	MAX_RETRY_WAIT_MS,
	REQUEST_TIMEOUT_MS,
} from './retryPolicy';

/**
 * Why no whole answer came: Quo did not answer within the timeout, its answer was still arriving when the timeout
 * passed, the connection broke after the request went out (Quo may have received it), or no connection was made at
 * all (Quo received nothing).
 */
export type NoAnswerKind = 'timeout' | 'slowAnswer' | 'connectionLost' | 'unreachable';

/** What a request says about itself for its errors, so that the transport needs to know no endpoint. */
export interface RequestSubject {
	/** What the request's ID names, for a 404: "the contact 64a1…", "the sender number (From) PN123". */
	notFound?: string;
	/**
	 * What a POST or PATCH does, for an error that leaves open whether Quo did it: `{ what: 'the message', done: 'sent',
	 * redo: 'sending' }` reads "the message may have been sent. Check in Quo before sending it again".
	 */
	effect?: { what: string; done: string; redo: string };
}

/** One attempt of a request: what was sent, and how many retries came before it. */
export interface QuoAttempt extends RequestSubject {
	method: string;
	path: string;
	retries: number;
}

/** What Quo answered to a request that failed, or `statusCode: null` when no answer came at all. */
export interface QuoFailure extends QuoAttempt {
	statusCode: number | null;
	body: unknown;
	/** When no whole answer came: why, and the network error's code or text, if there was one. */
	noAnswer?: { kind: NoAnswerKind; detail?: string };
	/** When Quo asked (`Retry-After`) for a longer wait than the Quo nodes make before sending a request again. */
	waitAsked?: { ms: number; until: Date };
}

interface QuoErrorDetails {
	message: string | undefined;
	code: string | undefined;
	fieldErrors: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asString(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value;
	if (typeof value === 'number') return String(value);
	return undefined;
}

/** The live envelope's `error.key` when it names the error ("Unauthorized"); anything else there is no code to show. */
function errorNameOf(key: unknown): string | undefined {
	const name = asString(key);
	return name !== undefined && /^[A-Za-z][\w.-]*$/.test(name) ? name : undefined;
}

/**
 * Reads both error bodies Quo sends: the documented `{message, code, status, title, errors[]}` and the
 * `{error: {message, key, trace}}` that the live API answers with on some routes.
 */
function readQuoErrorBody(body: unknown): QuoErrorDetails {
	if (!isRecord(body)) return { message: undefined, code: undefined, fieldErrors: [] };
	const nested = isRecord(body.error) ? body.error : undefined;
	const fieldErrors = Array.isArray(body.errors)
		? body.errors.filter(isRecord).map((entry) => {
				const path = asString(entry.path);
				const text = asString(entry.message) ?? 'is invalid';
				return path ? `${path}: ${text}` : text;
			})
		: [];
	return {
		message: asString(body.message) ?? asString(nested?.message) ?? asString(body.title),
		code: asString(body.code) ?? errorNameOf(nested?.key),
		fieldErrors,
	};
}

/** How much of a body that is not JSON is looked at for its excerpt: a page's start says what it is. */
const EXCERPT_SOURCE_CHARS = 64 * 1024;

/** A short, tag-free excerpt of a body that is not JSON (an HTML error page from a proxy, say), without its head. */
function excerptOfText(body: unknown): string | undefined {
	if (typeof body !== 'string' || body.trim() === '') return undefined;
	// Cut first: the tag patterns take time that grows faster than the text, and an answer may be 20 MB.
	const text = body
		.slice(0, EXCERPT_SOURCE_CHARS)
		.replace(/<(head|script|style)\b[^]*?<\/\1\s*>/gi, ' ')
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/**
 * For a POST or PATCH whose outcome n8n cannot know: what Quo may have done, and to check before running it again.
 * Those are never sent twice automatically, as Quo cannot tell a repeat from a new request (a second text).
 */
function outcomeNote(attempt: QuoAttempt, likely: boolean): string | undefined {
	if (isRepeatable(attempt.method)) return undefined;
	const { effect } = attempt;
	if (effect)
		return `${effect.what} ${likely ? 'was probably' : 'may have been'} ${effect.done}. Check in Quo before ${effect.redo} it again`;
	return `Quo ${likely ? 'probably carried' : 'may have carried'} it out. Check in Quo before running it again`;
}

function withOutcome(what: string, attempt: QuoAttempt, likely: boolean): string {
	const note = outcomeNote(attempt, likely);
	return note ? `${what}; ${note}.` : what;
}

/** What happened when no answer came. No network error code goes in it: n8n would swap the text for its own. */
function noAnswerMessage(failure: QuoFailure): string {
	switch (failure.noAnswer?.kind) {
		case 'timeout':
			return withOutcome(
				`Quo did not answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`,
				failure,
				false,
			);
		case 'slowAnswer':
			return withOutcome(
				`Quo's answer was still arriving after ${REQUEST_TIMEOUT_MS / 1000} seconds`,
				failure,
				false,
			);
		case 'connectionLost':
			return withOutcome("The connection to Quo broke before Quo's answer arrived", failure, false);
		default:
			return 'Could not reach Quo';
	}
}

const NOT_RESENT =
	' It was not sent again automatically, as Quo cannot tell a repeat from a new request.';

/** "Quo asks to wait 3600 seconds before trying again, until 2030-01-01 01:00:00 UTC". */
function waitAskedText({ ms, until }: NonNullable<QuoFailure['waitAsked']>): string {
	const iso = until.toISOString();
	return `Quo asks to wait ${Math.ceil(ms / 1000)} seconds before trying again, until ${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}

/**
 * What the request names, as one short line: it may carry an ID a user or an AI tool typed, which must not turn the
 * hint into a message of its own.
 */
function oneLine(text: string): string {
	const line = text.replace(/\s+/g, ' ').trim();
	return line.length > 120 ? `${line.slice(0, 119)}…` : line;
}

function hintFor(failure: QuoFailure): string {
	const { statusCode } = failure;
	if (failure.waitAsked) {
		return `The Quo nodes wait at most ${MAX_RETRY_WAIT_MS / 1000} seconds before sending a request again, so this one was not sent again: run it again after that time.`;
	}
	if (statusCode === null) {
		const notResent = isRepeatable(failure.method) ? '' : NOT_RESENT;
		switch (failure.noAnswer?.kind) {
			case 'timeout':
			case 'slowAnswer':
				return `Quo, or the network between n8n and Quo, is slow or down.${notResent}`;
			case 'connectionLost':
				return `The network between n8n and Quo, or a proxy on the way, closed the connection.${notResent}`;
			default:
				return 'Quo could not be reached. Check the Base URL in the Quo API credential and the network between n8n and Quo.';
		}
	}
	switch (statusCode) {
		case 400:
		case 422:
			return 'Quo refused the request as invalid: check the fields named here.';
		case 401:
			return 'Check the API key in the Quo (OpenPhone) API credential (Quo: Settings → API). It may have been revoked.';
		case 402:
			return "Quo refused this for the workspace's plan or subscription (for example call summaries need a Business or Scale plan).";
		case 403:
			return 'The API key is not allowed to do this: check the plan, the number or user permissions, and A2P registration for US texting.';
		case 404:
			return failure.notFound
				? `Quo did not find ${oneLine(failure.notFound)}. Check it, and that it belongs to this workspace.`
				: `Quo has nothing at ${failure.path}.`;
		case 409:
			return 'The request conflicts with what Quo already has (a duplicate, say).';
		case 429:
			return `Quo allows 10 requests per second per API key; this request was retried ${failure.retries} times and was still refused. Send fewer items at once or spread the work out.`;
		default:
			if (statusCode < 500) return 'Quo did not accept the request.';
			return isRepeatable(failure.method)
				? 'Quo had a problem with this request. Try again later.'
				: 'Quo had a problem with this request. It was not sent again automatically, as Quo may have carried it out anyway: check in Quo before running it again.';
	}
}

/** The facts behind an error, for its description: "(HTTP 500, 4 attempts, GET /v1/calls)". */
function factsOf(
	failure: QuoAttempt & { statusCode: number | null; code?: string; detail?: string },
): string {
	const facts = [
		failure.code ? `Quo error code ${failure.code}` : undefined,
		failure.statusCode !== null ? `HTTP ${failure.statusCode}` : undefined,
		failure.detail,
		failure.retries > 0 ? `${failure.retries + 1} attempts` : undefined,
		`${failure.method} ${failure.path}`,
	].filter(Boolean);
	return `(${facts.join(', ')})`;
}

const REDACTED = '[redacted]';

/** A 2026-03-30 signing key: `whsec_` and its base64. */
const STANDARD_SIGNING_KEY = /whsec_[A-Za-z0-9+/=_-]*/g;

/** A `"key": "…"` member of JSON quoted in a text: a v1 signing key has no prefix to be recognised by. */
const QUOTED_KEY_MEMBER = /("key"\s*:\s*)"(?:[^"\\]|\\.)*"/g;

/** A text with the API key and any webhook signing key in it replaced. */
function withoutSecrets(text: string, apiKey: string | undefined): string {
	const withoutApiKey = apiKey ? text.split(apiKey).join(REDACTED) : text;
	return withoutApiKey
		.replace(STANDARD_SIGNING_KEY, REDACTED)
		.replace(QUOTED_KEY_MEMBER, `$1"${REDACTED}"`);
}

/** A JSON value with each text cleaned as above, and each `key` field, where Quo puts a signing key, blanked. */
function withoutSecretsIn(value: unknown, apiKey: string | undefined): unknown {
	if (typeof value === 'string') return withoutSecrets(value, apiKey);
	if (Array.isArray(value)) return value.map((entry) => withoutSecretsIn(entry, apiKey));
	if (!isRecord(value)) return value;
	return Object.fromEntries(
		Object.entries(value).map(([name, entry]) => [
			name,
			name === 'key' && typeof entry === 'string' ? REDACTED : withoutSecretsIn(entry, apiKey),
		]),
	);
}

interface ErrorText {
	message: string;
	description: string;
	httpCode?: string;
	itemIndex?: number;
}

/**
 * Every error the transport raises is made here. Its message, description and details (`errorResponse`), which n8n
 * shows, stores and logs, never hold the API key, even if Quo echoed it back, nor a webhook's signing key.
 */
function secretFreeError(
	node: INode,
	errorResponse: JsonObject,
	text: ErrorText,
	apiKey?: string,
): NodeApiError {
	return new NodeApiError(node, withoutSecretsIn(errorResponse, apiKey) as JsonObject, {
		...text,
		message: withoutSecrets(text.message, apiKey),
		description: withoutSecrets(text.description, apiKey),
	});
}

/**
 * Turns a failed Quo call into the `NodeApiError` users see: Quo's own message, its code, the HTTP status
 * and a hint on what to do.
 */
export function quoApiError(
	node: INode,
	failure: QuoFailure,
	apiKey: string | undefined,
	itemIndex?: number,
): NodeApiError {
	const details = readQuoErrorBody(failure.body);
	const status = failure.statusCode;
	const answerMessage =
		details.message ??
		(status === null
			? noAnswerMessage(failure)
			: [`Quo answered HTTP ${status}`, excerptOfText(failure.body)].filter(Boolean).join(': '));
	const message = !failure.waitAsked
		? answerMessage
		: status === 429
			? `Quo's rate limit was reached, and ${waitAskedText(failure.waitAsked)}`
			: `${answerMessage}; ${waitAskedText(failure.waitAsked)}`;
	const facts = factsOf({ ...failure, code: details.code, detail: failure.noAnswer?.detail });
	const errorResponse: JsonObject = {
		message,
		code: details.code ?? null,
		status,
		method: failure.method,
		path: failure.path,
		errors: details.fieldErrors,
	};
	return secretFreeError(
		node,
		errorResponse,
		{
			message,
			description: [hintFor(failure), ...details.fieldErrors, facts].join('\n'),
			httpCode: status === null ? undefined : String(status),
			itemIndex,
		},
		apiKey,
	);
}

/** Where a redirect points: its host (with the port, if any), or undefined when it gives no readable target. */
function redirectTarget(location: string | undefined, requestUrl: string): string | undefined {
	if (!location) return undefined;
	try {
		return new URL(location, requestUrl).host;
	} catch {
		return undefined;
	}
}

/**
 * A 3xx from the API. The Quo nodes never follow one: the request would carry the API key to wherever it points.
 * Quo's API does not redirect, so the Base URL most likely points somewhere else.
 */
export function redirectError(
	node: INode,
	attempt: QuoAttempt & { statusCode: number },
	location: string | undefined,
	requestUrl: string,
	apiKey: string | undefined,
	itemIndex?: number,
): NodeApiError {
	const target = redirectTarget(location, requestUrl);
	const message = `Quo's API answered ${attempt.statusCode}${target ? ` and redirected to ${target}` : ''}: the Quo nodes do not follow redirects; check the Base URL in the Quo API credential`;
	return secretFreeError(
		node,
		{ message, status: attempt.statusCode, method: attempt.method, path: attempt.path },
		{ message, description: factsOf(attempt), httpCode: String(attempt.statusCode), itemIndex },
		apiKey,
	);
}

/** A list walk that was stopped: its page tokens went in a circle, or never ran out. */
export interface EndlessList {
	path: string;
	pagesRead: number;
	itemsRead: number;
	cause: 'repeatedToken' | 'tooManyPages';
}

/** What was read is not the whole list: the error says so, and how far the walk got, rather than returning it. */
export function endlessListError(node: INode, list: EndlessList, itemIndex?: number): NodeApiError {
	const where = `GET ${list.path}`;
	const readSoFar = `(${list.itemsRead.toLocaleString('en-US')} items read so far)`;
	const message =
		list.cause === 'repeatedToken'
			? `Quo repeated an earlier page token of ${where} after ${list.pagesRead.toLocaleString('en-US')} pages ${readSoFar}: the list would go round in circles`
			: `Quo's list ${where} went on past ${list.pagesRead.toLocaleString('en-US')} pages ${readSoFar}: the Quo nodes stop there`;
	const hint =
		list.cause === 'repeatedToken'
			? 'Quo pointed back to a page it had already sent, so the list cannot be read to its end. Try again later.'
			: 'Ask for fewer items: narrow the request with its filters, or turn off Return All and set a Limit.';
	return secretFreeError(
		node,
		{ message, method: 'GET', path: list.path },
		{ message, description: hint, itemIndex },
	);
}

/**
 * Why an answer could not be used: what it was, and a hint. `oversized`: larger than any of Quo's API, so it was not
 * read to its end. `notJson`: a 2xx body that is not JSON, as when a proxy cut or replaced it, or the Base URL points
 * elsewhere.
 */
const UNUSABLE_ANSWERS = {
	oversized: {
		what: (statusCode: number) =>
			`Quo answered HTTP ${statusCode} with more than ${MAX_ANSWER_BYTES / 1024 / 1024} MB`,
		hint: "The Quo nodes stopped reading it there: Quo's API answers with small JSON documents. Check the Base URL in the Quo API credential.",
	},
	notJson: {
		what: (statusCode: number) => `Quo answered HTTP ${statusCode} with a body that is not JSON`,
		hint: "A proxy between n8n and Quo may have cut or replaced Quo's answer; check the Base URL in the Quo API credential.",
	},
};

/**
 * An answer that could not be used (see `UNUSABLE_ANSWERS`). Quo accepted a request it answered with a 2xx, so a POST
 * or PATCH was probably carried out: the error says so instead of passing on junk.
 */
export function unusableAnswerError(
	node: INode,
	attempt: QuoAttempt & { statusCode: number },
	problem: keyof typeof UNUSABLE_ANSWERS,
	itemIndex?: number,
): NodeApiError {
	const { what, hint } = UNUSABLE_ANSWERS[problem];
	const summary = what(attempt.statusCode);
	const message = attempt.statusCode < 300 ? withOutcome(summary, attempt, true) : summary;
	return secretFreeError(
		node,
		{ message, status: attempt.statusCode, method: attempt.method, path: attempt.path },
		{
			message,
			description: [hint, factsOf(attempt)].join('\n'),
			httpCode: String(attempt.statusCode),
			itemIndex,
		},
	);
}

/**
 * A JSON answer without what the request was for (a webhook, its key): a proxy's page or a change to Quo's API. The
 * answer goes into the error's details, to show what came instead, with any signing key in it blanked.
 */
export function unexpectedAnswerError(
	node: INode,
	message: string,
	answer: JsonObject,
): NodeApiError {
	return secretFreeError(
		node,
		{ message, answer },
		{
			message,
			description:
				"Check the Base URL in the Quo API credential: it should point at Quo's API (https://api.quo.com).",
		},
	);
}

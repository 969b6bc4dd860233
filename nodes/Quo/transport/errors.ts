import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** What Quo answered to a request that failed, or `statusCode: null` when no answer came at all. */
export interface QuoFailure {
	statusCode: number | null;
	body: unknown;
	method: string;
	path: string;
	/** The network error's text when there was no answer. */
	networkError?: string;
	retries: number;
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
		code: asString(body.code) ?? asString(nested?.key),
		fieldErrors,
	};
}

/** A short, tag-free excerpt of a body that is not JSON (an HTML error page from a proxy, say). */
function excerptOfText(body: unknown): string | undefined {
	if (typeof body !== 'string' || body.trim() === '') return undefined;
	const text = body
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return text.length > 160 ? `${text.slice(0, 160)}…` : text;
}

/** The last path segment that looks like a Quo id (`WH…`, `PN…`, a numeric webhook id, ...). */
function idInPath(path: string): string | undefined {
	const segments = path.split('?')[0].split('/').filter(Boolean);
	return segments.reverse().find((segment) => /^[A-Z]{2}[A-Za-z0-9]+$|^\d+$|^[a-z]+_[A-Za-z0-9]+$/.test(segment));
}

function hintFor(failure: QuoFailure): string {
	const { statusCode } = failure;
	if (statusCode === null) {
		return 'Quo could not be reached. Check the Base URL in the Quo API credential and the network between n8n and Quo.';
	}
	switch (statusCode) {
		case 400:
		case 422:
			return 'Quo refused the request as invalid: check the fields named here.';
		case 401:
			return 'Check the API key in the Quo API credential (Quo: Settings → API). It may have been revoked.';
		case 402:
			return "Quo refused this for the workspace's plan or subscription (for example call summaries need a Business or Scale plan).";
		case 403:
			return 'The API key is not allowed to do this: check the plan, the number or user permissions, and A2P registration for US texting.';
		case 404: {
			const id = idInPath(failure.path);
			return id
				? `Quo has nothing with the ID "${id}". Check that ID, and that it belongs to this workspace.`
				: `Quo has nothing at ${failure.path}.`;
		}
		case 409:
			return 'The request conflicts with what Quo already has (a duplicate, say).';
		case 429:
			return `Quo allows 10 requests per second per API key; this request was retried ${failure.retries} times and was still refused. Send fewer items at once or spread the work out.`;
		default:
			return statusCode >= 500
				? 'Quo had a problem with this request. Try again later.'
				: 'Quo did not accept the request.';
	}
}

function withoutSecret(text: string, secret: string | undefined): string {
	return secret ? text.split(secret).join('[redacted]') : text;
}

/**
 * Turns a failed Quo call into the `NodeApiError` users see: Quo's own message, its code, the HTTP status
 * and a hint on what to do. The API key never appears in it, even if Quo echoed it back.
 */
export function quoApiError(node: INode, failure: QuoFailure, apiKey: string | undefined, itemIndex?: number): NodeApiError {
	const details = readQuoErrorBody(failure.body);
	const status = failure.statusCode;
	const message =
		details.message ??
		(status === null
			? `Could not reach Quo: ${failure.networkError ?? 'no answer'}`
			: `Quo answered HTTP ${status}${excerptOfText(failure.body) ? `: ${excerptOfText(failure.body)}` : ''}`);
	const facts = [
		details.code ? `Quo error code ${details.code}` : undefined,
		status !== null ? `HTTP ${status}` : undefined,
		`${failure.method} ${failure.path}`,
	].filter(Boolean);
	const description = [hintFor(failure), ...details.fieldErrors, `(${facts.join(', ')})`].join('\n');

	const errorResponse: JsonObject = {
		message: withoutSecret(message, apiKey),
		code: details.code ?? null,
		status,
		method: failure.method,
		path: failure.path,
		errors: details.fieldErrors.map((text) => withoutSecret(text, apiKey)),
	};
	return new NodeApiError(node, errorResponse, {
		message: withoutSecret(message, apiKey),
		description: withoutSecret(description, apiKey),
		httpCode: status === null ? undefined : String(status),
		itemIndex,
	});
}

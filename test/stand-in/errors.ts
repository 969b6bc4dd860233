import { randomTrace } from './ids';

export const quoDocsUrl = 'https://quo.com/docs';

/**
 * Quo's error codes are seven digits: two for the resource family, then the HTTP status padded
 * (`0300404`), with `01500` for unknown errors (`0301500`).
 */
export const errorFamilies = {
	general: '00',
	calls: '01',
	messages: '02',
	webhooks: '03',
	phoneNumbers: '04',
	callSummaries: '05',
	// Quo's call transcripts and tasks share the family code 06.
	callTranscripts: '06',
	tasks: '06',
	customFields: '07',
	contacts: '08',
	recordings: '09',
	conversations: '10',
	users: '11',
	voicemails: '12',
} as const;

export interface ErrorCatalog {
	family: string;
	/** The specific 400 an operation declares for bad input (`0303400` Invalid Id); default `<family>00400`. */
	invalidInput?: { code: string; title: string };
}

export interface FieldError {
	path: string;
	message: string;
	value?: unknown;
	schema: { type: string };
}

export interface QuoErrorBody {
	message: string;
	code: string;
	status: number;
	docs: string;
	title: string;
	trace: string;
	description?: string;
	errors?: FieldError[];
}

export const generalErrors: ErrorCatalog = { family: errorFamilies.general };

const titles: Record<number, string> = {
	400: 'Bad Request',
	401: 'Unauthorized',
	402: 'Payment Required',
	403: 'Forbidden',
	404: 'Not Found',
	409: 'Conflict',
	422: 'Unprocessable Entity',
	429: 'Too Many Requests',
	500: 'Unknown',
	501: 'Not Implemented',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
};

const defaultMessages: Record<number, string> = {
	400: 'The input was invalid',
	403: 'User is forbidden to perform this action',
	404: 'Not Found',
	429: 'Too many requests',
	500: 'An unknown error occurred',
};

/** Thrown by route handlers; the server turns it into a Quo error body of the route's family. */
export class RouteError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly errors?: FieldError[],
	) {
		super(message);
	}
}

/** What a handler looked up, or Quo's 404 saying what was not found ("Contact not found"). */
export function found<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new RouteError(404, `${what} not found`);
	return value;
}

export function quoError(
	catalog: ErrorCatalog,
	status: number,
	message?: string,
	errors?: FieldError[],
): QuoErrorBody {
	const specific = status === 400 ? catalog.invalidInput : undefined;
	const body: QuoErrorBody = {
		message: message ?? defaultMessages[status] ?? titles[status] ?? 'Error',
		code: specific?.code ?? `${catalog.family}${status === 500 ? '01' : '00'}${status}`,
		status,
		docs: quoDocsUrl,
		title: specific?.title ?? titles[status] ?? 'Error',
		trace: randomTrace(),
	};
	// Quo's specific codes (0303400 Invalid Id, …) also carry a description, the spec requires it.
	if (specific) body.description = specific.title;
	if (errors) body.errors = errors;
	return body;
}

/** The shape the live API answers a missing or unknown key with (not the spec's). */
export function liveUnauthorizedBody(): { error: { message: string; key: string; trace: string } } {
	return { error: { message: 'Unauthorized', key: 'Unauthorized', trace: randomTrace() } };
}

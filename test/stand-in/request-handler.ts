import type { IncomingMessage, ServerResponse } from 'node:http';
import {
	generalErrors,
	liveUnauthorizedBody,
	quoError,
	RouteError,
	type ErrorCatalog,
} from './errors';
import type { FaultList } from './faults';
import {
	parseJsonBody,
	parseQuery,
	readBody,
	writeAnswer,
	writeTruncated,
	type Answer,
} from './http-io';
import type { SpecCheck, SpecValidator } from './openapi/spec-validator';
import type { PathMatch } from './path-matcher';
import type { SlidingWindowRateLimiter } from './rate-limiter';
import type { QueryValues, Route, Router } from './router';
import type { StandInState } from './state';
import { isMediaPath, mediaAnswer } from './media';
import { headerVersion, surfaceFor } from './surfaces';
import type { FaultRule, RecordedRequest, StandInClock } from './types';
import type { Deliverer } from './webhooks/deliverer';

export interface HandlerDependencies {
	state: StandInState;
	requests: RecordedRequest[];
	faults: FaultList;
	rateLimiter: SlidingWindowRateLimiter;
	router: Router;
	validator: SpecValidator | null;
	deliverer: Deliverer;
	apiKeys: ReadonlySet<string>;
	clock: StandInClock;
	responseDelayMs(): number;
	/** The earliest an answer leaves, in ms after its request arrived. */
	responseLatencyMs: number;
	/** The stand-in's own URL, known once it listens. */
	baseUrl(): string;
}

interface Call {
	record: RecordedRequest;
	query: QueryValues;
	route: PathMatch<Route> | null;
	check: SpecCheck | null;
	errors: ErrorCatalog;
}

export function createRequestHandler(dependencies: HandlerDependencies) {
	return (request: IncomingMessage, response: ServerResponse): void => {
		handle(dependencies, request, response).catch((error: unknown) => {
			console.error('Quo stand-in: request failed', error);
			if (!response.headersSent)
				writeAnswer(response, { status: 500, body: quoError(generalErrors, 500) });
		});
	};
}

/**
 * Record, then faults, then media files (no auth), or version header, auth, rate limit, route, validation and the
 * handler; faults marked `afterHandling` apply to the answer the handler gave.
 */
async function handle(
	dependencies: HandlerDependencies,
	request: IncomingMessage,
	response: ServerResponse,
): Promise<void> {
	const call = await receive(dependencies, request);
	const fault = dependencies.faults.take(call.record.method, call.record.path);
	const faulted =
		fault && !fault.afterHandling ? await faultAnswer(dependencies.clock, fault, call) : null;
	if (faulted === 'drop') {
		request.socket.destroy();
		return;
	}
	const media = isMediaPath(call.record.path);
	let answer =
		faulted ??
		(media
			? mediaAnswer(dependencies.state, call.record.method, call.record.path, call.query)
			: await regularAnswer(dependencies, call));
	if (fault?.afterHandling) {
		if (fault.delayMs) await dependencies.clock.sleep(fault.delayMs);
		if (fault.dropConnection) {
			request.socket.destroy();
			return;
		}
		answer = answerReplacedBy(answer, fault);
	}
	const delayMs = dependencies.responseDelayMs();
	if (delayMs > 0) await dependencies.clock.sleep(delayMs);
	// A timer may fire a millisecond early by the clock: wait until the latency has really passed.
	const answerAt = call.record.at + dependencies.responseLatencyMs;
	for (
		let left = answerAt - dependencies.clock.now();
		left > 0;
		left = answerAt - dependencies.clock.now()
	)
		await dependencies.clock.sleep(left);
	call.record.status = answer.status;
	call.record.answeredAt = dependencies.clock.now();
	if (fault?.truncateBody) writeTruncated(response, answer);
	else writeAnswer(response, answer);
}

/** The handler's answer with what the fault gives in its place. */
function answerReplacedBy(answer: Answer, fault: FaultRule): Answer {
	const replacesBody = fault.body !== undefined || fault.rawBody !== undefined;
	return {
		...answer,
		status: fault.status ?? answer.status,
		...(replacesBody ? { body: fault.body, rawBody: fault.rawBody, bytes: undefined } : {}),
		contentType: fault.contentType ?? answer.contentType,
		headers: { ...answer.headers, ...fault.headers },
	};
}

async function receive(dependencies: HandlerDependencies, request: IncomingMessage): Promise<Call> {
	const at = dependencies.clock.now();
	const rawBody = await readBody(request);
	const url = new URL(request.url ?? '/', 'http://127.0.0.1');
	const method = (request.method ?? 'GET').toUpperCase();
	const query = parseQuery(url.searchParams);
	const body = parseJsonBody(rawBody);
	const headers = { ...request.headers };
	const route = dependencies.router.match(method, url.pathname);
	const check =
		dependencies.validator?.check({ method, path: url.pathname, query, headers, rawBody, body }) ??
		null;
	const record: RecordedRequest = {
		at,
		method,
		path: url.pathname,
		rawQuery: url.search.replace(/^\?/, ''),
		query,
		headers,
		body,
		rawBody,
		operationId: route?.value.operationId ?? check?.operationId ?? null,
		status: 0,
		answeredAt: 0,
		validationErrors: check?.problems ?? [],
		apiKey: request.headers.authorization ?? null,
	};
	dependencies.requests.push(record);
	return { record, query, route, check, errors: route?.value.errors ?? generalErrors };
}

/** 'drop' to destroy the socket, null to go on with regular handling after the delay. */
async function faultAnswer(
	clock: StandInClock,
	fault: FaultRule,
	call: Call,
): Promise<Answer | 'drop' | null> {
	if (fault.delayMs) await clock.sleep(fault.delayMs);
	if (fault.dropConnection) return 'drop';
	if (fault.status === undefined) return null;
	const defaultBody =
		fault.body === undefined && fault.rawBody === undefined
			? fault.status === 401
				? liveUnauthorizedBody()
				: quoError(call.errors, fault.status)
			: fault.body;
	return {
		status: fault.status,
		body: defaultBody,
		rawBody: fault.rawBody,
		contentType: fault.contentType,
		headers: fault.headers,
	};
}

async function regularAnswer(dependencies: HandlerDependencies, call: Call): Promise<Answer> {
	const { record, route, check } = call;
	if (
		surfaceFor(record.path) === '2026-03-30' &&
		record.headers['quo-api-version'] !== headerVersion
	) {
		const message = `Unsupported or missing Quo-Api-Version header. Supported versions: ${headerVersion}`;
		return { status: 400, body: quoError(generalErrors, 400, message) };
	}
	if (record.apiKey === null || !dependencies.apiKeys.has(record.apiKey)) {
		return { status: 401, body: liveUnauthorizedBody() };
	}
	if (!dependencies.rateLimiter.tryAdmit(record.apiKey, dependencies.clock.now())) {
		return { status: 429, body: quoError(generalErrors, 429, 'Too many requests') };
	}
	if (check && check.errors.length > 0) {
		return { status: 400, body: quoError(call.errors, 400, 'The input was invalid', check.errors) };
	}
	if (!route) {
		return check
			? {
					status: 501,
					body: quoError(
						generalErrors,
						501,
						`The Quo stand-in does not implement ${check.operationId} yet`,
					),
				}
			: {
					status: 404,
					body: quoError(generalErrors, 404, `Cannot ${record.method} ${record.path}`),
				};
	}
	try {
		const { state, deliverer } = dependencies;
		const context = {
			state,
			deliverer,
			params: route.params,
			query: call.query,
			body: record.body,
			baseUrl: dependencies.baseUrl(),
		};
		return await route.value.handle(context);
	} catch (error) {
		if (error instanceof RouteError) {
			return {
				status: error.status,
				body: quoError(call.errors, error.status, error.message, error.errors),
			};
		}
		console.error(`Quo stand-in: ${route.value.operationId} failed`, error);
		return { status: 500, body: quoError(call.errors, 500) };
	}
}

// Assertions, JSON comparison with a readable difference, waiting on executions, and reading the stand-in.
import { isDeepStrictEqual } from 'node:util';

import type { RecordedRequest, StandIn } from '../stand-in';
import type { Bootstrapped } from './bootstrap';
import type { Execution } from './n8n-public-api';
import { TRIGGER_NODE } from './quo-workflows';
import { sleep, waitFor } from './util';

export function assert(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

/** JSON round trip: what a value looks like after n8n stored it (undefined members dropped). */
export function asJson<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}

/** The paths at which two JSON values differ (at most `limit`), e.g. `context.contacts.lookupStatus: "none" != "matched"`. */
export function jsonDifferences(
	actual: unknown,
	expected: unknown,
	limit = 6,
	path = '$',
): string[] {
	if (isDeepStrictEqual(actual, expected)) return [];
	const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
	if (isObj(actual) && isObj(expected) && Array.isArray(actual) === Array.isArray(expected)) {
		const out: string[] = [];
		const keys = new Set([...Object.keys(actual), ...Object.keys(expected)]);
		for (const key of keys) {
			if (out.length >= limit) break;
			if (!(key in expected)) out.push(`${path}.${key}: unexpected ${short(actual[key])}`);
			else if (!(key in actual))
				out.push(`${path}.${key}: missing (expected ${short(expected[key])})`);
			else
				out.push(
					...jsonDifferences(actual[key], expected[key], limit - out.length, `${path}.${key}`),
				);
		}
		return out;
	}
	return [`${path}: got ${short(actual)}, expected ${short(expected)}`];
}

function short(value: unknown): string {
	const text = JSON.stringify(value) ?? 'undefined';
	return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

export function assertJsonEqual(actual: unknown, expected: unknown, what: string): void {
	const diff = jsonDifferences(asJson(actual), asJson(expected));
	if (diff.length > 0) throw new Error(`${what} differs: ${diff.join('; ')}`);
}

/** The first output items of a node in an execution (first run), or undefined if the node did not run. */
export function outputOf(
	execution: Execution,
	nodeName: string,
): Array<Record<string, unknown>> | undefined {
	const runs = execution.data?.resultData.runData[nodeName];
	if (!runs) return undefined;
	return (runs[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

export function isFinished(execution: Execution): boolean {
	return (
		execution.status === 'success' ||
		execution.status === 'error' ||
		execution.status === 'crashed' ||
		(execution.finished && !!execution.stoppedAt)
	);
}

/** Every execution of a workflow (with data), newest first. */
export async function executionsOf(ctx: Bootstrapped, workflowId: string): Promise<Execution[]> {
	const { data } = await ctx.api.listExecutions({ workflowId, includeData: true, limit: 250 });
	return data;
}

/** Every finished execution n8n holds (the public API lists no running ones), all pages, newest first. */
export async function allExecutions(
	ctx: Bootstrapped,
	{ includeData = false } = {},
): Promise<Execution[]> {
	const out: Execution[] = [];
	let cursor: string | undefined;
	do {
		const page = await ctx.api.listExecutions({ includeData, limit: 250, cursor });
		out.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return out;
}

/** How many executions n8n holds, optionally only of some statuses (the editor's list endpoint, which counts). */
export async function executionCount(
	ctx: Bootstrapped,
	filter: { workflowId?: string; status?: string[] } = {},
): Promise<number> {
	const query = encodeURIComponent(JSON.stringify(filter));
	return (await ctx.rest.request<{ count: number }>('GET', `/executions?filter=${query}&limit=1`))
		.count;
}

/** Waits until the workflow has at least `count` finished executions; returns them all. */
export async function waitForFinishedExecutions(
	ctx: Bootstrapped,
	workflowId: string,
	count: number,
	timeoutMs = 30_000,
): Promise<Execution[]> {
	return waitFor(
		`${count} finished execution(s) of workflow ${workflowId}`,
		async () => {
			const all = await executionsOf(ctx, workflowId);
			const finished = all.filter(isFinished);
			return finished.length >= count && finished.length === all.length ? all : false;
		},
		{ timeoutMs, intervalMs: 300 },
	);
}

/** After deliveries that must not start anything: a moment's grace, then the count must still be `expected`. */
export async function assertExecutionCount(
	ctx: Bootstrapped,
	workflowId: string,
	expected: number,
	graceMs = 1500,
): Promise<Execution[]> {
	await sleep(graceMs);
	const all = await executionsOf(ctx, workflowId);
	assert(
		all.length === expected,
		`expected ${expected} execution(s) of workflow ${workflowId}, found ${all.length}`,
	);
	return all;
}

/** "METHOD path -> status" of the stand-in requests from index `from` on. */
export function quoCalls(
	standIn: StandIn,
	from: number,
	filter: (r: RecordedRequest) => boolean = () => true,
): string[] {
	return standIn.requests
		.slice(from)
		.filter(filter)
		.map((r) => `${r.method} ${r.path}${r.rawQuery ? `?${r.rawQuery}` : ''} ${r.status}`);
}

/** Fails when any request from index `from` on broke Quo's OpenAPI document (the stand-in checks each one). */
export function assertValidRequests(standIn: StandIn, from: number): void {
	const invalid = standIn.requests.slice(from).filter((r) => r.validationErrors.length > 0);
	if (invalid.length > 0) {
		throw new Error(
			`requests that break Quo's API: ${invalid.map((r) => `${r.method} ${r.path}: ${r.validationErrors.join(', ')}`).join(' | ')}`,
		);
	}
}

/** Collapses repeated lines: ["GET /webhooks 200", "GET /webhooks 200"] -> "2x GET /webhooks 200". */
export function summarizeCalls(calls: string[]): string {
	if (calls.length === 0) return 'none';
	const out: string[] = [];
	for (const call of calls) {
		const last = out.length - 1;
		const m = last >= 0 ? /^(\d+)x (.*)$/.exec(out[last]) : null;
		if (last >= 0 && (out[last] === call || m?.[2] === call))
			out[last] = `${m ? Number(m[1]) + 1 : 2}x ${call}`;
		else out.push(call);
	}
	return out.join(', ');
}

/** The execution whose trigger item carries this delivery id (2026-03-30) or event id (v1). */
export function executionFor(
	executions: Execution[],
	match: { deliveryId?: string | null; eventId?: string },
): Execution {
	const found = executions.filter((execution) => {
		const item = outputOf(execution, TRIGGER_NODE)?.[0];
		if (!item) return false;
		return match.deliveryId ? item.deliveryId === match.deliveryId : item.eventId === match.eventId;
	});
	assert(
		found.length === 1,
		`expected one execution for ${JSON.stringify(match)}, found ${found.length}`,
	);
	return found[0];
}

/** One successful execution whose trigger output is exactly the expected QuoEvent and whose Set node ran on it. */
export function checkTriggerExecution(
	execution: Execution,
	expected: unknown,
	what: string,
	{ setNodeRuns = true } = {},
): void {
	assert(
		execution.status === 'success',
		`${what}: execution ${execution.id} is ${execution.status}: ${JSON.stringify(execution.data?.resultData.error ?? null).slice(0, 300)}`,
	);
	const items = outputOf(execution, TRIGGER_NODE) ?? [];
	assert(items.length === 1, `${what}: the trigger emitted ${items.length} items`);
	assertJsonEqual(items[0], expected, `${what}: trigger output of execution ${execution.id}`);
	if (!setNodeRuns) return;
	const set = outputOf(execution, 'Set') ?? [];
	const event = (expected as { event: string }).event;
	assert(
		set.length === 1 && set[0].receivedEvent === event,
		`${what}: Set output ${JSON.stringify(set).slice(0, 200)}`,
	);
}

/**
 * Issue 8, table 3: the Quo node against Quo's rate limit. A local Quo stand-in answers every request after a
 * realistic 150 ms (counted from the request's arrival, so the stand-in's own work does not add to it) and admits 10 requests per second per API key (counted on arrival, sliding 1000 ms window),
 * as Quo does. The Quo node runs in n8n-core's real ExecuteContext.
 *
 * (a) Return All over 5,000 contacts and 3,000 messages: the pages must be fetched one after another (each needs
 *     the previous page's token), so the bound is pages × response time; target ≤ 1.05× that bound, no failures.
 * (b) Bulk: 500 items of contact.get and 200 of message.send in one execution each: items/s against the ceiling
 *     of 10 requests/s, the 429s the stand-in answered, failed items, and output order and pairing. Side by side,
 *     on a second API key of the same stand-in, the strategy other Quo integrations use: one request at a time,
 *     at most one every 100 ms, over the same HTTP calls.
 *
 * Alone: npm run bench -- --only rate
 */
import { ExecuteContext } from 'n8n-core';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { Quo } from '../../nodes/Quo/Quo.node';
import { QUO_REQUESTS_PER_SECOND } from '../../nodes/Quo/transport/rateLimiter';
import { N8nRuntime, type NodeSetup } from '../harness/runtime';
import { startStandIn, type RecordedRequest, type StandIn } from '../stand-in';
import { newApiKey } from '../stand-in/ids';
import { seededParticipant } from '../stand-in/seed';
import { type Figure, metWord, type Table } from './figures';

export const RESPONSE_MS = 150;
const CONTACTS = 5000;
const MESSAGES = 3000;
const BULK_GETS = 500;
const BULK_SENDS = 200;
/** Sends one after another take a response time each: fewer of them tell the rate as well. */
const BULK_SEQUENTIAL_SENDS = 40;
const PEER_SPACING_MS = 100;
/** Long enough for every request of one phase to leave the stand-in's and the limiter's 1000 ms windows. */
const SETTLE_MS = 1200;

const quo = new Quo();

function locator(mode: string, value: string): { __rl: true; mode: string; value: string } {
	return { __rl: true, mode, value };
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `execute()` of the Quo node on `items` in n8n-core's ExecuteContext, as the harness's `N8nRuntime.execute` builds
 * it, timed around `execute()` alone (the harness may look through the output after the run; that is not timed).
 */
async function timedExecute(
	runtime: N8nRuntime,
	parameters: INodeParameters,
	items: IDataObject[],
	continueOnFail = true,
): Promise<{ output: INodeExecutionData[]; ms: number }> {
	const setup: NodeSetup = { nodeType: quo, parameters, continueOnFail };
	const { workflow, node } = runtime.workflow(setup);
	const input = items.map((json) => ({ json }));
	const inputData = { main: [input] };
	const context = new ExecuteContext(
		workflow,
		node,
		runtime.additionalData(),
		'manual',
		createRunExecutionData(),
		0,
		input,
		inputData,
		{ node, data: inputData, source: null },
		[],
	);
	const started = performance.now();
	const [output] = (await quo.execute.call(context)) as INodeExecutionData[][];
	return { output, ms: performance.now() - started };
}

function requestsOf(standIn: StandIn, apiKey: string, from: number): RecordedRequest[] {
	return standIn.requests.slice(from).filter((request) => request.apiKey === apiKey);
}

function count(requests: RecordedRequest[], status: (s: number) => boolean): number {
	return requests.filter((request) => status(request.status)).length;
}

interface ReturnAllRun {
	label: string;
	items: number;
	pageSize: number;
	pages: number;
	requests: number;
	ms: number;
	boundMs: number;
	ratio: number;
	rateLimited: number;
	failedRequests: number;
	complete: boolean;
	/** Mean time from a request's arrival at the stand-in to its answer (the configured latency, plus timers firing late). */
	serverMeanMs: number;
	/** Sum over the pages of the stand-in's time: the bound as the stand-in actually answered. */
	serverTotalMs: number;
	/** From one answer to the next request's arrival: the node's work between pages (HTTP helper, JSON, pagination, limiter). */
	gapMeanMs: number;
	gapMedianMs: number;
}

function medianOf(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted.length === 0 ? 0 : sorted[sorted.length >> 1];
}

/** The lower bound of walking `pages` pages one after another, at `RESPONSE_MS` each and at most 10 arrivals a second. */
function returnAllBoundMs(pages: number): number {
	const byLatency = pages * RESPONSE_MS;
	const byLimit = (Math.ceil(pages / QUO_REQUESTS_PER_SECOND) - 1) * 1000 + RESPONSE_MS;
	return Math.max(byLatency, byLimit);
}

async function returnAll(
	standIn: StandIn,
	runtime: N8nRuntime,
	label: string,
	parameters: INodeParameters,
	expectedIds: string[],
): Promise<ReturnAllRun> {
	const before = standIn.requests.length;
	const { output, ms } = await timedExecute(runtime, { ...parameters, returnAll: true }, [{}]);
	const made = requestsOf(standIn, standIn.apiKey, before);
	const pageSize = Number(made[0]?.query.maxResults);
	const pages = Math.ceil(expectedIds.length / pageSize);
	const ids = output.map((item) => item.json.id);
	const complete =
		ids.length === expectedIds.length &&
		ids.every((id, i) => id === expectedIds[i]) &&
		output.every((item) => item.json.error === undefined);
	const boundMs = returnAllBoundMs(pages);
	const serverTimes = made.map((request) => request.answeredAt - request.at);
	const gaps = made.slice(1).map((request, i) => request.at - made[i].answeredAt);
	const serverTotalMs = serverTimes.reduce((sum, time) => sum + time, 0);
	return {
		label,
		items: output.length,
		pageSize,
		pages,
		requests: made.length,
		ms,
		boundMs,
		ratio: ms / boundMs,
		rateLimited: count(made, (s) => s === 429),
		failedRequests: count(made, (s) => s >= 400 || s === 0),
		complete,
		serverMeanMs: serverTotalMs / Math.max(1, made.length),
		serverTotalMs,
		gapMeanMs: gaps.reduce((sum, gap) => sum + gap, 0) / Math.max(1, gaps.length),
		gapMedianMs: medianOf(gaps),
	};
}

interface BulkRun {
	strategy: string;
	operation: string;
	items: number;
	ms: number;
	itemsPerSecond: number;
	requests: number;
	rateLimited: number;
	failedItems: number;
	orderKept: boolean;
}

interface BulkCase {
	operation: string;
	items: IDataObject[];
	parameters: INodeParameters;
	/** The HTTP call the node makes for one item, for the peer strategy. */
	request: (item: IDataObject) => { method: string; path: string; body?: object };
	/** Whether output item `i` answers input item `i`. */
	answers: (output: IDataObject, input: IDataObject) => boolean;
	/** Default true (items run ten at a time); without it, sends run one after another. */
	continueOnFail?: boolean;
}

async function oursBulk(standIn: StandIn, runtime: N8nRuntime, bulk: BulkCase): Promise<BulkRun> {
	const before = standIn.requests.length;
	const continueOnFail = bulk.continueOnFail ?? true;
	const { output, ms } = await timedExecute(runtime, bulk.parameters, bulk.items, continueOnFail);
	const made = requestsOf(standIn, standIn.apiKey, before);
	const failedItems =
		output.filter((item) => item.json.error !== undefined).length +
		Math.max(0, bulk.items.length - output.length);
	const orderKept =
		output.length === bulk.items.length &&
		output.every((item, i) => {
			const paired = item.pairedItem as { item: number } | undefined;
			return paired?.item === i && bulk.answers(item.json, bulk.items[i]);
		});
	const strategy = continueOnFail
		? 'Quo node, Continue On Fail (10 items in flight, shared limiter)'
		: 'Quo node (one item after another)';
	return {
		strategy,
		operation: bulk.operation,
		items: bulk.items.length,
		ms,
		itemsPerSecond: (bulk.items.length / ms) * 1000,
		requests: made.length,
		rateLimited: count(made, (s) => s === 429),
		failedItems,
		orderKept,
	};
}

/** One request at a time, at most one every 100 ms; a 429 is waited out (1 s) and retried. */
async function peerBulk(standIn: StandIn, apiKey: string, bulk: BulkCase): Promise<BulkRun> {
	const before = standIn.requests.length;
	const answers: IDataObject[] = [];
	let failedItems = 0;
	let lastStart = -Infinity;
	const started = performance.now();
	for (const item of bulk.items) {
		const { method, path, body } = bulk.request(item);
		for (let attempt = 0; ; attempt++) {
			const wait = lastStart + PEER_SPACING_MS - performance.now();
			if (wait > 0) await sleep(wait);
			lastStart = performance.now();
			const response = await fetch(`${standIn.url}${path}`, {
				method,
				headers: { Authorization: apiKey, ...(body ? { 'Content-Type': 'application/json' } : {}) },
				body: body ? JSON.stringify(body) : undefined,
			});
			const json = (await response.json()) as { data?: IDataObject };
			if (response.status === 429 && attempt < 5) {
				await sleep(1000);
				continue;
			}
			if (response.status >= 400) failedItems++;
			answers.push(json.data ?? {});
			break;
		}
	}
	const ms = performance.now() - started;
	const made = requestsOf(standIn, apiKey, before);
	const orderKept =
		answers.length === bulk.items.length &&
		answers.every((answer, i) => bulk.answers(answer, bulk.items[i]));
	return {
		strategy: `one at a time, ≥ ${PEER_SPACING_MS} ms apart (other integrations)`,
		operation: bulk.operation,
		items: bulk.items.length,
		ms,
		itemsPerSecond: (bulk.items.length / ms) * 1000,
		requests: made.length,
		rateLimited: count(made, (s) => s === 429),
		failedItems,
		orderKept,
	};
}

export async function measureRateLimit(): Promise<{
	table: Table;
	figures: Record<string, Figure>;
}> {
	// Two keys: the node's, and one for the peer strategy, so both run side by side, each within its own 10 requests/s.
	const [oursKey, peerKey] = [newApiKey(), newApiKey()];
	const standIn = await startStandIn({
		apiKeys: [oursKey, peerKey],
		// Quo's response time, fixed: the stand-in's own work (validation, paging through 5,000 contacts) does not add to it.
		responseLatencyMs: RESPONSE_MS,
		rateLimitPerSecond: QUO_REQUESTS_PER_SECOND,
		seed: { contacts: CONTACTS, messages: MESSAGES },
	});
	try {
		return await measureWith(standIn, peerKey);
	} finally {
		await standIn.close();
	}
}

async function measureWith(
	standIn: StandIn,
	peerKey: string,
): Promise<{ table: Table; figures: Record<string, Figure> }> {
	const runtime = new N8nRuntime({ baseUrl: standIn.url, apiKey: standIn.apiKey });
	const line = standIn.state.phoneNumbers[0];
	const contactIds = standIn.state.contacts.map((contact) => contact.id);
	const messageIds = standIn.state.messages.map((message) => message.id);

	// (a) Return All.
	const contactsRun = await returnAll(
		standIn,
		runtime,
		`contact getMany, Return All (${CONTACTS.toLocaleString('en-US')} contacts)`,
		{ resource: 'contact', operation: 'getMany', filters: {} },
		contactIds,
	);
	await sleep(SETTLE_MS);
	const messagesRun = await returnAll(
		standIn,
		runtime,
		`message getMany, Return All (${MESSAGES.toLocaleString('en-US')} messages)`,
		{
			resource: 'message',
			operation: 'getMany',
			phoneNumberId: locator('id', line.id),
			participants: seededParticipant,
			filters: {},
		},
		messageIds,
	);
	await sleep(SETTLE_MS);

	// (b) Bulk, ours and the peer side by side on two keys.
	const gets: BulkCase = {
		operation: `contact.get × ${BULK_GETS}`,
		items: contactIds.slice(0, BULK_GETS).map((id) => ({ id })),
		parameters: {
			resource: 'contact',
			operation: 'get',
			contactId: locator('id', '={{ $json.id }}'),
		},
		request: (item) => ({ method: 'GET', path: `/v1/contacts/${String(item.id)}` }),
		answers: (output, input) => output.id === input.id,
	};
	const sends: BulkCase = {
		operation: `message.send × ${BULK_SENDS}`,
		// One text to each of 200 customers (texts to one conversation are sent in item order, one at a time).
		items: Array.from({ length: BULK_SENDS }, (_, i) => ({
			to: `+1555700${String(i).padStart(4, '0')}`,
			text: `Your order ${i} has shipped.`,
		})),
		parameters: {
			resource: 'message',
			operation: 'send',
			from: locator('id', line.id),
			to: '={{ $json.to }}',
			content: '={{ $json.text }}',
		},
		request: (item) => ({
			method: 'POST',
			path: '/v1/messages',
			body: { content: item.text, from: line.id, to: [item.to] },
		}),
		answers: (output, input) =>
			Array.isArray(output.to) && output.to[0] === input.to && output.text === input.text,
	};
	const bulkRuns: BulkRun[] = [];
	for (const bulk of [gets, sends]) {
		const [oursRun, peerRun] = await Promise.all([
			oursBulk(standIn, runtime, bulk),
			peerBulk(standIn, peerKey, bulk),
		]);
		bulkRuns.push(oursRun, peerRun);
		await sleep(SETTLE_MS);
	}
	// Without Continue On Fail a send waits for the one before (the run stops at a failure): one request at a time.
	const sendsInOrder: BulkCase = {
		...sends,
		operation: `message.send × ${BULK_SEQUENTIAL_SENDS}, one after another`,
		items: sends.items.slice(0, BULK_SEQUENTIAL_SENDS),
		continueOnFail: false,
	};
	const sequentialRun = await oursBulk(standIn, runtime, sendsInOrder);
	await sleep(SETTLE_MS);

	// Figures and the table.
	const figures: Record<string, Figure> = {};
	const detail = `stand-in answers ${RESPONSE_MS} ms after each request arrives, admits ${QUO_REQUESTS_PER_SECOND} requests/s per key (sliding 1000 ms window, counted on arrival)`;
	for (const [key, run] of [
		['returnAllContacts', contactsRun],
		['returnAllMessages', messagesRun],
	] as const) {
		const met = run.ratio <= 1.05 && run.complete && run.failedRequests === 0;
		figures[key] = {
			value: run.ms / 1000,
			unit: 's',
			ratio: run.ratio,
			target: `≤ 1.05× the bound (${run.pages} pages × ${RESPONSE_MS} ms = ${(run.boundMs / 1000).toFixed(2)} s), every item, no failed request`,
			met,
			detail: `${run.label}: ${run.items} items, ${run.requests} requests (page size ${run.pageSize}), ${run.rateLimited} answered 429, ${run.failedRequests} failed; the stand-in answered ${run.serverMeanMs.toFixed(1)} ms after arrival on average (${(run.ms / run.serverTotalMs).toFixed(3)}× the time it took in all); between an answer and the next request ${run.gapMeanMs.toFixed(1)} ms on average, median ${run.gapMedianMs.toFixed(1)} ms; ${detail}`,
		};
	}
	const ceiling = QUO_REQUESTS_PER_SECOND;
	for (const run of bulkRuns) {
		const ours = run.strategy.startsWith('Quo node');
		const key = `${ours ? 'bulk' : 'peer'}${run.operation.startsWith('contact') ? 'ContactGet' : 'MessageSend'}`;
		const ratio = run.itemsPerSecond / ceiling;
		figures[key] = {
			value: run.itemsPerSecond,
			unit: 'items/s',
			ratio,
			target: ours
				? `≥ 0.9× the ceiling of ${ceiling} requests/s, 0 failed items, order and pairing kept`
				: 'reference (the strategy of other Quo integrations)',
			met: ours
				? ratio >= 0.9 && run.failedItems === 0 && run.orderKept
				: run.failedItems === 0 && run.orderKept,
			detail: `${run.operation}, ${run.strategy}: ${(run.ms / 1000).toFixed(1)} s, ${run.requests} requests, ${run.rateLimited} answered 429, ${run.failedItems} failed items, order ${run.orderKept ? 'kept' : 'NOT kept'}; ${detail}`,
		};
	}
	figures.sequentialMessageSend = {
		value: sequentialRun.itemsPerSecond,
		unit: 'items/s',
		ratio: sequentialRun.itemsPerSecond / ceiling,
		target: 'reported (no target): without Continue On Fail each send waits for the one before',
		met: sequentialRun.failedItems === 0 && sequentialRun.orderKept,
		detail: `${sequentialRun.operation}: ${(sequentialRun.ms / 1000).toFixed(1)} s, ${sequentialRun.requests} requests, ${sequentialRun.rateLimited} answered 429, about ${(sequentialRun.ms / sequentialRun.items).toFixed(0)} ms an item against a response time of ${RESPONSE_MS} ms; ${detail}`,
	};
	const speedups = ['ContactGet', 'MessageSend'].map((op) => ({
		op,
		speedup: figures[`bulk${op}`].value / figures[`peer${op}`].value,
	}));
	for (const { op, speedup } of speedups) {
		figures[`speedupVsPeer${op}`] = {
			value: speedup,
			unit: '×',
			ratio: speedup,
			target: 'reported (no target)',
			met: true,
			detail: 'Quo node items/s over the one-at-a-time strategy, same run, same stand-in',
		};
	}

	const rows: Array<Array<string | number>> = [
		...[contactsRun, messagesRun].map((run) => [
			run.label,
			'Quo node',
			`${run.pages} pages of ${run.pageSize}`,
			run.ms / 1000,
			`bound ${(run.boundMs / 1000).toFixed(2)} s`,
			`${run.ratio.toFixed(3)}×`,
			run.rateLimited,
			run.failedRequests,
			run.complete ? 'all, in order' : 'INCOMPLETE',
			`≤ 1.05×: ${metWord(run.ratio <= 1.05 && run.complete && run.failedRequests === 0)}`,
		]),
		...[...bulkRuns, sequentialRun].map((run) => {
			const ours = run.strategy.startsWith('Quo node');
			const sequential = run === sequentialRun;
			const ratio = run.itemsPerSecond / ceiling;
			return [
				run.operation,
				ours ? 'Quo node' : `peer: 1 at a time, ≥ ${PEER_SPACING_MS} ms apart`,
				`${run.requests} requests`,
				run.ms / 1000,
				`${run.itemsPerSecond.toFixed(2)} items/s`,
				`${ratio.toFixed(3)}×`,
				run.rateLimited,
				run.failedItems,
				run.orderKept ? 'kept' : 'NOT kept',
				sequential
					? 'reported'
					: ours
						? `≥ 0.9×: ${metWord(ratio >= 0.9 && run.failedItems === 0 && run.orderKept)}`
						: 'reference',
			];
		}),
	];
	const table: Table = {
		title: `Against Quo's rate limit: stand-in answering ${RESPONSE_MS} ms after each request arrives, ${ceiling} requests/s per key (sliding 1000 ms window, counted on arrival); Quo node in n8n-core's ExecuteContext`,
		columns: [
			'run',
			'strategy',
			'requests',
			'time s',
			'rate / bound',
			'ratio',
			'429s',
			'failed',
			'output',
			'target',
		],
		rows,
		notes: [
			'Return All: pages are fetched one after another (each needs the previous token), so the bound is pages × response time; the ratio is time over that bound.',
			...[contactsRun, messagesRun].map(
				(run) =>
					`${run.label}: ${((run.ms - run.boundMs) / run.pages).toFixed(1)} ms a page over the bound = the stand-in answering ${(run.serverMeanMs - RESPONSE_MS).toFixed(1)} ms late on average (timers on this machine) + ${run.gapMeanMs.toFixed(1)} ms from an answer to the next request (median ${run.gapMedianMs.toFixed(1)} ms: n8n's HTTP helper, JSON parse, pagination, limiter); against the stand-in's actual answer times it is ${(run.ms / run.serverTotalMs).toFixed(3)}×.`,
			),
			`Bulk: ratio is items/s over the ceiling of ${ceiling} requests/s (one request per item); "failed" counts items that came out as {error} (Continue On Fail on); "output" checks that output item i is paired with and answers input item i.`,
			`Sends without Continue On Fail run one after another, so that a failure stops the run before the next send: at ${RESPONSE_MS} ms a response that is ${sequentialRun.itemsPerSecond.toFixed(2)} items/s; with Continue On Fail each item's outcome is its own and they run ten at a time.`,
			`The peer strategy ran at the same time on a second API key of the same stand-in (its own ${ceiling}/s), over the same HTTP calls; it retries a 429 after 1 s.`,
			...speedups.map(
				({ op, speedup }) =>
					`${op === 'ContactGet' ? 'contact.get' : 'message.send'}: the Quo node is ${speedup.toFixed(2)}× the one-at-a-time strategy.`,
			),
		],
	};
	return { table, figures };
}

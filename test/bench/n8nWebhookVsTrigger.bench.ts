/**
 * Table 2: what a delivery costs n8n, the Quo Trigger next to n8n's built-in Webhook node, in real n8n, with the
 * package built, packed and unpacked into ~/.n8n/nodes as the e2e tarball route does. Active workflows, each
 * → No Operation: the Webhook node (2.1, as the editor adds it), the Quo Trigger at typeVersion 1 (workflows saved
 * before 1.1) and at 1.1 (new nodes); where it makes a difference, also the Webhook node and the Quo Trigger 1.1
 * → Set with one expression, as almost every real workflow has one. They get the same kind of pre-signed
 * deliveries from autocannon in turn (a warm-up each, then rounds A B C A B C …, same connections and duration),
 * in each of these n8n configurations:
 *
 *   n8n 2.41.1 as it comes, with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true, with N8N_EXPRESSION_ENGINE_COMPILE_CACHE=true,
 *   with N8N_EXPRESSION_ENGINE=legacy, and n8n 1.123.81.
 *
 * Reported per workflow: requests/s, p50, p99, n8n's CPU time per delivery (its main process, from /proc: unlike
 * wall-clock rates it hardly depends on what else the machine is doing) and, on 2.x, the expression isolates n8n
 * acquired per delivery (its own counter, `n8n_expression_pool_acquired_total` on /metrics, N8N_METRICS=true in
 * every configuration). Checked: every request got 200 and n8n recorded one successful execution per request.
 * Then one more n8n 2.41.1 as it comes, started with the inspector, is profiled while the Quo Trigger 1.1 takes a
 * round: the trigger's own share of n8n's CPU per delivery is its share of the main thread's busy samples (a frame
 * of the package on the stack) times the main thread's CPU time.
 *
 * Where the cost comes from (n8n 2.41.1, read in its code and confirmed by the isolate counts):
 *   - the `vm` expression engine (the default, in 1.123 as in 2.41) builds isolates, and a pool of one hands each
 *     caller a fresh one (disposed on release). An execution acquires one for every workflow; the webhook phase
 *     acquires one more, in 1.123 for every start node, in 2.41 for every start node but n8n's own Webhook node with
 *     static parameters (LiveWebhooks.webhookPhaseNeedsIsolate).
 *   - for a start node of typeVersion 1, webhook-helpers' parseRequestBody evaluates `$parameter["options"]
 *     ["binaryData"]` (meant for the Webhook node v1) on every delivery.
 *   - with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (2.41) an isolate is built only when an expression reaches the
 *     engine: a start node at typeVersion above 1 whose delivery path evaluates nothing then pays none; the
 *     execution pays one if a node in it has an expression, built on the spot when the pool has none ready.
 *
 * Alone: npm run bench -- --only n8n
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { bootstrap, type Bootstrapped } from '../real-n8n/bootstrap';
import { ensureInstalled } from '../real-n8n/layout';
import { N8nInstance } from '../real-n8n/n8n-instance';
import type { WorkflowInput, WorkflowNode } from '../real-n8n/n8n-public-api';
import { assertPackageLoaded, buildPackage, packPackage } from '../real-n8n/package-tarball';
import { readProcess, readThreadCpuMs } from '../real-n8n/process-sampler';
import {
	CREDENTIAL_TYPE,
	credentialData,
	PACKAGE_NAME,
	TRIGGER_TYPE,
	triggerProductionUrl,
} from '../real-n8n/quo-workflows';
import { sleep } from '../real-n8n/util';
import { activateWorkflow } from '../real-n8n/workflows';
import { startStandIn } from '../stand-in';
import { standardWebhookSignature } from '../stand-in/webhooks/signing';
import { profileDuring, timeIn } from './cpuProfile';
import { messageEvent } from './deliveryPayloads';
import { type Figure, metWord, type Table } from './figures';

/** The part of autocannon's programmatic API used here (the package ships no types). */
interface AutocannonRequest {
	method: string;
	path: string;
	headers: Record<string, string>;
	body?: string;
}
interface AutocannonResult {
	/** Seconds the run actually lasted. */
	duration: number;
	errors: number;
	timeouts: number;
	statusCodeStats: Record<string, { count: number }>;
}
type Autocannon = (
	options: {
		url: string;
		method: string;
		connections: number;
		duration: number;
		requests: Array<{ setupRequest: (request: AutocannonRequest) => AutocannonRequest }>;
	},
	done: (error: Error | null, result: AutocannonResult) => void,
) => NodeJS.EventEmitter;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Autocannon;

const CONNECTIONS = 10;
/** Short rounds, many of them: a slow moment of the machine then falls on every workflow alike. */
const ROUND_SECONDS = 5;
const WARMUP_SECONDS = 5;
const ROUNDS = 6;
/** The profiled round (one workflow, so a longer one). */
const PROFILED_SECONDS = 10;
/**
 * Deliveries signed per second of a run: far more than n8n answers on this machine. Were they used up, webhook-ids
 * would repeat and the trigger would answer repeats without a run, so the run fails instead.
 */
const PREPARED_PER_SECOND = 2000;
/** How long the count must hold still, once every 200 has its execution, before the cut-off requests are given up on. */
const EXECUTIONS_QUIET_MS = 2000;
/** How long the executions of a run may stay unchanged before the count is taken as final. */
const EXECUTIONS_SETTLE_MS = 10_000;

/** What follows the start node: nothing to evaluate, or one expression (as almost every real workflow has). */
type Then = 'No Operation' | 'Set';

interface BenchWorkflow {
	name: string;
	/** Key of its figures in results.json. */
	key: string;
	/** n8n's Webhook node, or the Quo Trigger at this typeVersion. */
	start: 'Webhook node' | 1 | 1.1;
	then: Then;
	/** The start node's webhookId (also the Webhook node's path). */
	webhookId: string;
}

const WEBHOOK_NODE = {
	name: 'Webhook node',
	key: 'webhookNode',
	start: 'Webhook node',
	then: 'No Operation',
	webhookId: '5b0f3c52-2026-4330-9a11-0000000be002',
} as const;
const QUO_1 = {
	name: 'Quo Trigger 1',
	key: 'quo1',
	start: 1,
	then: 'No Operation',
	webhookId: '5b0f3c52-2026-4330-9a11-0000000be001',
} as const;
const QUO_11 = {
	name: 'Quo Trigger 1.1',
	key: 'quo11',
	start: 1.1,
	then: 'No Operation',
	webhookId: '5b0f3c52-2026-4330-9a11-0000000be011',
} as const;
const WEBHOOK_NODE_SET = {
	name: 'Webhook node → Set',
	key: 'webhookNodeSet',
	start: 'Webhook node',
	then: 'Set',
	webhookId: '5b0f3c52-2026-4330-9a11-0000000be012',
} as const;
const QUO_11_SET = {
	name: 'Quo Trigger 1.1 → Set',
	key: 'quo11Set',
	start: 1.1,
	then: 'Set',
	webhookId: '5b0f3c52-2026-4330-9a11-0000000be013',
} as const;

/** The Webhook node workflow each workflow is compared with: the one with the same node after it. */
function referenceOf(workflow: BenchWorkflow): BenchWorkflow {
	return workflow.then === 'Set' ? WEBHOOK_NODE_SET : WEBHOOK_NODE;
}

interface Configuration {
	/** Key of its figures in results.json. */
	key: string;
	label: string;
	version: string;
	env: Record<string, string>;
	workflows: BenchWorkflow[];
	/** Default ROUNDS. */
	rounds?: number;
}

const LATEST = '2.41.1';
const TO_NO_OP = [WEBHOOK_NODE, QUO_1, QUO_11];
/** Where isolates are built per execution or not, a node with an expression after the start node makes a difference. */
const WITH_SET = [...TO_NO_OP, WEBHOOK_NODE_SET, QUO_11_SET];
const LAZY_ACQUIRE = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };
const CONFIGURATIONS: Configuration[] = [
	{
		key: 'asItComes',
		label: `n8n ${LATEST} as it comes`,
		version: LATEST,
		env: {},
		workflows: WITH_SET,
	},
	// With lazy acquire, a workflow that builds isolates leaves the pool rebuilding behind it, which falls on whatever
	// runs next (in one n8n with all five workflows, the Quo Trigger 1.1's p99 read 0.6× the Webhook node's in one
	// run and 1.95× in another). The pair the target is on gets an n8n of its own, and more rounds.
	{
		key: 'lazyAcquire',
		label: `n8n ${LATEST}, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true`,
		version: LATEST,
		env: LAZY_ACQUIRE,
		workflows: [WEBHOOK_NODE, QUO_11],
		rounds: 10,
	},
	{
		key: 'lazyAcquireBuildingIsolates',
		label: `n8n ${LATEST}, N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (another n8n)`,
		version: LATEST,
		env: LAZY_ACQUIRE,
		workflows: [WEBHOOK_NODE, QUO_1, WEBHOOK_NODE_SET, QUO_11_SET],
	},
	{
		key: 'compileCache',
		label: `n8n ${LATEST}, N8N_EXPRESSION_ENGINE_COMPILE_CACHE=true`,
		version: LATEST,
		env: { N8N_EXPRESSION_ENGINE_COMPILE_CACHE: 'true' },
		workflows: TO_NO_OP,
	},
	{
		key: 'legacyEngine',
		label: `n8n ${LATEST}, N8N_EXPRESSION_ENGINE=legacy`,
		version: LATEST,
		env: { N8N_EXPRESSION_ENGINE: 'legacy' },
		workflows: TO_NO_OP,
	},
	{ key: 'n8n1', label: 'n8n 1.123.81', version: '1.123.81', env: {}, workflows: TO_NO_OP },
];

function progress(message: string): void {
	process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** Quo Trigger or Webhook node → No Operation or Set (one expression, as in the e2e run's trigger workflow). */
function benchWorkflow(
	workflow: BenchWorkflow,
	credential: { id: string; name: string },
): WorkflowInput {
	const start: WorkflowNode =
		workflow.start === 'Webhook node'
			? {
					// n8n's built-in Webhook node as the editor adds it today (2.1), answering at once.
					name: 'Webhook',
					type: 'n8n-nodes-base.webhook',
					typeVersion: 2.1,
					position: [0, 0],
					webhookId: workflow.webhookId,
					parameters: {
						httpMethod: 'POST',
						path: workflow.webhookId,
						responseMode: 'onReceived',
						options: {},
					},
				}
			: {
					name: 'Quo Trigger',
					type: TRIGGER_TYPE,
					typeVersion: workflow.start,
					position: [0, 0],
					webhookId: workflow.webhookId,
					parameters: {
						apiVersion: '2026-03-30',
						events: ['message.received'],
						phoneNumberIds: [],
						options: {},
					},
					credentials: { [CREDENTIAL_TYPE]: credential },
				};
	const then: WorkflowNode =
		workflow.then === 'No Operation'
			? {
					name: 'No Operation',
					type: 'n8n-nodes-base.noOp',
					typeVersion: 1,
					position: [260, 0],
					parameters: {},
				}
			: {
					name: 'Set',
					type: 'n8n-nodes-base.set',
					typeVersion: 3.4,
					position: [260, 0],
					parameters: {
						mode: 'manual',
						assignments: {
							assignments: [
								{
									id: 'quo-bench-set',
									name: 'event',
									value: '={{ $json.event ?? $json.body.type }}',
									type: 'string',
								},
							],
						},
						includeOtherFields: true,
						options: {},
					},
				};
	return {
		name: `Bench: ${workflow.name}`,
		nodes: [start, then],
		connections: { [start.name]: { main: [[{ node: then.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

interface PreparedDelivery {
	headers: Record<string, string>;
	body: string;
}

/** message.received deliveries signed as Quo signs them, each with its own webhook-id (the Webhook node ignores the signature headers). */
function signDeliveries(secret: string, tag: string, count: number): PreparedDelivery[] {
	const timestamp = Math.floor(Date.now() / 1000);
	return Array.from({ length: count }, (_, i) => {
		const deliveryId = `msg_bench_${tag}_${i}`;
		const body = JSON.stringify({ ...messageEvent(), id: `EVbench_${tag}_${i}` });
		return {
			body,
			headers: {
				'content-type': 'application/json',
				'webhook-id': deliveryId,
				'webhook-timestamp': String(timestamp),
				'webhook-signature': standardWebhookSignature(secret, deliveryId, timestamp, body),
			},
		};
	});
}

function percentile(sorted: number[], p: number): number {
	return sorted.length === 0
		? NaN
		: sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function mean(values: number[]): number {
	return values.reduce((sum, v) => sum + v, 0) / values.length;
}

interface LoadResult {
	sent: number;
	answered200: number;
	/** Connection errors, timeouts and answers other than 200. */
	failures: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Response times of the 200 answers, ascending. */
	latencies: number[];
}

/** One autocannon run against `url`, each request taking the next prepared delivery. */
async function load(
	url: string,
	deliveries: PreparedDelivery[],
	seconds: number,
): Promise<LoadResult> {
	let next = 0;
	// autocannon's own histogram keeps whole milliseconds; the response events carry the exact times.
	const latencies: number[] = [];
	const result = await new Promise<AutocannonResult>((resolve, reject) => {
		const instance = autocannon(
			{
				url,
				method: 'POST',
				connections: CONNECTIONS,
				duration: seconds,
				requests: [
					{
						setupRequest: (request) => {
							const delivery = deliveries[Math.min(next++, deliveries.length - 1)];
							return {
								...request,
								headers: { ...request.headers, ...delivery.headers },
								body: delivery.body,
							};
						},
					},
				],
			},
			(error, outcome) => (error ? reject(error) : resolve(outcome)),
		);
		instance.on(
			'response',
			(_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
				if (statusCode === 200) latencies.push(responseTimeMs);
			},
		);
	});
	if (next > deliveries.length)
		throw new Error(
			`${next} requests in ${seconds} s, only ${deliveries.length} deliveries prepared: raise PREPARED_PER_SECOND`,
		);
	const answered = Object.values(result.statusCodeStats).reduce((sum, { count }) => sum + count, 0);
	const answered200 = result.statusCodeStats['200']?.count ?? 0;
	latencies.sort((a, b) => a - b);
	return {
		sent: next,
		answered200,
		failures: result.errors + result.timeouts + answered - answered200,
		requestsPerSecond: answered200 / result.duration,
		p50Ms: percentile(latencies, 50),
		p99Ms: percentile(latencies, 99),
		latencies,
	};
}

/** Successful executions n8n recorded for a workflow (the editor's execution list, which counts them). */
async function successfulExecutions(ctx: Bootstrapped, workflowId: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, status: ['success'] }));
	const page = await ctx.rest.request<{ count: number }>(
		'GET',
		`/executions?filter=${filter}&limit=1`,
	);
	return page.count;
}

/**
 * The successful executions recorded so far, once they stop arriving: every request sent has one, or every request
 * answered 200 has one and the count held still for a moment (autocannon cuts off the requests still in flight when
 * the time is up, and n8n may drop those). Gives up when the count has not moved for EXECUTIONS_SETTLE_MS.
 */
async function settledExecutions(
	ctx: Bootstrapped,
	workflowId: string,
	answered: number,
	sent: number,
): Promise<number> {
	let count = -1;
	let changedAt = Date.now();
	for (;;) {
		const now = await successfulExecutions(ctx, workflowId);
		if (now >= sent) return now;
		if (now !== count) {
			count = now;
			changedAt = Date.now();
		}
		const stillFor = Date.now() - changedAt;
		if ((now >= answered && stillFor > EXECUTIONS_QUIET_MS) || stillFor > EXECUTIONS_SETTLE_MS)
			return now;
		await sleep(250);
	}
}

interface Target {
	workflow: BenchWorkflow;
	url: string;
	workflowId: string;
	/** The key Quo issued to this trigger (the Webhook node ignores signatures). */
	secret: string;
	/** Successful executions recorded before the current run. */
	executionsSoFar: number;
}

interface Run extends LoadResult {
	round: string;
	workflow: BenchWorkflow;
	executions: number;
	/** n8n's main process CPU time from the start of the load until its executions were recorded. */
	cpuMs: number;
	/** The same per request sent. */
	cpuMsPerRequest: number;
	/** Expression isolates n8n acquired per execution (2.x with the vm engine; undefined where n8n counts none). */
	isolatesPerDelivery: number | undefined;
	/** Of those, built on the spot (see IsolateCounts). */
	builtOnTheSpotPerDelivery: number | undefined;
}

function n8nCpuMs(n8n: N8nInstance): number {
	const usage = n8n.pid === undefined ? undefined : readProcess(n8n.pid);
	if (!usage) throw new Error('n8n is not running');
	return usage.cpuMs;
}

interface IsolateCounts {
	acquired: number;
	/** Of those, built on the spot, blocking n8n's event loop, because the pool had none ready (lazy acquire only). */
	builtOnTheSpot: number;
}

/** n8n's own counts of expression isolates (N8N_METRICS=true), or undefined where it keeps none (the legacy engine). */
async function isolateCounts(n8n: N8nInstance): Promise<IsolateCounts | undefined> {
	const response = await fetch(`${n8n.baseUrl}/metrics`);
	if (!response.ok) throw new Error(`n8n's /metrics answered ${response.status}`);
	const text = await response.text();
	const counter = (name: string) => {
		const match = new RegExp(
			`^n8n_expression_pool_${name}(?:_total)?\\s+(\\d+(?:\\.\\d+)?)\\s*$`,
			'm',
		).exec(text);
		return match ? Number(match[1]) : undefined;
	};
	const acquired = counter('acquired');
	return acquired === undefined
		? undefined
		: { acquired, builtOnTheSpot: counter('cold_start_sync') ?? 0 };
}

async function measure(
	n8n: N8nInstance,
	ctx: Bootstrapped,
	target: Target,
	round: string,
	seconds: number,
): Promise<Run> {
	const tag = `${round}_${target.workflow.key}`;
	const deliveries = signDeliveries(target.secret, tag, PREPARED_PER_SECOND * seconds);
	const cpuBefore = n8nCpuMs(n8n);
	const isolatesBefore = await isolateCounts(n8n);
	const loaded = await load(target.url, deliveries, seconds);
	const total = await settledExecutions(
		ctx,
		target.workflowId,
		target.executionsSoFar + loaded.answered200,
		target.executionsSoFar + loaded.sent,
	);
	const executions = total - target.executionsSoFar;
	const cpuMs = n8nCpuMs(n8n) - cpuBefore;
	const isolatesAfter = await isolateCounts(n8n);
	const perDelivery = (pick: (counts: IsolateCounts) => number) =>
		isolatesBefore && isolatesAfter
			? (pick(isolatesAfter) - pick(isolatesBefore)) / executions
			: undefined;
	const run: Run = {
		...loaded,
		round,
		workflow: target.workflow,
		executions,
		cpuMs,
		cpuMsPerRequest: cpuMs / loaded.sent,
		isolatesPerDelivery: perDelivery((counts) => counts.acquired),
		builtOnTheSpotPerDelivery: perDelivery((counts) => counts.builtOnTheSpot),
	};
	target.executionsSoFar = total;
	progress(
		`${round} ${target.workflow.name}: ${run.requestsPerSecond.toFixed(0)} requests/s, p50 ${run.p50Ms.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms, ` +
			`${run.answered200}/${run.sent} answered 200, ${run.executions} executions, n8n CPU ${run.cpuMsPerRequest.toFixed(1)} ms/request` +
			(run.isolatesPerDelivery === undefined
				? ''
				: `, ${run.isolatesPerDelivery.toFixed(2)} isolates/delivery`) +
			(run.builtOnTheSpotPerDelivery
				? ` (${run.builtOnTheSpotPerDelivery.toFixed(2)} built on the spot)`
				: ''),
	);
	return run;
}

/** An n8n with the package, a credential on the stand-in, and the workflows asked for, active. */
async function startWithWorkflows(
	tarball: string,
	configuration: Configuration,
	workflows: BenchWorkflow[],
	options: { inspect?: boolean } = {},
): Promise<{ n8n: N8nInstance; ctx: Bootstrapped; targets: Target[]; close: () => Promise<void> }> {
	const standIn = await startStandIn();
	// Pruning would soft-delete executions past its count limit while they are being counted.
	const n8n = await N8nInstance.create({
		version: configuration.version,
		env: { EXECUTIONS_DATA_PRUNE: 'false', N8N_METRICS: 'true', ...configuration.env },
		inspect: options.inspect,
	});
	const close = async () => {
		await n8n.dispose();
		await standIn.close();
	};
	try {
		await n8n.installTarball(tarball);
		await n8n.start();
		const ctx = await bootstrap(n8n);
		await assertPackageLoaded(ctx);
		const credential = await ctx.api.createCredential({
			name: 'Quo (bench stand-in)',
			type: CREDENTIAL_TYPE,
			data: await credentialData(ctx, { apiKey: standIn.apiKey, baseUrl: standIn.url }),
		});
		const targets: Target[] = [];
		for (const workflow of workflows) {
			const created = await ctx.api.createWorkflow(
				benchWorkflow(workflow, { id: credential.id, name: credential.name }),
			);
			await activateWorkflow(ctx, created.id);
			const isQuo = workflow.start !== 'Webhook node';
			const url = isQuo
				? triggerProductionUrl(n8n.baseUrl, workflow.webhookId)
				: n8n.webhookUrl(workflow.webhookId);
			// The signing key Quo issued to the trigger when it subscribed.
			const secret = isQuo ? standIn.state.webhooks2026.find((w) => w.url === url)?.key : 'unused';
			if (!secret) throw new Error(`${workflow.name} registered no subscription for ${url}`);
			targets.push({ workflow, url, workflowId: created.id, secret, executionsSoFar: 0 });
		}
		return { n8n, ctx, targets, close };
	} catch (error) {
		await close();
		throw error;
	}
}

/** The runs of one configuration: the measured rounds, and every run (warm-ups included) for the correctness check. */
interface Comparison {
	configuration: Configuration;
	rounds: Run[];
	all: Run[];
}

/** One n8n configured so, its workflows active, a warm-up each, then the rounds A B C A B C … */
async function compare(tarball: string, configuration: Configuration): Promise<Comparison> {
	progress(configuration.label);
	const { n8n, ctx, targets, close } = await startWithWorkflows(
		tarball,
		configuration,
		configuration.workflows,
	);
	try {
		const all: Run[] = [];
		for (const target of targets)
			all.push(await measure(n8n, ctx, target, 'warm-up', WARMUP_SECONDS));
		const rounds: Run[] = [];
		for (let round = 1; round <= (configuration.rounds ?? ROUNDS); round++) {
			for (const target of targets)
				rounds.push(await measure(n8n, ctx, target, String(round), ROUND_SECONDS));
		}
		return { configuration, rounds, all: [...all, ...rounds] };
	} finally {
		await close();
	}
}

interface TriggerProfile {
	run: Run;
	/** Of the main thread's busy time in the profile, the share with a frame of the package on the stack. */
	mainThreadShare: number;
	/** The package's own code (and the libraries it calls), in ms of n8n CPU per delivery. */
	ownMsPerDelivery: number;
	/** n8n's helpers the package calls (its processed_data check, getNode, ...), in ms of n8n CPU per delivery. */
	n8nHelpersMsPerDelivery: number;
	/** n8n's CPU time per delivery, all its threads. */
	n8nCpuMsPerDelivery: number;
	/** n8n's main thread (where all JavaScript, the package's included, runs), per delivery. */
	mainThreadCpuMsPerDelivery: number;
}

/** Where the profile stays after a run, for a look at it in Chrome's DevTools (git ignores it). */
const PROFILE_FILE = path.join(__dirname, 'quo-trigger.cpuprofile');

/**
 * n8n 2.41.1 as it comes, with the inspector: the Quo Trigger 1.1 takes a round while n8n's main thread is profiled.
 * The profiler samples wall time (a thread waiting for a core on a busy machine is sampled as well), so the package's
 * CPU is its share of the main thread's busy samples times the main thread's CPU time (/proc), over the same window.
 */
export async function profileTrigger(tarball: string): Promise<TriggerProfile> {
	progress(`n8n ${LATEST} as it comes, profiled`);
	const { n8n, ctx, targets, close } = await startWithWorkflows(
		tarball,
		CONFIGURATIONS[0],
		[QUO_11],
		{ inspect: true },
	);
	try {
		const [target] = targets;
		await measure(n8n, ctx, target, 'warm-up', WARMUP_SECONDS);
		const mainThreadBefore = readThreadCpuMs(n8n.pid!)!;
		const processBefore = n8nCpuMs(n8n);
		const { result: run, profile } = await profileDuring(n8n.inspectorUrl(), PROFILE_FILE, () =>
			measure(n8n, ctx, target, 'profiled', PROFILED_SECONDS),
		);
		const mainThreadCpuMs = readThreadCpuMs(n8n.pid!)! - mainThreadBefore;
		const processCpuMs = n8nCpuMs(n8n) - processBefore;
		const split = timeIn(profile, `/${PACKAGE_NAME}/dist/`);
		if (split.ownMs === 0)
			throw new Error(
				`the profile holds no frame of ${PACKAGE_NAME}: is the package's path in it?`,
			);
		const perDelivery = (profileMs: number) =>
			((profileMs / split.busyMs) * mainThreadCpuMs) / run.executions;
		return {
			run,
			mainThreadShare: split.ownMs / split.busyMs,
			ownMsPerDelivery: perDelivery(split.ownMs - split.n8nHelpersMs),
			n8nHelpersMsPerDelivery: perDelivery(split.n8nHelpersMs),
			n8nCpuMsPerDelivery: processCpuMs / run.executions,
			mainThreadCpuMsPerDelivery: mainThreadCpuMs / run.executions,
		};
	} finally {
		await close();
	}
}

export async function measureN8nWebhookVsTrigger(): Promise<{
	table: Table;
	figures: Record<string, Figure>;
}> {
	await ensureInstalled(['node', ...new Set(CONFIGURATIONS.map((c) => `n8n@${c.version}`))]);
	const work = mkdtempSync(path.join(tmpdir(), 'quo-bench-n8n-'));
	try {
		progress('building and packing the package');
		await buildPackage();
		const { tarball } = await packPackage(work);
		const comparisons: Comparison[] = [];
		for (const configuration of CONFIGURATIONS)
			comparisons.push(await compare(tarball, configuration));
		const profile = await profileTrigger(tarball);
		return summarize(comparisons, profile);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

interface Means {
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	cpuMsPerRequest: number;
	isolatesPerDelivery: number | undefined;
	builtOnTheSpotPerDelivery: number | undefined;
}

function meansOf(runs: Run[]): Means {
	const pooled = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
	const meanOrNone = (values: Array<number | undefined>) =>
		values.every((v) => v !== undefined) ? mean(values as number[]) : undefined;
	return {
		requestsPerSecond: mean(runs.map((r) => r.requestsPerSecond)),
		// Over the answers of all rounds together: one round's p99 is its few slowest answers.
		p50Ms: percentile(pooled, 50),
		p99Ms: percentile(pooled, 99),
		cpuMsPerRequest: mean(runs.map((r) => r.cpuMsPerRequest)),
		isolatesPerDelivery: meanOrNone(runs.map((r) => r.isolatesPerDelivery)),
		builtOnTheSpotPerDelivery: meanOrNone(runs.map((r) => r.builtOnTheSpotPerDelivery)),
	};
}

function summarize(
	comparisons: Comparison[],
	profile: TriggerProfile,
): { table: Table; figures: Record<string, Figure> } {
	const sum = (runs: Run[], pick: (r: Run) => number) => runs.reduce((s, r) => s + pick(r), 0);
	const means = (configuration: Configuration, workflow: BenchWorkflow) =>
		meansOf(
			comparisons
				.find((c) => c.configuration === configuration)!
				.rounds.filter((r) => r.workflow === workflow),
		);
	const [asItComes, lazyAcquire] = CONFIGURATIONS;
	const detail = `${CONNECTIONS} connections, ${ROUNDS} rounds of ${ROUND_SECONDS} s per workflow (10 for the pair the lazy-acquire target is on), interleaved, after a ${WARMUP_SECONDS} s warm-up each; p50 and p99 over the answers of all rounds`;
	const figures: Record<string, Figure> = {};
	const rows: Array<Array<string | number>> = [];

	for (const configuration of CONFIGURATIONS) {
		for (const workflow of configuration.workflows) {
			const reference = referenceOf(workflow);
			const m = means(configuration, workflow);
			const r = means(configuration, reference);
			const throughput = m.requestsPerSecond / r.requestsPerSecond;
			const p99 = m.p99Ms / r.p99Ms;
			rows.push([
				configuration.label,
				workflow.name,
				m.requestsPerSecond,
				`${throughput.toFixed(2)}×`,
				m.p50Ms,
				m.p99Ms,
				`${p99.toFixed(2)}×`,
				m.cpuMsPerRequest,
				m.isolatesPerDelivery === undefined ? '–' : m.isolatesPerDelivery.toFixed(2),
				m.builtOnTheSpotPerDelivery === undefined ? '–' : m.builtOnTheSpotPerDelivery.toFixed(2),
			]);
			if (workflow.start === 'Webhook node') continue;
			const key = `${configuration.key}.${workflow.key}`;
			const targeted = configuration === lazyAcquire && workflow === QUO_11;
			const reported =
				'reported (the target is on the Quo Trigger 1.1 → No Operation with lazy acquire)';
			const what = `${workflow.name} vs ${reference.name}, ${configuration.label}: ${m.requestsPerSecond.toFixed(1)} vs ${r.requestsPerSecond.toFixed(1)} requests/s, p99 ${m.p99Ms.toFixed(0)} vs ${r.p99Ms.toFixed(0)} ms, n8n CPU ${m.cpuMsPerRequest.toFixed(1)} vs ${r.cpuMsPerRequest.toFixed(1)} ms per delivery; ${detail}`;
			figures[`${key}.throughputRatio`] = {
				value: throughput,
				unit: '×',
				ratio: throughput,
				target: targeted ? `≥ 0.95× ${reference.name}` : reported,
				met: targeted ? throughput >= 0.95 : true,
				detail: what,
			};
			figures[`${key}.p99Ratio`] = {
				value: p99,
				unit: '×',
				ratio: p99,
				target: targeted ? `≤ 1.1× ${reference.name}` : reported,
				met: targeted ? p99 <= 1.1 : true,
				detail: what,
			};
			figures[`${key}.cpuMsBeyondWebhookNode`] = {
				value: m.cpuMsPerRequest - r.cpuMsPerRequest,
				unit: 'ms of n8n CPU per delivery',
				target: 'reported (the target is on the isolates n8n counts)',
				met: true,
				detail: what,
			};
		}
	}

	// As it comes, what the Quo Trigger 1.1 costs beyond the Webhook node, counted in isolates by n8n itself.
	const webhookAsItComes = means(asItComes, WEBHOOK_NODE);
	const quoAsItComes = means(asItComes, QUO_11);
	const webhookLazy = means(lazyAcquire, WEBHOOK_NODE);
	const extraIsolates =
		(quoAsItComes.isolatesPerDelivery ?? NaN) - (webhookAsItComes.isolatesPerDelivery ?? NaN);
	const extraCpuMs = quoAsItComes.cpuMsPerRequest - webhookAsItComes.cpuMsPerRequest;
	// The Webhook node's isolate is its execution's; with lazy acquire it has none (its count says so), so the
	// difference in its CPU is what one isolate costs n8n here.
	const isolateCpuMs =
		(webhookAsItComes.cpuMsPerRequest - webhookLazy.cpuMsPerRequest) /
		((webhookAsItComes.isolatesPerDelivery ?? NaN) - (webhookLazy.isolatesPerDelivery ?? NaN));
	figures['asItComes.quo11.isolatesBeyondWebhookNode'] = {
		value: extraIsolates,
		unit: 'isolates per delivery',
		target:
			'≤ 1 isolate beyond the Webhook node, within 5 % (n8n builds one for every start node but its own Webhook node)',
		met: extraIsolates <= 1.05,
		detail: `Quo Trigger 1.1 ${quoAsItComes.isolatesPerDelivery?.toFixed(2)} vs Webhook node ${webhookAsItComes.isolatesPerDelivery?.toFixed(2)} isolates per delivery (n8n_expression_pool_acquired_total); n8n CPU beyond the Webhook node ${extraCpuMs.toFixed(1)} ms per delivery, one isolate ≈ ${isolateCpuMs.toFixed(1)} ms; ${detail}`,
	};
	figures.isolateCpuMs = {
		value: isolateCpuMs,
		unit: 'ms of n8n CPU per isolate',
		target: 'reported: what one isolate costs n8n on this machine',
		met: true,
		detail: `the Webhook node's n8n CPU per delivery as it comes (${webhookAsItComes.cpuMsPerRequest.toFixed(1)} ms, ${webhookAsItComes.isolatesPerDelivery?.toFixed(2)} isolates) minus with lazy acquire (${webhookLazy.cpuMsPerRequest.toFixed(1)} ms, ${webhookLazy.isolatesPerDelivery?.toFixed(2)} isolates)`,
	};
	const ownShare = profile.ownMsPerDelivery / profile.n8nCpuMsPerDelivery;
	const withHelpersShare =
		(profile.ownMsPerDelivery + profile.n8nHelpersMsPerDelivery) / profile.n8nCpuMsPerDelivery;
	const profiled = `n8n ${LATEST} as it comes, Quo Trigger 1.1, ${profile.run.executions} deliveries profiled at 100 µs: n8n CPU ${profile.n8nCpuMsPerDelivery.toFixed(1)} ms per delivery, ${profile.mainThreadCpuMsPerDelivery.toFixed(1)} ms of it on the main thread, where ${(profile.mainThreadShare * 100).toFixed(1)} % of the busy samples have a frame of the package on the stack`;
	figures.triggerShareOfN8nCpu = {
		value: ownShare * 100,
		unit: '% of n8n CPU per delivery',
		target: "≤ 1 % of n8n's CPU per delivery",
		met: ownShare <= 0.01,
		detail: `the package's code and the libraries it calls (zod, node:crypto): ${profile.ownMsPerDelivery.toFixed(2)} ms per delivery; ${profiled}`,
	};
	figures.triggerWithN8nHelpersShareOfN8nCpu = {
		value: withHelpersShare * 100,
		unit: '% of n8n CPU per delivery',
		target: "reported: with n8n's helpers the trigger calls (processed_data, getNode, static data)",
		met: true,
		detail: `n8n's helpers called by the package: ${profile.n8nHelpersMsPerDelivery.toFixed(2)} ms per delivery; ${profiled}`,
	};

	/** Warm-ups included: no errors or other answers, and one successful execution per 200 (at most one per request sent). */
	const everyRun = comparisons.flatMap((c) => c.all);
	const correctness: string[] = [];
	for (const workflow of WITH_SET) {
		const runs = everyRun.filter((r) => r.workflow === workflow);
		const correct = runs.every(
			(r) => r.failures === 0 && r.executions >= r.answered200 && r.executions <= r.sent,
		);
		const counts = `${sum(runs, (r) => r.sent)} sent, ${sum(runs, (r) => r.answered200)} answered 200, ${sum(runs, (r) => r.failures)} failed, ${sum(runs, (r) => r.executions)} successful executions`;
		correctness.push(`${workflow.name}: ${counts}`);
		figures[`correct.${workflow.key}`] = {
			value: sum(runs, (r) => r.sent),
			unit: 'requests',
			target: 'every request 200, one successful execution each, in every configuration',
			met: correct,
			detail: counts,
		};
	}

	const lazyQuo = means(lazyAcquire, QUO_11);
	const lazyWebhook = means(lazyAcquire, WEBHOOK_NODE);
	const table: Table = {
		title: `What a delivery costs n8n: its Webhook node and the Quo Trigger (typeVersion 1 and 1.1), each → No Operation or → Set (one expression), the same deliveries (${CONNECTIONS} connections, rounds of ${ROUND_SECONDS} s: mean requests/s and CPU, p50 and p99 over all rounds' answers)`,
		columns: [
			'n8n',
			'workflow',
			'requests/s',
			'× Webhook',
			'p50 ms',
			'p99 ms',
			'p99 × Webhook',
			'n8n CPU ms/delivery',
			'isolates/delivery',
			'built on the spot',
		],
		rows,
		notes: [
			`With N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true, Quo Trigger 1.1 vs the Webhook node: throughput ${(lazyQuo.requestsPerSecond / lazyWebhook.requestsPerSecond).toFixed(2)}× (target ≥ 0.95×: ${metWord(figures['lazyAcquire.quo11.throughputRatio'].met)}), p99 ${(lazyQuo.p99Ms / lazyWebhook.p99Ms).toFixed(2)}× (target ≤ 1.1×: ${metWord(figures['lazyAcquire.quo11.p99Ratio'].met)}).`,
			`As it comes: ${extraIsolates.toFixed(2)} isolates per delivery beyond the Webhook node (target ≤ 1, within 5 %: ${metWord(figures['asItComes.quo11.isolatesBeyondWebhookNode'].met)}), ${extraCpuMs.toFixed(1)} ms of n8n CPU; one isolate ≈ ${isolateCpuMs.toFixed(1)} ms here.`,
			`The trigger's own code: ${profile.ownMsPerDelivery.toFixed(2)} ms per delivery, ${(ownShare * 100).toFixed(2)} % of n8n's CPU (target ≤ 1 %: ${metWord(figures.triggerShareOfN8nCpu.met)}); with n8n's helpers it calls, ${(withHelpersShare * 100).toFixed(2)} %.`,
			`× Webhook: against the Webhook node with the same node after it. "isolates": expression isolates n8n acquired per delivery (its own counter, N8N_METRICS=true in every configuration); – where the engine builds none (legacy). "built on the spot": of those, built while n8n's event loop waits, because the pool had none ready (lazy acquire).`,
			...correctness,
			`${detail}; requests/s counts 200 answers (n8n answers once an execution has started; where it answers faster than it finishes them, the executions complete after the round, and CPU per delivery is the figure to compare).`,
		],
	};
	return { table, figures };
}

/**
 * Issue 8, table 2: the Quo Trigger next to n8n's built-in Webhook node, in a real n8n (the newest 2.x of the e2e
 * cache), with the package built, packed and unpacked into ~/.n8n/nodes as the e2e tarball route does. Two active
 * workflows, Webhook → No Operation and Quo Trigger (2026-03-30, message.received) → No Operation, get the same
 * pre-signed deliveries from autocannon in turn (a warm-up each, then A B A B …, same connections and duration).
 * Reports requests/s, p50 and p99 per workflow and round, their means and the Quo/Webhook ratios; checks that every
 * request got 200 and that n8n recorded one successful execution per request. Executions are saved as the e2e
 * harness saves them (every successful one, with its data), the same for both workflows. n8n's CPU time per request
 * (its main process, from /proc) is reported too: unlike wall-clock rates it hardly depends on what else the machine
 * is doing.
 *
 * Why the Quo Trigger costs n8n 2.41.1 more per request (n8n profiled with --cpu-prof; CPU time per request):
 *   - n8n's expression engine (`vm`, the default) hands each caller a fresh isolated-vm isolate from a pool of one
 *     and disposes it on release, so every acquisition builds a new isolate (~50 ms of CPU here). An execution takes
 *     one (both workflows); the webhook phase takes another for every start node except n8n's own Webhook node
 *     (LiveWebhooks.webhookPhaseNeedsIsolate). Our webhook() (verify, dedupe, normalize) was about 2 ms of the
 *     difference in the profile. With N8N_EXPRESSION_ENGINE=legacy (no isolates) both cost n8n the same.
 *   - for a start node at typeVersion 1, webhook-helpers' parseRequestBody evaluates the expression
 *     `$parameter["options"]["binaryData"]` (meant for the Webhook node v1); with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE
 *     that evaluation alone builds an isolate (a node at typeVersion 1.1 costs what the Webhook node costs there).
 *
 * The same comparison then runs in a second n8n with N8N_EXPRESSION_ENGINE=legacy (no isolates), to show where the
 * difference comes from.
 *
 * Alone: npm run bench -- --only n8n
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { bootstrap, type Bootstrapped } from '../e2e/bootstrap';
import { ensureInstalled } from '../e2e/layout';
import { N8nInstance } from '../e2e/n8n-instance';
import type { WorkflowInput, WorkflowNode } from '../e2e/n8n-public-api';
import { assertPackageLoaded, buildPackage, packPackage } from '../e2e/package-tarball';
import { readProcess } from '../e2e/process-sampler';
import { CREDENTIAL_TYPE, TRIGGER_TYPE, triggerProductionUrl } from '../e2e/quo/quo-workflows';
import { credentialData } from '../e2e/quo/scenarios';
import { sleep } from '../e2e/util';
import { activateWorkflow } from '../e2e/workflows';
import { startStandIn } from '../stand-in';
import { standardWebhookSignature } from '../stand-in/webhooks/signing';
import { messageEvent } from './deliveryPayloads';
import { type Figure, metWord, type Table } from './report';

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

const N8N_VERSION = '2.41.1';
const CONNECTIONS = 10;
const ROUND_SECONDS = 10;
const WARMUP_SECONDS = 5;
const ROUNDS = 3;
/**
 * Deliveries signed per second of a run: far more than n8n answers on this machine. Were they used up, webhook-ids
 * would repeat and the trigger would answer repeats without a run, so the run fails instead.
 */
const PREPARED_PER_SECOND = 2000;
/** How long the count must hold still, once every 200 has its execution, before the cut-off requests are given up on. */
const EXECUTIONS_QUIET_MS = 2000;
/** How long the executions of a run may stay unchanged before the count is taken as final. */
const EXECUTIONS_SETTLE_MS = 10_000;

const QUO_WEBHOOK_ID = '5b0f3c52-2026-4330-9a11-0000000be001';
const WEBHOOK_NODE_ID = '5b0f3c52-2026-4330-9a11-0000000be002';
const WEBHOOK_NODE_PATH = 'quo-bench-webhook';

type Workflow = 'Webhook node' | 'Quo Trigger';

function progress(message: string): void {
	process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

const NO_OP: WorkflowNode = { name: 'No Operation', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [260, 0], parameters: {} };

function startedBy(name: string, start: WorkflowNode): WorkflowInput {
	return {
		name,
		nodes: [start, NO_OP],
		connections: { [start.name]: { main: [[{ node: NO_OP.name, type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** n8n's built-in Webhook node as the editor adds it today (2.1), answering at once. */
function webhookNodeWorkflow(): WorkflowInput {
	return startedBy('Bench: Webhook node', {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2.1,
		position: [0, 0],
		webhookId: WEBHOOK_NODE_ID,
		parameters: { httpMethod: 'POST', path: WEBHOOK_NODE_PATH, responseMode: 'onReceived', options: {} },
	});
}

function quoTriggerWorkflow(credential: { id: string; name: string }): WorkflowInput {
	return startedBy('Bench: Quo Trigger', {
		name: 'Quo Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: QUO_WEBHOOK_ID,
		parameters: { apiVersion: '2026-03-30', events: ['message.received'], phoneNumberIds: [], options: {} },
		credentials: { [CREDENTIAL_TYPE]: credential },
	});
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
	return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
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
}

/** One autocannon run against `url`, each request taking the next prepared delivery. */
async function load(url: string, deliveries: PreparedDelivery[], seconds: number): Promise<LoadResult> {
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
							return { ...request, headers: { ...request.headers, ...delivery.headers }, body: delivery.body };
						},
					},
				],
			},
			(error, outcome) => (error ? reject(error) : resolve(outcome)),
		);
		instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTimeMs: number) => {
			if (statusCode === 200) latencies.push(responseTimeMs);
		});
	});
	if (next > deliveries.length) throw new Error(`${next} requests in ${seconds} s, only ${deliveries.length} deliveries prepared: raise PREPARED_PER_SECOND`);
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
	};
}

/** Successful executions n8n recorded for a workflow (the editor's execution list, which counts them). */
async function successfulExecutions(ctx: Bootstrapped, workflowId: string): Promise<number> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId, status: ['success'] }));
	const page = await ctx.rest.request<{ count: number }>('GET', `/executions?filter=${filter}&limit=1`);
	return page.count;
}

/**
 * The successful executions recorded so far, once they stop arriving: every request sent has one, or every request
 * answered 200 has one and the count held still for a moment (autocannon cuts off the requests still in flight when
 * the time is up, and n8n may drop those). Gives up when the count has not moved for EXECUTIONS_SETTLE_MS.
 */
async function settledExecutions(ctx: Bootstrapped, workflowId: string, answered: number, sent: number): Promise<number> {
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
		if ((now >= answered && stillFor > EXECUTIONS_QUIET_MS) || stillFor > EXECUTIONS_SETTLE_MS) return now;
		await sleep(250);
	}
}

interface Target {
	workflow: Workflow;
	url: string;
	workflowId: string;
	/** Successful executions recorded before the current run. */
	executionsSoFar: number;
}

interface Run extends LoadResult {
	round: string;
	workflow: Workflow;
	executions: number;
	/** Seconds after the load until the run's executions were all recorded. */
	drainSeconds: number;
	/** n8n's main process CPU time from the start of the load until its executions were recorded, per request sent. */
	cpuMsPerRequest: number;
}

function n8nCpuMs(n8n: N8nInstance): number {
	const usage = n8n.pid === undefined ? undefined : readProcess(n8n.pid);
	if (!usage) throw new Error('n8n is not running');
	return usage.cpuMs;
}

async function measure(n8n: N8nInstance, ctx: Bootstrapped, target: Target, secret: string, round: string, seconds: number): Promise<Run> {
	const tag = `${round}_${target.workflow === 'Quo Trigger' ? 'quo' : 'webhook'}`;
	const deliveries = signDeliveries(secret, tag, PREPARED_PER_SECOND * seconds);
	const cpuBefore = n8nCpuMs(n8n);
	const loaded = await load(target.url, deliveries, seconds);
	const drainStarted = Date.now();
	const total = await settledExecutions(ctx, target.workflowId, target.executionsSoFar + loaded.answered200, target.executionsSoFar + loaded.sent);
	const run: Run = {
		...loaded,
		round,
		workflow: target.workflow,
		executions: total - target.executionsSoFar,
		drainSeconds: (Date.now() - drainStarted) / 1000,
		cpuMsPerRequest: (n8nCpuMs(n8n) - cpuBefore) / loaded.sent,
	};
	target.executionsSoFar = total;
	progress(
		`${round} ${target.workflow}: ${run.requestsPerSecond.toFixed(0)} requests/s, p50 ${run.p50Ms.toFixed(1)} ms, p99 ${run.p99Ms.toFixed(1)} ms, ` +
			`${run.answered200}/${run.sent} answered 200, ${run.executions} executions, n8n CPU ${run.cpuMsPerRequest.toFixed(1)} ms/request`,
	);
	return run;
}

/** The runs of one comparison: the measured rounds, and every run (warm-ups included) for the correctness check. */
interface Comparison {
	rounds: Run[];
	all: Run[];
}

/** n8n's expression engine without isolates: run next to the default to show where the difference comes from. */
const LEGACY_ENGINE = { N8N_EXPRESSION_ENGINE: 'legacy' };

export async function measureN8nWebhookVsTrigger(): Promise<{ table: Table; figures: Record<string, Figure> }> {
	await ensureInstalled(['node', `n8n@${N8N_VERSION}`]);
	const work = mkdtempSync(path.join(tmpdir(), 'quo-bench-n8n-'));
	try {
		progress('building and packing the package');
		await buildPackage();
		const { tarball } = await packPackage(work);
		progress(`n8n ${N8N_VERSION} as it comes`);
		const standard = await compare(tarball, {});
		progress(`n8n ${N8N_VERSION} with N8N_EXPRESSION_ENGINE=legacy`);
		const legacy = await compare(tarball, LEGACY_ENGINE);
		return summarize(standard, legacy);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

/** One n8n with `env`, both workflows active, warm-ups, then the rounds A B A B. */
async function compare(tarball: string, env: Record<string, string>): Promise<Comparison> {
	const standIn = await startStandIn();
	// Pruning would soft-delete executions past its count limit while they are being counted.
	const n8n = await N8nInstance.create({ version: N8N_VERSION, env: { EXECUTIONS_DATA_PRUNE: 'false', ...env } });
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
		const webhookWorkflow = await ctx.api.createWorkflow(webhookNodeWorkflow());
		const quoWorkflow = await ctx.api.createWorkflow(quoTriggerWorkflow({ id: credential.id, name: credential.name }));
		await activateWorkflow(ctx, webhookWorkflow.id);
		await activateWorkflow(ctx, quoWorkflow.id);
		const quoUrl = triggerProductionUrl(n8n.baseUrl, QUO_WEBHOOK_ID);
		// The signing key Quo issued to the trigger when it subscribed.
		const secret = standIn.state.webhooks2026.find((w) => w.url === quoUrl)?.key;
		if (!secret) throw new Error(`the Quo Trigger registered no subscription for ${quoUrl}`);

		const webhookNode: Target = { workflow: 'Webhook node', url: n8n.webhookUrl(WEBHOOK_NODE_PATH), workflowId: webhookWorkflow.id, executionsSoFar: 0 };
		const quoTrigger: Target = { workflow: 'Quo Trigger', url: quoUrl, workflowId: quoWorkflow.id, executionsSoFar: 0 };
		const warmups = [
			await measure(n8n, ctx, webhookNode, secret, 'warm-up', WARMUP_SECONDS),
			await measure(n8n, ctx, quoTrigger, secret, 'warm-up', WARMUP_SECONDS),
		];
		const rounds: Run[] = [];
		for (let round = 1; round <= ROUNDS; round++) {
			for (const target of [webhookNode, quoTrigger]) rounds.push(await measure(n8n, ctx, target, secret, String(round), ROUND_SECONDS));
		}
		return { rounds, all: [...warmups, ...rounds] };
	} finally {
		await n8n.dispose();
		await standIn.close();
	}
}

function summarize({ rounds, all }: Comparison, legacy: Comparison): { table: Table; figures: Record<string, Figure> } {
	const roundsOf = (workflow: Workflow, of = rounds) => of.filter((r) => r.workflow === workflow);
	const sum = (runs: Run[], pick: (r: Run) => number) => runs.reduce((s, r) => s + pick(r), 0);
	const means = (workflow: Workflow, of = rounds) => {
		const runs = roundsOf(workflow, of);
		return {
			requestsPerSecond: mean(runs.map((r) => r.requestsPerSecond)),
			p50Ms: mean(runs.map((r) => r.p50Ms)),
			p99Ms: mean(runs.map((r) => r.p99Ms)),
			cpuMsPerRequest: mean(runs.map((r) => r.cpuMsPerRequest)),
		};
	};
	const webhook = means('Webhook node');
	const quo = means('Quo Trigger');
	const throughputRatio = quo.requestsPerSecond / webhook.requestsPerSecond;
	const p99Ratio = quo.p99Ms / webhook.p99Ms;
	const p50Ratio = quo.p50Ms / webhook.p50Ms;
	const cpuRatio = quo.cpuMsPerRequest / webhook.cpuMsPerRequest;
	const throughputMet = throughputRatio >= 0.95;
	const legacyWebhook = means('Webhook node', legacy.rounds);
	const legacyQuo = means('Quo Trigger', legacy.rounds);
	const legacyThroughputRatio = legacyQuo.requestsPerSecond / legacyWebhook.requestsPerSecond;
	const legacyP99Ratio = legacyQuo.p99Ms / legacyWebhook.p99Ms;
	const legacyCpuRatio = legacyQuo.cpuMsPerRequest / legacyWebhook.cpuMsPerRequest;
	const p99Met = p99Ratio <= 1.1;
	/** Warm-ups included: no errors or other answers, and one successful execution per 200 (at most one per request sent). */
	const correct = (workflow: Workflow) =>
		[...all, ...legacy.all].filter((r) => r.workflow === workflow).every((r) => r.failures === 0 && r.executions >= r.answered200 && r.executions <= r.sent);
	const totals = (workflow: Workflow) => {
		const runs = [...all, ...legacy.all].filter((r) => r.workflow === workflow);
		return `${workflow}: ${sum(runs, (r) => r.sent)} sent, ${sum(runs, (r) => r.answered200)} answered 200, ${sum(runs, (r) => r.failures)} failed, ${sum(runs, (r) => r.executions)} successful executions`;
	};
	const legacyTarget = 'where the difference comes from: the same with N8N_EXPRESSION_ENGINE=legacy, no isolates (no target)';
	const legacyDetail = `Quo/Webhook with the legacy engine: ${legacyQuo.requestsPerSecond.toFixed(1)} vs ${legacyWebhook.requestsPerSecond.toFixed(1)} requests/s, p99 ${legacyQuo.p99Ms.toFixed(0)} vs ${legacyWebhook.p99Ms.toFixed(0)} ms`;
	const detail = `n8n ${N8N_VERSION}, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${ROUND_SECONDS} s per workflow (interleaved, after a ${WARMUP_SECONDS} s warm-up each)`;

	const row = (r: Run): Array<string | number> => [r.round, r.workflow, r.requestsPerSecond, r.p50Ms, r.p99Ms, r.cpuMsPerRequest, r.sent, r.answered200, r.executions, r.drainSeconds];
	const meanRow = (workflow: Workflow, m: ReturnType<typeof means>, of = rounds, label = 'mean'): Array<string | number> => {
		const runs = roundsOf(workflow, of);
		return [label, workflow, m.requestsPerSecond, m.p50Ms, m.p99Ms, m.cpuMsPerRequest, sum(runs, (r) => r.sent), sum(runs, (r) => r.answered200), sum(runs, (r) => r.executions), mean(runs.map((r) => r.drainSeconds))];
	};
	const table: Table = {
		title: `Quo Trigger vs n8n's Webhook node in n8n ${N8N_VERSION}: the same deliveries, each workflow → No Operation (${CONNECTIONS} connections, ${ROUND_SECONDS} s rounds)`,
		columns: ['round', 'workflow', 'requests/s', 'p50 ms', 'p99 ms', 'n8n CPU ms/req', 'sent', '200', 'executions', 'drain s'],
		rows: [
			...rounds.map(row),
			meanRow('Webhook node', webhook),
			meanRow('Quo Trigger', quo),
			meanRow('Webhook node', legacyWebhook, legacy.rounds, 'mean, legacy engine'),
			meanRow('Quo Trigger', legacyQuo, legacy.rounds, 'mean, legacy engine'),
		],
		notes: [
			`Quo/Webhook: throughput ${throughputRatio.toFixed(2)}× (target ≥ 0.95×: ${metWord(throughputMet)}), p99 ${p99Ratio.toFixed(2)}× (target ≤ 1.1×: ${metWord(p99Met)}), p50 ${p50Ratio.toFixed(2)}×, n8n CPU per request ${cpuRatio.toFixed(2)}×.`,
			`With N8N_EXPRESSION_ENGINE=legacy (no isolates; another n8n, same rounds): throughput ${legacyThroughputRatio.toFixed(2)}×, p99 ${legacyP99Ratio.toFixed(2)}×, n8n CPU per request ${legacyCpuRatio.toFixed(2)}×.`,
			`Warm-ups included, both engines: ${totals('Webhook node')}; ${totals('Quo Trigger')}. Requests sent but not answered were cut off when a run's time was up.`,
			'requests/s counts 200 answers; "drain s": how long after the load n8n took to record the run\'s last execution; executions saved as in the e2e harness (all, with data), for both workflows alike.',
			...(throughputMet && p99Met ? [] : ['Why the Quo Trigger costs n8n more per request: see the header of test/bench/n8nWebhookVsTrigger.bench.ts.']),
		],
	};
	const figures: Record<string, Figure> = {
		webhookRps: { value: webhook.requestsPerSecond, unit: 'requests/s', target: 'every request 200, one execution each', met: correct('Webhook node'), detail },
		quoRps: { value: quo.requestsPerSecond, unit: 'requests/s', target: 'every request 200, one execution each', met: correct('Quo Trigger'), detail },
		throughputRatio: { value: throughputRatio, unit: '×', ratio: throughputRatio, target: '≥ 0.95× the Webhook node', met: throughputMet, detail },
		p99Ratio: { value: p99Ratio, unit: '×', ratio: p99Ratio, target: '≤ 1.1× the Webhook node', met: p99Met, detail },
		webhookP50Ms: { value: webhook.p50Ms, unit: 'ms', target: 'reference for the Quo Trigger', met: true, detail },
		quoP50Ms: { value: quo.p50Ms, unit: 'ms', ratio: p50Ratio, target: 'reported next to the Webhook node (no target)', met: true, detail },
		webhookP99Ms: { value: webhook.p99Ms, unit: 'ms', target: 'reference for the Quo Trigger', met: true, detail },
		quoP99Ms: { value: quo.p99Ms, unit: 'ms', ratio: p99Ratio, target: '≤ 1.1× the Webhook node', met: p99Met, detail },
		cpuPerRequestRatio: {
			value: cpuRatio,
			unit: '×',
			ratio: cpuRatio,
			target: 'explains the throughput ratio (no target of its own)',
			met: true,
			detail: `n8n main process CPU per request: Webhook node ${webhook.cpuMsPerRequest.toFixed(1)} ms, Quo Trigger ${quo.cpuMsPerRequest.toFixed(1)} ms; ${detail}`,
		},
		legacyEngineThroughputRatio: { value: legacyThroughputRatio, unit: '×', ratio: legacyThroughputRatio, target: legacyTarget, met: true, detail: `${legacyDetail}; ${detail}` },
		legacyEngineP99Ratio: { value: legacyP99Ratio, unit: '×', ratio: legacyP99Ratio, target: legacyTarget, met: true, detail: `${legacyDetail}; ${detail}` },
		legacyEngineCpuPerRequestRatio: {
			value: legacyCpuRatio,
			unit: '×',
			ratio: legacyCpuRatio,
			target: legacyTarget,
			met: true,
			detail: `n8n CPU per request with the legacy engine: Webhook node ${legacyWebhook.cpuMsPerRequest.toFixed(1)} ms, Quo Trigger ${legacyQuo.cpuMsPerRequest.toFixed(1)} ms; ${detail}`,
		},
	};
	return { table, figures };
}

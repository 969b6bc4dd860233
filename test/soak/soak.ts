// The soak of one n8n version (run.ts runs it per version): n8n up with both Quo Triggers active, the deliveries in
// two halves around a restart with n8n's heap measured between them, then the checks as report rows.
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { startStandIn, type StandIn } from '../stand-in';
import { bootstrap, type Bootstrapped } from '../real-n8n/bootstrap';
import { allExecutions, assert, executionCount } from '../real-n8n/checks';
import { heapAfterGcMb } from '../real-n8n/heap-probe';
import { N8nInstance } from '../real-n8n/n8n-instance';
import { keepLog } from '../real-n8n/n8n-logs';
import { assertPackageLoaded } from '../real-n8n/package-tarball';
import { ProcessSampler, readProcess } from '../real-n8n/process-sampler';
import {
	CREDENTIAL_TYPE,
	credentialData,
	EVENTS_2026,
	EVENTS_V1,
	triggerNoOpWorkflow,
	triggerProductionUrl,
} from '../real-n8n/quo-workflows';
import { type Report, Skipped } from '../real-n8n/report';
import { seconds, sleep, waitFor } from '../real-n8n/util';
import { activateWorkflow } from '../real-n8n/workflows';
import {
	answerTimes,
	DeliveryRun,
	type Generation,
	planDeliveries,
	type SentDelivery,
	type SubscriptionFor,
	tally,
	type Tally,
} from './deliveries';

/** The soak installs the package as the e2e run's tarball route does; its rows say so. */
export const ROUTE = 'tarball';

/** A pause before each heap reading, for n8n's work after the executions (saving, pruning timers) to finish. */
const PAUSE_MS = 5000;
/**
 * "Stable": n8n's heap after a full GC, after the second half of the deliveries, is at most this much above the
 * same after the first half (which absorbs the warm-up: caches, compiled code). 2,000 deliveries: a leak of 16 kB
 * per delivery fails.
 */
const MEMORY_GROWTH_LIMIT_MB = 16;
/** The executions count as complete once none is running and their number has not moved for this long. */
const EXECUTIONS_QUIET_MS = 3000;
/** ...or, short of the expected number, once it has not moved for this long (the missing ones count as lost). */
const EXECUTIONS_STALLED_MS = 60_000;

export interface SoakOptions {
	deliveries: number;
	/** Deliveries in flight at once. */
	concurrency: number;
}

/** One half of the deliveries, sent without a pause, and what n8n did with them. */
interface Half {
	deliveries: number;
	/** From the first delivery to the last answer. */
	sendSeconds: number;
	perSecond: number;
	p50Ms: number;
	p95Ms: number;
	/** n8n's CPU time per delivery until the half's executions settled: rises if n8n works harder as executions pile up. */
	cpuMsPerDelivery: number;
	/** From the last answer until n8n's executions stopped changing. */
	drainSeconds: number;
}

interface Memory {
	/** V8 heap in use after a full GC: before the first delivery, between the halves, and after the last. */
	heapBeforeMb: number;
	heapMidMb: number;
	heapAfterMb: number;
	/** heapAfterMb - heapMidMb. */
	secondHalfGrowthMb: number;
	/** RSS at the same three moments, and the highest sampled (every 200 ms) during the run. */
	rssBeforeMb: number;
	rssMidMb: number;
	rssAfterMb: number;
	rssPeakMb: number;
}

export interface Soaked {
	tally: Tally;
	/** Requests that change a webhook's signing key (`POST /webhooks/{id}/rotate`) Quo received during the soak. */
	rotations: number;
	/** From stopping n8n between the halves to both triggers answering again. */
	restartSeconds: number;
	memory: Memory;
	halves: Half[];
	/** Listing every execution with its data through the public API. */
	listSeconds: number;
}

/** Quo Trigger -> No Operation for both generations, active, and the subscription carrying each event type. */
async function setUpTriggers(
	n8n: N8nInstance,
	ctx: Bootstrapped,
	standIn: StandIn,
): Promise<{
	workflowIds: Record<Generation, string>;
	subscriptionFor: SubscriptionFor;
	detail: string;
}> {
	const credential = await ctx.api.createCredential({
		name: 'Quo (soak stand-in)',
		type: CREDENTIAL_TYPE,
		data: await credentialData(ctx, { apiKey: standIn.apiKey, baseUrl: standIn.url }),
	});
	const ref = { id: credential.id, name: credential.name };
	const webhookIds: Record<Generation, string> = {
		'2026-03-30': '5b0f3c52-2026-4330-9a11-00000050a001',
		v1: '5b0f3c52-0001-4330-9a11-00000050a002',
	};
	const workflowIds = {} as Record<Generation, string>;
	for (const [generation, events] of [
		['2026-03-30', EVENTS_2026],
		['v1', EVENTS_V1],
	] as const) {
		const workflow = await ctx.api.createWorkflow(
			triggerNoOpWorkflow({
				name: `Quo soak: ${generation} trigger`,
				webhookId: webhookIds[generation],
				apiVersion: generation,
				events,
				credential: ref,
			}),
		);
		await activateWorkflow(ctx, workflow.id);
		workflowIds[generation] = workflow.id;
	}
	const current = standIn.state.webhooks2026.filter(
		(w) => w.url === triggerProductionUrl(n8n.baseUrl, webhookIds['2026-03-30']),
	);
	const legacy = standIn.state.webhooksV1.filter(
		(w) => w.url === triggerProductionUrl(n8n.baseUrl, webhookIds.v1),
	);
	assert(
		current.length === 1 && standIn.state.webhooks2026.length === 1,
		`Quo holds ${standIn.state.webhooks2026.length} 2026-03-30 subscriptions`,
	);
	assert(
		legacy.length === 3 && standIn.state.webhooksV1.length === 3,
		`Quo holds ${standIn.state.webhooksV1.length} v1 subscriptions`,
	);
	const subscriptionFor: SubscriptionFor = (generation, eventType) => {
		if (generation === '2026-03-30') return current[0].id;
		const subscription = legacy.find((w) => w.events.includes(eventType));
		assert(subscription, `no v1 subscription carries ${eventType}`);
		return subscription.id;
	};
	return {
		workflowIds,
		subscriptionFor,
		detail: `2026-03-30: webhook ${current[0].id}; v1: ${legacy.map((w) => w.id).join(', ')}`,
	};
}

/** Waits until n8n has run what it is going to run; returns the seconds it took. */
async function waitForExecutionsToSettle(ctx: Bootstrapped, expected: number): Promise<number> {
	const started = Date.now();
	let last = -1;
	let changedAt = Date.now();
	for (;;) {
		const [total, running] = await Promise.all([
			executionCount(ctx),
			executionCount(ctx, { status: ['new', 'running'] }),
		]);
		if (total !== last) {
			last = total;
			changedAt = Date.now();
		}
		const quietMs = Date.now() - changedAt;
		if (
			running === 0 &&
			((total >= expected && quietMs >= EXECUTIONS_QUIET_MS) || quietMs >= EXECUTIONS_STALLED_MS)
		)
			return seconds(started);
		await sleep(500);
	}
}

/** Until each trigger's production URL answers an unsigned POST with 401: its webhook is live again after a restart. */
async function waitForTriggers(standIn: StandIn): Promise<number> {
	const started = Date.now();
	const urls = [
		...new Set(
			[...standIn.state.webhooks2026, ...standIn.state.webhooksV1].map((webhook) => webhook.url),
		),
	];
	for (const url of urls) {
		await waitFor(
			`the Quo Trigger at ${url} to answer again after the restart`,
			async () =>
				(
					await fetch(url, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: '{}',
					}).catch(() => undefined)
				)?.status === 401,
			{ timeoutMs: 120_000, intervalMs: 250 },
		);
	}
	return seconds(started);
}

/**
 * The two halves of deliveries, with n8n restarted between them (so that repeats in the second half of deliveries
 * from the first must be recognised across a restart) and a heap reading before, after the first half, after the
 * restart and after the second; writes n8n's RSS/CPU samples to `samplesFile`.
 */
async function soak(
	report: Report,
	n8n: N8nInstance,
	ctx: Bootstrapped,
	standIn: StandIn,
	options: SoakOptions,
	triggers: Awaited<ReturnType<typeof setUpTriggers>>,
	samplesFile: string,
): Promise<Soaked> {
	const plan = planDeliveries(options.deliveries);
	const step = Math.ceil(plan.length / 10);
	const run = new DeliveryRun(
		standIn,
		plan,
		triggers.subscriptionFor,
		options.concurrency,
		(answered) => {
			if (answered % step === 0)
				report.log(`${n8n.version}: ${answered}/${plan.length} deliveries answered`);
		},
	);
	const pidOf = () => {
		const { pid } = n8n;
		assert(pid, 'n8n is not running');
		return pid;
	};
	const samplers: ProcessSampler[] = [];
	const cpuMs = () => {
		const now = readProcess(pidOf());
		assert(now, `n8n (pid ${pidOf()}) has exited`);
		return now.cpuMs;
	};
	const heap: number[] = [];
	const rss: number[] = [];
	const measureMemory = async () => {
		await sleep(PAUSE_MS);
		heap.push(await heapAfterGcMb(n8n.inspectorUrl()));
		const now = readProcess(pidOf());
		assert(now, `n8n (pid ${pidOf()}) has exited`);
		rss.push(now.rssMb);
	};
	const sample = () => {
		const sampler = new ProcessSampler(pidOf(), () => run.answered);
		samplers.push(sampler);
		sampler.start();
	};
	sample();
	await measureMemory();
	const requestsBefore = standIn.requests.length;
	const halves: Half[] = [];
	const sent: SentDelivery[] = [];
	let restartSeconds = 0;
	for (const end of [Math.floor(plan.length / 2), plan.length]) {
		if (halves.length === 1) {
			samplers[0].stop();
			const restarted = Date.now();
			await n8n.restart();
			await waitForTriggers(standIn);
			restartSeconds = seconds(restarted);
			report.log(
				`${n8n.version}: n8n restarted between the halves, triggers live again after ${restartSeconds}s`,
			);
			sample();
			await measureMemory();
		}
		const cpuBefore = cpuMs();
		const started = Date.now();
		const half = await run.sendUpTo(end);
		const sendSeconds = (Date.now() - started) / 1000;
		sent.push(...half);
		const drainSeconds = await waitForExecutionsToSettle(
			ctx,
			sent.filter((d) => d.planned.kind === 'genuine').length,
		);
		halves.push({
			deliveries: half.length,
			sendSeconds,
			perSecond: half.length / sendSeconds,
			...answerTimes(half),
			cpuMsPerDelivery: (cpuMs() - cpuBefore) / half.length,
			drainSeconds,
		});
		await measureMemory();
	}
	samplers[1].stop();
	const samples = samplers.flatMap((sampler) => sampler.samples);
	const t0 = samples[0]?.atMs ?? 0;
	const csv = samples.map((s) => [s.atMs - t0, s.progress, s.rssMb.toFixed(1), s.cpuMs].join(','));
	writeFileSync(samplesFile, ['ms,deliveries_answered,rss_mb,cpu_ms', ...csv].join('\n'));
	const listed = Date.now();
	const executions = await allExecutions(ctx, { includeData: true });
	// Before, after the first half, after the restart, after the second half.
	const [heapBeforeMb, , heapMidMb, heapAfterMb] = heap;
	const [rssBeforeMb, , rssMidMb, rssAfterMb] = rss;
	return {
		tally: tally(sent, executions, triggers.workflowIds),
		rotations: standIn.requests
			.slice(requestsBefore)
			.filter((r) => r.method === 'POST' && r.path.endsWith('/rotate')).length,
		restartSeconds,
		memory: {
			heapBeforeMb,
			heapMidMb,
			heapAfterMb,
			secondHalfGrowthMb: heapAfterMb - heapMidMb,
			rssBeforeMb,
			rssMidMb,
			rssAfterMb,
			rssPeakMb: Math.max(...samplers.map((sampler) => sampler.peakMb)),
		},
		halves,
		listSeconds: seconds(listed),
	};
}

const mb = (value: number) => value.toFixed(0);
const signed = (value: number) => `${value >= 0 ? '+' : ''}${value.toFixed(1)}`;
const heapLine = (m: Memory) =>
	`heap after GC ${mb(m.heapBeforeMb)} MB before, ${mb(m.heapMidMb)} MB between the halves, ${mb(m.heapAfterMb)} MB after`;
const rssLine = (m: Memory) =>
	`RSS ${mb(m.rssBeforeMb)} / ${mb(m.rssMidMb)} / ${mb(m.rssAfterMb)} MB, peak ${mb(m.rssPeakMb)} MB`;
const perSecond = (s: Soaked) => s.tally.sent / s.halves.reduce((sum, h) => sum + h.sendSeconds, 0);
/** E.g. "3 (first answer 401)" or "none". */
const retried = (t: Tally) => {
	const entries = Object.entries(t.acceptedOnRetry);
	if (entries.length === 0) return 'none';
	return entries
		.map(([status, count]) => `${count} (first answer ${status === '0' ? 'none' : status})`)
		.join(', ');
};

/** The checks of one soak, as report rows (each can fail on its own). */
async function reportChecks(
	report: Report,
	version: string,
	soaked: Soaked | undefined,
	failure: string,
): Promise<void> {
	const check = (name: string, fn: (s: Soaked) => string) =>
		report.run(version, ROUTE, name, async () => {
			if (!soaked) throw new Skipped(failure);
			return fn(soaked);
		});
	const list = (items: string[]) =>
		`${items.slice(0, 5).join('; ')}${items.length > 5 ? `; ... (${items.length} in all)` : ''}`;
	await check('1 deliveries answered: genuine and repeated 200, forged 401', (s) => {
		const t = s.tally;
		assert(
			t.unexpectedAnswers.length === 0,
			`${t.unexpectedAnswers.length} unexpected answers: ${list(t.unexpectedAnswers)}`,
		);
		return `${t.sent} deliveries (${t.genuine} genuine, ${t.repeated} repeated, ${t.forged} forged), ${t.attempts} attempts, ${t.unauthorized}x 401, ${perSecond(s).toFixed(1)} deliveries/s; accepted only on a retry: ${retried(t)}`;
	});
	await check('2 every genuine event ran (lost = 0)', ({ tally: t }) => {
		assert(t.lost === 0, `${t.lost} of ${t.genuine} genuine events have no execution`);
		return `${t.genuine} genuine events, ${t.executions} executions`;
	});
	await check(
		'3 no event ran twice, across the restart too (duplicates = 0, repeats ran none)',
		({ tally: t }) => {
			assert(
				t.duplicates === 0,
				`${t.duplicates} executions beyond one per genuine event (${t.repeated} repeated deliveries)`,
			);
			return `${t.repeated} repeated deliveries, no second run (${t.endedAtTrigger} ended at the trigger with no items)`;
		},
	);
	await check(
		'4 no forged delivery ran or changed anything; no genuine delivery refused',
		({ tally: t, rotations }) => {
			assert(t.forgedAccepted === 0, `${t.forgedAccepted} executions of forged events`);
			assert(
				rotations === 0,
				`${rotations} signing key rotations at Quo (only Quo's own deliveries may cause one)`,
			);
			assert(
				t.genuineRefused === 0,
				`${t.genuineRefused} genuine or repeated deliveries answered 401 at some attempt`,
			);
			return `${t.forged} forged, none ran; key rotations 0; genuine deliveries refused 0`;
		},
	);
	await check("5 every execution succeeded with its delivery's item", ({ tally: t }) => {
		assert(
			t.wrongExecutions.length === 0,
			`${t.wrongExecutions.length} wrong executions: ${list(t.wrongExecutions)}`,
		);
		return `${t.executions} executions, status success, trigger item = the delivery's event (workflow, event id, delivery id)`;
	});
	await check(
		`6 n8n memory stable (heap after GC grew <= ${MEMORY_GROWTH_LIMIT_MB} MB over the second half)`,
		({ memory: m }) => {
			assert(
				m.secondHalfGrowthMb <= MEMORY_GROWTH_LIMIT_MB,
				`n8n's heap after GC grew ${signed(m.secondHalfGrowthMb)} MB over the second half: ${heapLine(m)}`,
			);
			return `${signed(m.secondHalfGrowthMb)} MB; ${heapLine(m)}; ${rssLine(m)}`;
		},
	);
}

function printCounts(version: string, options: SoakOptions, s: Soaked): void {
	const t = s.tally;
	const m = s.memory;
	const g = (generation: Generation) =>
		`${generation} ${t.byGeneration[generation].executions} for ${t.byGeneration[generation].genuine} events`;
	console.log(
		[
			`\nn8n ${version}, ${options.concurrency} deliveries at a time:`,
			`  deliveries sent ${t.sent}: genuine ${t.genuine}, repeated ${t.repeated}, forged ${t.forged} (${t.attempts} attempts with Quo's retries; genuine or repeated accepted only on a retry: ${retried(t)})`,
			`  n8n restarted between the halves (${s.restartSeconds}s until both triggers answered again)`,
			`  executions ${t.executions} (${g('2026-03-30')}; ${g('v1')}), plus ${t.endedAtTrigger} of repeats that ended at the trigger; duplicates ${t.duplicates}; forged accepted ${t.forgedAccepted}; lost ${t.lost}; 401s ${t.unauthorized}`,
			`  key rotations caused by forged deliveries ${s.rotations}; genuine deliveries refused ${t.genuineRefused}`,
			`  n8n main process: ${heapLine(m)}, so ${signed(m.secondHalfGrowthMb)} MB over the second half; ${rssLine(m)} (before / between / after)`,
			`  ${perSecond(s).toFixed(1)} deliveries/s; ${s.halves
				.map(
					(h, i) =>
						`${i === 0 ? 'first' : 'second'} half: ${h.perSecond.toFixed(1)}/s, p50 ${h.p50Ms} ms, p95 ${h.p95Ms} ms, n8n CPU ${h.cpuMsPerDelivery.toFixed(0)} ms/delivery, executions settled ${h.drainSeconds.toFixed(1)} s after the last answer`,
				)
				.join('; ')}`,
			`  listing all executions with their data (public API, 250 a page) took ${s.listSeconds.toFixed(1)} s`,
		].join('\n'),
	);
}

export async function soakVersion(
	report: Report,
	options: SoakOptions,
	version: string,
	tarball: string,
	logDir: string,
	printLater: Array<() => void>,
): Promise<Soaked | undefined> {
	const standIn = await startStandIn();
	const n8n = await N8nInstance.create({ version, inspect: true });
	let soaked: Soaked | undefined;
	try {
		let ctx: Bootstrapped | undefined;
		let triggers: Awaited<ReturnType<typeof setUpTriggers>> | undefined;
		await report.run(
			version,
			ROUTE,
			'0 n8n up, package in ~/.n8n/nodes, 2026-03-30 + v1 trigger -> No Operation active',
			async () => {
				const installed = await n8n.installTarball(tarball);
				const took = await n8n.start();
				ctx = await bootstrap(n8n);
				await assertPackageLoaded(ctx);
				triggers = await setUpTriggers(n8n, ctx, standIn);
				return `${installed.name}@${installed.version}, ready in ${took}s; ${triggers.detail}`;
			},
		);
		let failure = 'needs n8n with both triggers active (0), which failed';
		if (ctx && triggers) {
			report.log(`${version}: ${options.deliveries} deliveries, ${options.concurrency} at a time`);
			try {
				soaked = await soak(
					report,
					n8n,
					ctx,
					standIn,
					options,
					triggers,
					path.join(logDir, `n8n-${version}-process.csv`),
				);
			} catch (error) {
				failure = `the soak did not finish: ${(error as Error).message}`;
				await report.run(version, ROUTE, 'soak', () => Promise.reject(error));
			}
		}
		await reportChecks(report, version, soaked, failure);
		if (soaked) printLater.push(printCounts.bind(null, version, options, soaked));
	} finally {
		const problems = keepLog(n8n, logDir, `n8n-${version}.log`);
		if (problems.length > 0)
			printLater.push(() =>
				console.log(
					`\nn8n ${version} log lines mentioning Quo at warn/error level:\n${problems.map((p) => `  ${p}`).join('\n')}`,
				),
			);
		await n8n.dispose();
		await standIn.close();
	}
	return soaked;
}

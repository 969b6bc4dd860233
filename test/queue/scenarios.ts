// The Quo Trigger in n8n's queue mode (queue-cluster.ts): registration through the main process, deliveries through
// the proxy to two webhook processes and run by the worker, forged deliveries, repeats sent to the same and to the
// other webhook process (what the dedupe memory catches across processes, next to what n8n saved in Postgres), and
// deactivation. Each row is one check; the numbers end up in the totals run.ts prints.
import { clone, seedEnvelopes } from '../fixtures/events';
import { newDeliveryId } from '../stand-in/ids';
import { normalizeEvent } from '../../nodes/Quo/events/normalize';
import type { DeliveryResult, StandIn } from '../stand-in';
import type { Bootstrapped } from '../real-n8n/bootstrap';
import type { N8nInstance } from '../real-n8n/n8n-instance';
import type { Execution } from '../real-n8n/n8n-public-api';
import {
	assert,
	assertExecutionCount,
	checkTriggerExecution,
	executionFor,
	executionsOf,
	outputOf,
	waitForFinishedExecutions,
} from '../real-n8n/checks';
import {
	credentialData,
	EVENTS_2026,
	TRIGGER_NODE as TRIGGER,
	triggerProductionUrl,
	triggerWorkflow,
	WEBHOOK_IDS,
} from '../real-n8n/quo-workflows';
import type { Report } from '../real-n8n/report';
import { Skipped } from '../real-n8n/report';
import { sleep, waitFor } from '../real-n8n/util';
import { activateWorkflow, deactivateWorkflow } from '../real-n8n/workflows';
import type { QueueCluster } from './queue-cluster';
import type { RunningPostgres } from './services';

const PROCESS_NAMES = ['A', 'B'];

export interface QueueTarget {
	version: string;
	cluster: QueueCluster;
	ctx: Bootstrapped;
	standIn: StandIn;
	postgres: RunningPostgres;
	/** Signed deliveries per batch (two batches are sent). */
	batchSize: number;
}

/** What the run printed at the end: every count comes from a check above it. */
export interface QueueTotals {
	deliveriesSent: number;
	repeatsSent: number;
	executions: number | undefined;
	crossProcessRepeats: number;
	/** Repeats to the other webhook process that ran the workflow a second time (undefined: not measured). */
	crossProcessDuplicates: number | undefined;
	simultaneousSent: number;
	/** Deliveries sent to both processes at the same moment that ran twice (undefined: not measured). */
	simultaneousDuplicates: number | undefined;
	forgedSent: number;
	forgedAccepted: number | undefined;
	subscriptionsLeft: number | undefined;
}

interface Delivered {
	deliveryId: string;
	type: string;
	envelope: object;
	/** The webhook process (0 = A, 1 = B) the proxy gave it to. */
	upstream: number;
	executionId: string;
}

interface Active {
	workflowId: string;
	subscriptionId: string;
}

function need<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Skipped(`needs ${what}, which failed`);
	return value;
}

function other(upstream: number): number {
	return 1 - upstream;
}

function hasLogLine(n8n: N8nInstance, line: string): boolean {
	return n8n.readLog().includes(line);
}

interface StoredTriggerData {
	subscriptions?: Array<{ id: string; key: string }>;
}

/** The trigger's static data as the workflow's row in Postgres holds it right now (what every process loads). */
async function storedTriggerData(
	postgres: RunningPostgres,
	workflowId: string,
): Promise<StoredTriggerData> {
	assert(/^\w+$/.test(workflowId), `unexpected workflow id ${workflowId}`);
	const column = await postgres.query(
		`SELECT "staticData" FROM workflow_entity WHERE id = '${workflowId}'`,
	);
	const staticData = (column.trim() ? JSON.parse(column) : null) as Record<
		string,
		StoredTriggerData
	> | null;
	return staticData?.[`node:${TRIGGER}`] ?? {};
}

/** After repeats: a moment for executions to appear, then all of them finished; returns the ones not in `known`. */
async function newExecutions(
	ctx: Bootstrapped,
	workflowId: string,
	known: Set<string>,
): Promise<Execution[]> {
	await sleep(2000);
	const all = await waitForFinishedExecutions(ctx, workflowId, 0);
	return all.filter((execution) => !known.has(execution.id));
}

function triggerDeliveryId(execution: Execution): unknown {
	return outputOf(execution, TRIGGER)?.[0]?.deliveryId;
}

/** Whether the workflow ran past its trigger: a repeat's execution ends at the trigger with no items. */
function ranPastTrigger(execution: Execution): boolean {
	return (outputOf(execution, TRIGGER)?.length ?? 0) > 0;
}

export async function runQueueScenarios(target: QueueTarget, report: Report): Promise<QueueTotals> {
	const { version, cluster, ctx, standIn, postgres, batchSize } = target;
	const { main, webhooks, worker, proxy } = cluster;
	const run = (name: string, fn: () => Promise<string | void>) =>
		report.run(version, 'queue', name, fn);
	const totals: QueueTotals = {
		deliveriesSent: 0,
		repeatsSent: 0,
		executions: undefined,
		crossProcessRepeats: 0,
		crossProcessDuplicates: undefined,
		simultaneousSent: 0,
		simultaneousDuplicates: undefined,
		forgedSent: 0,
		forgedAccepted: undefined,
		subscriptionsLeft: undefined,
	};
	const publicUrl = triggerProductionUrl(proxy.url, WEBHOOK_IDS.current);
	const processUrl = (upstream: number) =>
		triggerProductionUrl(webhooks[upstream].baseUrl, WEBHOOK_IDS.current);
	/** Every execution id seen so far (each accounted for by a check). */
	const known = new Set<string>();
	let active: Active | undefined;
	const batches: Delivered[][] = [];

	const resend = async (delivered: Delivered, upstream: number): Promise<DeliveryResult> => {
		const { subscriptionId } = need(active, 'the active trigger');
		totals.repeatsSent++;
		return standIn.deliver({
			webhookId: subscriptionId,
			envelope: delivered.envelope,
			deliveryId: delivered.deliveryId,
			url: processUrl(upstream),
			retry: false,
		});
	};

	/**
	 * `count` signed deliveries through the proxy (Quo's view: the public URL); each must produce one successful
	 * execution whose trigger item is normalizeEvent()'s, enqueued by the webhook process that took it and run by
	 * the worker.
	 */
	const deliverBatch = async (count: number): Promise<{ batch: Delivered[]; detail: string }> => {
		const { workflowId, subscriptionId } = need(active, 'the active trigger (Q2)');
		const sent: Array<Omit<Delivered, 'executionId'>> = [];
		for (let i = 0; i < count; i++) {
			const type = EVENTS_2026[i % EVENTS_2026.length];
			const envelope = clone(seedEnvelopes[type as keyof typeof seedEnvelopes]);
			const result = await standIn.deliver({ webhookId: subscriptionId, envelope, retry: false });
			totals.deliveriesSent++;
			assert(
				result.finalStatus === 200,
				`${type} delivery answered ${result.finalStatus}: ${result.attempts[0]?.body.slice(0, 200)}`,
			);
			const upstream = proxy.upstreamOf(result.deliveryId!);
			assert(upstream !== undefined, `the proxy never saw delivery ${result.deliveryId}`);
			sent.push({ deliveryId: result.deliveryId!, type, envelope, upstream });
		}
		const executions = await waitForFinishedExecutions(
			ctx,
			workflowId,
			known.size + count,
			120_000,
		);
		assert(
			executions.length === known.size + count,
			`${executions.length - known.size} new executions for ${count} deliveries`,
		);
		const batch: Delivered[] = [];
		for (const delivery of sent) {
			const execution = executionFor(executions, { deliveryId: delivery.deliveryId });
			checkTriggerExecution(
				execution,
				normalizeEvent(delivery.envelope, { deliveryId: delivery.deliveryId }),
				delivery.type,
			);
			known.add(execution.id);
			batch.push({ ...delivery, executionId: execution.id });
		}
		// Who did what, from n8n's own log lines: the receiving process enqueued it, the worker ran it, the main did neither.
		await waitFor(
			`the worker's log to show executions ${batch.map((d) => d.executionId).join(', ')} finished`,
			() =>
				batch.every((d) => hasLogLine(worker, `Worker finished execution ${d.executionId} (job`)),
			{ timeoutMs: 30_000 },
		);
		for (const d of batch) {
			const enqueuedBy = cluster.all.filter((n8n) =>
				hasLogLine(n8n, `Enqueued execution ${d.executionId} (job`),
			);
			assert(
				enqueuedBy.length === 1 && enqueuedBy[0] === webhooks[d.upstream],
				`execution ${d.executionId} (delivery to ${PROCESS_NAMES[d.upstream]}) enqueued by ${enqueuedBy.map((n) => n.logFile).join(', ') || 'no process'}`,
			);
		}
		const perProcess = PROCESS_NAMES.map(
			(name, i) => `${name} ${batch.filter((d) => d.upstream === i).length}`,
		);
		if (count >= 2)
			assert(
				batch.some((d) => d.upstream === 0) && batch.some((d) => d.upstream === 1),
				`not spread over both processes: ${perProcess.join(', ')}`,
			);
		const detail = `${count} x 200 via the proxy (${perProcess.join(', ')}); ${count} successful executions, each enqueued by its process and finished by the worker, items = normalizeEvent()`;
		return { batch, detail };
	};

	/**
	 * Resends each delivery of `batch` to the webhook process `pick` chooses. A process that did not run the delivery
	 * itself (in queue mode the worker runs it) starts an execution, which must succeed and end at the trigger with
	 * no items: the worker found the delivery in n8n's processed_data. Returns the repeats that ran the workflow again,
	 * and how many executions the repeats started.
	 */
	const repeatBatch = async (
		batch: Delivered[],
		pick: (d: Delivered) => number,
	): Promise<{ duplicates: Execution[]; started: number }> => {
		const { workflowId } = need(active, 'the active trigger (Q2)');
		for (const delivered of batch) {
			const result = await resend(delivered, pick(delivered));
			assert(
				result.finalStatus === 200,
				`repeat of ${delivered.deliveryId} to ${PROCESS_NAMES[pick(delivered)]} answered ${result.finalStatus}`,
			);
		}
		const started = await newExecutions(ctx, workflowId, known);
		const repeated = new Map(batch.map((d) => [d.deliveryId, d]));
		for (const execution of started) {
			assert(
				execution.status === 'success',
				`execution ${execution.id} of a repeat ended ${execution.status}`,
			);
			known.add(execution.id);
		}
		const duplicates = started.filter(ranPastTrigger);
		for (const execution of duplicates) {
			const original = repeated.get(String(triggerDeliveryId(execution)));
			assert(original, `execution ${execution.id} ran an item of no repeat of this batch`);
			checkTriggerExecution(
				execution,
				normalizeEvent(original.envelope, { deliveryId: original.deliveryId }),
				`duplicate of ${original.type}`,
			);
		}
		return { duplicates, started: started.length };
	};

	await run(
		'Q2 activate through the main process -> one subscription, on the public (proxy) URL',
		async () => {
			const credential = await ctx.api.createCredential({
				name: 'Quo (local stand-in)',
				type: 'quoApi',
				data: await credentialData(ctx, { apiKey: standIn.apiKey, baseUrl: standIn.url }),
			});
			const workflow = await ctx.api.createWorkflow(
				triggerWorkflow({
					name: 'Quo queue mode: 2026-03-30 trigger',
					webhookId: WEBHOOK_IDS.current,
					apiVersion: '2026-03-30',
					events: EVENTS_2026,
					credential: { id: credential.id, name: credential.name },
				}),
			);
			await activateWorkflow(ctx, workflow.id, { timeoutMs: 120_000 });
			const subscriptions = standIn.state.webhooks2026;
			assert(
				subscriptions.length === 1,
				`Quo holds ${subscriptions.length} subscriptions: ${JSON.stringify(subscriptions.map((w) => w.url))}`,
			);
			const [subscription] = subscriptions;
			assert(
				subscription.url === publicUrl,
				`subscription URL ${subscription.url}, expected the proxy's ${publicUrl}`,
			);
			assert(subscription.status === 'enabled', `subscription status ${subscription.status}`);
			active = { workflowId: workflow.id, subscriptionId: subscription.id };
			return `webhook ${subscription.id} -> ${publicUrl}`;
		},
	);

	await run(
		`Q3 ${batchSize} signed deliveries via the proxy -> one worker execution each = normalizeEvent()`,
		async () => {
			const { batch, detail } = await deliverBatch(batchSize);
			batches.push(batch);
			return detail;
		},
	);

	await run(
		'Q4 forged deliveries (wrong key, unsigned) via the proxy and to A and B directly -> 401, no execution',
		async () => {
			const { workflowId, subscriptionId } = need(active, 'the active trigger (Q2)');
			const from = standIn.requests.length;
			const answers: string[] = [];
			let accepted = 0;
			const targets: Array<[string, string | undefined]> = [
				['proxy', undefined],
				['proxy', undefined],
				['A', processUrl(0)],
				['B', processUrl(1)],
			];
			for (const [where, url] of targets) {
				for (const signing of ['wrong-key', 'none'] as const) {
					const forged = await standIn.deliver({
						webhookId: subscriptionId,
						envelope: clone(seedEnvelopes['message.received']),
						signing,
						url,
						retry: false,
					});
					totals.forgedSent++;
					if (forged.finalStatus !== 401) accepted++;
					answers.push(`${where} ${signing} ${forged.finalStatus}`);
				}
			}
			totals.forgedAccepted = accepted;
			const forgedViaProxy = proxy.requests
				.filter((r) => r.status === 401)
				.map((r) => PROCESS_NAMES[r.upstream]);
			assert(accepted === 0, `forged deliveries not refused with 401: ${answers.join(', ')}`);
			assert(
				new Set(forgedViaProxy).size === 2,
				`the proxy sent forged deliveries only to ${forgedViaProxy.join(', ')}`,
			);
			await assertExecutionCount(ctx, workflowId, known.size);
			// A forged delivery changes nothing (keyRecovery.ts): no request but reads of Quo's delivery log, and Postgres
			// still holds the key Quo signs with, where both processes read it.
			const changes = standIn.requests
				.slice(from)
				.filter((r) => r.method !== 'GET')
				.map((r) => `${r.method} ${r.path}`);
			const lookups = standIn.requests.length - from - changes.length;
			assert(
				changes.length === 0,
				`forged deliveries caused requests that change things at Quo: ${changes.join(', ')}`,
			);
			const stored = (await storedTriggerData(postgres, workflowId)).subscriptions?.find(
				(s) => s.id === subscriptionId,
			)?.key;
			const quoKey = standIn.state.webhooks2026.find((w) => w.id === subscriptionId)?.key;
			assert(
				stored !== undefined && stored === quoKey,
				`Postgres holds ${stored === undefined ? 'no key' : 'another key'} than the one Quo signs with`,
			);
			return `${totals.forgedSent} forged: all 401 (via the proxy to ${[...new Set(forgedViaProxy)].join(' and ')}, and directly to A and B); executions still ${known.size}; 0 key rotations, ${lookups} read(s) of Quo's delivery log, Postgres holds Quo's current key`;
		},
	);

	await run(
		'Q5 each delivery of Q3 repeated to the OTHER webhook process -> no second run (duplicates across processes)',
		async () => {
			const batch = need(batches[0], 'the deliveries of Q3');
			const { duplicates, started } = await repeatBatch(batch, (d) => other(d.upstream));
			totals.crossProcessRepeats += batch.length;
			totals.crossProcessDuplicates = duplicates.length;
			assert(
				duplicates.length === 0,
				`${duplicates.length} of ${batch.length} repeats to the other process ran the workflow again`,
			);
			return `${batch.length} x 200; ${started} execution(s) started, each ended at the trigger with no items: duplicates across processes 0 of ${batch.length}`;
		},
	);

	await run(
		`Q6 ${batchSize} more deliveries, each repeated to the SAME webhook process -> no second run`,
		async () => {
			const { batch, detail } = await deliverBatch(batchSize);
			batches.push(batch);
			const { duplicates, started } = await repeatBatch(batch, (d) => d.upstream);
			assert(
				duplicates.length === 0,
				`${duplicates.length} of ${batch.length} repeats to the same process ran the workflow again`,
			);
			return `${detail}; repeats: 200, ${started} execution(s) started (the worker, not that process, ran the first), each ended at the trigger`;
		},
	);

	await run(
		`Q7 ${batchSize} deliveries, each sent to A and B at the same moment (measured: both may run)`,
		async () => {
			const { workflowId, subscriptionId } = need(active, 'the active trigger (Q2)');
			const sent: Array<{ deliveryId: string; envelope: object }> = [];
			for (let i = 0; i < batchSize; i++) {
				const envelope = clone(
					seedEnvelopes[EVENTS_2026[i % EVENTS_2026.length] as keyof typeof seedEnvelopes],
				);
				const deliveryId = newDeliveryId();
				const answers = await Promise.all(
					[0, 1].map(
						async (upstream) =>
							await standIn.deliver({
								webhookId: subscriptionId,
								envelope,
								deliveryId,
								url: processUrl(upstream),
								retry: false,
							}),
					),
				);
				totals.repeatsSent++;
				assert(
					answers.every((answer) => answer.finalStatus === 200),
					`${deliveryId} answered ${answers.map((a) => a.finalStatus).join(' and ')}`,
				);
				sent.push({ deliveryId, envelope });
			}
			const started = await newExecutions(ctx, workflowId, known);
			for (const execution of started) known.add(execution.id);
			const runs = new Map<string, number>();
			for (const execution of started.filter(ranPastTrigger)) {
				const deliveryId = String(triggerDeliveryId(execution));
				runs.set(deliveryId, (runs.get(deliveryId) ?? 0) + 1);
			}
			const lost = sent.filter((d) => !runs.has(d.deliveryId));
			assert(
				lost.length === 0,
				`${lost.length} deliveries never ran: ${lost.map((d) => d.deliveryId).join(', ')}`,
			);
			const twice = sent.filter((d) => (runs.get(d.deliveryId) ?? 0) > 1).length;
			totals.simultaneousSent = sent.length;
			totals.simultaneousDuplicates = twice;
			return `${sent.length} deliveries, each to both processes at once: ${started.length} executions; ${twice} of ${sent.length} ran twice (n8n's processed_data is read, then written, without a lock), none lost`;
		},
	);

	await run(
		'Q8 deactivate through the main process -> no subscription left, A and B answer 404',
		async () => {
			const { workflowId } = need(active, 'the active trigger (Q2)');
			await deactivateWorkflow(ctx, workflowId, { timeoutMs: 120_000 });
			totals.subscriptionsLeft = standIn.state.webhooks2026.length;
			assert(
				totals.subscriptionsLeft === 0,
				`Quo still holds ${totals.subscriptionsLeft} subscriptions`,
			);
			const statuses: string[] = [];
			for (const [where, url] of [
				['proxy', publicUrl],
				['proxy', publicUrl],
				['A', processUrl(0)],
				['B', processUrl(1)],
			]) {
				const answer = await fetch(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				});
				statuses.push(`${where} ${answer.status}`);
			}
			assert(
				statuses.every((s) => s.endsWith(' 404')),
				`production URL after deactivation: ${statuses.join(', ')}`,
			);
			const all = await executionsOf(ctx, workflowId);
			totals.executions = all.length;
			assert(all.length === known.size, `${all.length} executions, ${known.size} accounted for`);
			assert(
				!hasLogLine(main, 'Enqueued execution'),
				'the main process enqueued an execution (production webhooks must go to the webhook processes)',
			);
			return `no subscription; ${statuses.join(', ')}; ${all.length} executions in all, each accounted for`;
		},
	);

	return totals;
}

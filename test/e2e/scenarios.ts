// The Quo scenarios, run against one n8n instance (one version, one install route) and its own Quo stand-in.
//   1 credential test          2 activate a 2026-03-30 trigger      3a-d signed deliveries, forged, repeated, unselected
//   5a-c the same with a v1 trigger (three families)                4, 4a-b, 5d one restart: subscriptions kept,
//   deliveries still work, dedupe memory kept                       6 deactivation removes every subscription
//   7 the Quo action node (webhook getMany, message send)           8 "Listen for test event" via the editor's REST call
import type { DeliveryRequest, DeliveryResult, StandIn } from '../stand-in';
import type { Webhook2026, WebhookV1 } from '../stand-in';
import { clone, legacySamples, seedEnvelopes } from '../fixtures/events';
import { normalizeEvent } from '../../nodes/Quo/events/normalize';
import type { Bootstrapped } from '../real-n8n/bootstrap';
import type { N8nInstance } from '../real-n8n/n8n-instance';
import type { Workflow } from '../real-n8n/n8n-public-api';
import { sleep, waitFor } from '../real-n8n/util';
import { activateWorkflow, deactivateWorkflow } from '../real-n8n/workflows';
import {
	assert,
	assertExecutionCount,
	assertJsonEqual,
	assertValidRequests,
	asJson,
	checkTriggerExecution,
	executionFor,
	executionsOf,
	outputOf,
	quoCalls,
	summarizeCalls,
	waitForFinishedExecutions,
} from '../real-n8n/checks';
import {
	ACTION_WEBHOOK_PATH,
	actionWorkflow,
	CREDENTIAL_TYPE,
	credentialData,
	type CredentialRef,
	EVENTS_2026,
	EVENTS_V1,
	triggerProductionUrl,
	triggerTestUrl,
	triggerWorkflow,
	TRIGGER_NODE as TRIGGER,
	WEBHOOK_IDS,
} from '../real-n8n/quo-workflows';
import { type Report, Skipped } from '../real-n8n/report';

export type Route = 'tarball' | 'community';

export interface Target {
	version: string;
	major: number;
	route: Route;
	n8n: N8nInstance;
	ctx: Bootstrapped;
	standIn: StandIn;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');
}

/** A delivery as Quo makes it, without the stand-in's own retries (each test looks at the first answer). */
function deliver(standIn: StandIn, request: DeliveryRequest): Promise<DeliveryResult> {
	return standIn.deliver({ retry: false, ...request });
}

/**
 * After a restart n8n may take a moment before its production webhooks answer (2.x reactivates published
 * workflows in the background): re-send while n8n says 404 (no such webhook yet), as Quo's retries would.
 */
async function deliverWhenLive(
	standIn: StandIn,
	request: DeliveryRequest,
	timeoutMs = 30_000,
): Promise<DeliveryResult> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const result = await deliver(standIn, request);
		if ((result.finalStatus !== 404 && result.finalStatus !== 0) || Date.now() > deadline)
			return result;
		await sleep(500);
	}
}

function subscriptions2026(standIn: StandIn, url?: string): Webhook2026[] {
	return standIn.state.webhooks2026.filter((w) => url === undefined || w.url === url);
}
function subscriptionsV1(standIn: StandIn, url?: string): WebhookV1[] {
	return standIn.state.webhooksV1.filter((w) => url === undefined || w.url === url);
}

export interface ScenarioState {
	credential?: CredentialRef;
	current?: {
		workflow: Workflow;
		url: string;
		subscriptionId: string;
		deliveryIds: string[];
		envelopes: Record<string, object>;
	};
	legacy?: { workflow: Workflow; url: string; subscriptionIds: string[]; eventIds: string[] };
}

/** Executions in which the workflow ran past its trigger: the trigger passed an item on. A repeat ends at the trigger. */
async function runsOf(ctx: Bootstrapped, workflowId: string): Promise<number> {
	return (await executionsOf(ctx, workflowId)).filter(
		(execution) => (outputOf(execution, TRIGGER)?.length ?? 0) > 0,
	).length;
}

/**
 * After repeats, a moment's grace, then: no run beyond `runsBefore`. Says how many executions the repeats started (a
 * process that ran the delivery itself starts none; another process, or one restarted since, starts one that ends
 * at the trigger with no items).
 */
async function assertNoNewRun(
	ctx: Bootstrapped,
	workflowId: string,
	before: { runs: number; executions: number },
): Promise<string> {
	await sleep(1500);
	const all = await waitForFinishedExecutions(ctx, workflowId, before.executions);
	const runs = await runsOf(ctx, workflowId);
	assert(runs === before.runs, `${runs - before.runs} repeat(s) ran the workflow again`);
	return `no second run; ${all.length - before.executions} execution(s) started, ended at the trigger with no items`;
}

async function countsOf(
	ctx: Bootstrapped,
	workflowId: string,
): Promise<{ runs: number; executions: number }> {
	return {
		runs: await runsOf(ctx, workflowId),
		executions: (await executionsOf(ctx, workflowId)).length,
	};
}

function need<T>(value: T | undefined, what: string): T {
	if (value === undefined) throw new Skipped(`needs ${what}, which failed`);
	return value;
}

export async function runQuoScenarios(target: Target, report: Report): Promise<void> {
	const { version, route, major, n8n, ctx, standIn } = target;
	const s: ScenarioState = {};
	const run = (name: string, fn: () => Promise<string | void>) =>
		report.run(version, route, name, fn);
	const activateWord = major >= 2 ? 'publish' : 'activate';
	/** Every trigger workflow that was activated, so 6 turns them all off even when a check after activation failed. */
	const cleanup: string[] = [];

	// 1. The credential, tested the way the credential modal does it.
	await run('1 credential test (stand-in): OK, a wrong key is refused with a message', async () => {
		const credential = await ctx.api.createCredential({
			name: 'Quo (local stand-in)',
			type: CREDENTIAL_TYPE,
			data: await credentialData(ctx, { apiKey: standIn.apiKey, baseUrl: standIn.url }),
		});
		const from = standIn.requests.length;
		const good = await ctx.rest.testStoredCredential(credential.id);
		assert(good.status === 'OK', `credential test with the right key: ${JSON.stringify(good)}`);
		const afterGood = standIn.requests.length;
		const bad = await ctx.rest.testStoredCredential(credential.id, { apiKey: 'wrong-key' });
		// n8n 2.x shows the credential's own message for a 401; 1.x's credential tester its generic one (the error it
		// gets there carries no response for the credential's rules to match).
		const wrongKeyMessage = major >= 2 ? 'Quo refused this API key (401)' : 'Authorization failed';
		assert(
			bad.status === 'Error' && bad.message.startsWith(wrongKeyMessage),
			`credential test with a wrong key: ${JSON.stringify(bad)}`,
		);
		const goodCalls = standIn.requests.slice(from, afterGood);
		assert(
			goodCalls.some(
				(r) =>
					r.method === 'GET' &&
					r.path === '/v1/phone-numbers' &&
					r.apiKey === standIn.apiKey &&
					r.status === 200,
			),
			`no GET /v1/phone-numbers with the raw key: ${quoCalls(standIn, from).join(', ')}`,
		);
		const badCalls = standIn.requests.slice(afterGood);
		assert(
			badCalls.some((r) => r.apiKey === 'wrong-key' && r.status === 401),
			`the wrong key never reached Quo: ${quoCalls(standIn, afterGood).join(', ')}`,
		);
		let viaPublic = '';
		if (major >= 2) {
			const pub = await ctx.api.testCredential(credential.id);
			assert(pub.status === 'OK', `public API credential test: ${JSON.stringify(pub)}`);
			viaPublic = '; public API test OK';
		}
		assertValidRequests(standIn, from);
		s.credential = { id: credential.id, name: credential.name };
		return `REST test OK; wrong key -> "${bad.message.slice(0, 60)}"${viaPublic}; Quo saw ${summarizeCalls(quoCalls(standIn, from))}`;
	});

	// 2. A 2026-03-30 trigger activated: exactly one subscription, on the production URL.
	await run(`2 ${activateWord} 2026-03-30 trigger -> one subscription`, async () => {
		const credential = need(s.credential, 'the credential (1)');
		const url = triggerProductionUrl(n8n.baseUrl, WEBHOOK_IDS.current);
		const workflow = await ctx.api.createWorkflow(
			triggerWorkflow({
				name: 'Quo e2e: 2026-03-30 trigger',
				webhookId: WEBHOOK_IDS.current,
				apiVersion: '2026-03-30',
				events: EVENTS_2026,
				credential,
			}),
		);
		const from = standIn.requests.length;
		cleanup.push(workflow.id);
		await activateWorkflow(ctx, workflow.id);
		const all = subscriptions2026(standIn);
		assert(
			all.length === 1,
			`Quo holds ${all.length} 2026-03-30 subscriptions: ${JSON.stringify(all.map((w) => w.url))}`,
		);
		const [sub] = all;
		assert(sub.url === url, `subscription URL ${sub.url}, expected ${url}`);
		assert(sameMembers(sub.events, EVENTS_2026), `subscription events ${sub.events.join(', ')}`);
		assert(sub.status === 'enabled', `subscription status ${sub.status}`);
		assert(subscriptionsV1(standIn).length === 0, 'a v1 subscription appeared');
		const create = standIn.requests
			.slice(from)
			.find((r) => r.method === 'POST' && r.path === '/webhooks');
		assert(
			create?.headers['quo-api-version'] === '2026-03-30',
			`POST /webhooks without Quo-Api-Version: 2026-03-30 (${JSON.stringify(create?.headers['quo-api-version'])})`,
		);
		assertValidRequests(standIn, from);
		s.current = { workflow, url, subscriptionId: sub.id, deliveryIds: [], envelopes: {} };
		return `webhook ${sub.id} -> ${url.replace(n8n.baseUrl, '')}, resourceIds ${JSON.stringify(sub.resourceIds)}; Quo saw ${summarizeCalls(quoCalls(standIn, from))}`;
	});

	// 3. Signed deliveries of three kinds; a forged one; a repeat; an event the node did not select.
	await run(
		'3a 2026-03-30 deliveries (3 kinds) -> one execution each = normalizeEvent()',
		async () => {
			const current = need(s.current, 'the active 2026-03-30 trigger (2)');
			const sent: Array<{ type: string; deliveryId: string; envelope: object }> = [];
			for (const type of EVENTS_2026) {
				const envelope = clone(seedEnvelopes[type as keyof typeof seedEnvelopes]);
				const result = await deliver(standIn, { webhookId: current.subscriptionId, envelope });
				assert(
					result.finalStatus === 200,
					`${type} delivery answered ${result.finalStatus}: ${result.attempts[0]?.body.slice(0, 200)}`,
				);
				sent.push({ type, deliveryId: result.deliveryId!, envelope });
			}
			const executions = await waitForFinishedExecutions(ctx, current.workflow.id, sent.length);
			assert(
				executions.length === sent.length,
				`${executions.length} executions for ${sent.length} deliveries`,
			);
			for (const delivery of sent) {
				const execution = executionFor(executions, { deliveryId: delivery.deliveryId });
				checkTriggerExecution(
					execution,
					normalizeEvent(delivery.envelope, { deliveryId: delivery.deliveryId }),
					delivery.type,
				);
				current.deliveryIds.push(delivery.deliveryId);
				current.envelopes[delivery.deliveryId] = delivery.envelope;
			}
			return `${sent.map((d) => d.type).join(', ')}: 200 each, ${executions.length} successful executions, trigger items = normalizeEvent(envelope, {deliveryId}), Set ran`;
		},
	);

	await run('3b forged 2026-03-30 delivery (wrong key) -> 401, no execution', async () => {
		const current = need(s.current, 'the active 2026-03-30 trigger (2)');
		const before = (await executionsOf(ctx, current.workflow.id)).length;
		const from = standIn.requests.length;
		const forged = await deliver(standIn, {
			webhookId: current.subscriptionId,
			envelope: clone(seedEnvelopes['message.received']),
			signing: 'wrong-key',
		});
		assert(forged.finalStatus === 401, `forged delivery answered ${forged.finalStatus}`);
		const unsigned = await deliver(standIn, {
			webhookId: current.subscriptionId,
			envelope: clone(seedEnvelopes['message.received']),
			signing: 'none',
		});
		assert(unsigned.finalStatus === 401, `unsigned delivery answered ${unsigned.finalStatus}`);
		await assertExecutionCount(ctx, current.workflow.id, before);
		const changes = standIn.requests.slice(from).filter((r) => r.method !== 'GET');
		assert(
			changes.length === 0,
			`forged deliveries caused ${changes.map((r) => `${r.method} ${r.path}`).join(', ')} at Quo`,
		);
		return `wrong key ${forged.finalStatus}, no signature ${unsigned.finalStatus}; executions still ${before}; nothing changed at Quo`;
	});

	await run('3c repeated 2026-03-30 delivery (same webhook-id) -> no second run', async () => {
		const current = need(s.current, 'the active 2026-03-30 trigger (2)');
		const deliveryId = current.deliveryIds[0];
		if (!deliveryId) throw new Skipped('needs a delivered event (3a), which failed');
		const before = await countsOf(ctx, current.workflow.id);
		const repeat = await deliver(standIn, {
			webhookId: current.subscriptionId,
			envelope: current.envelopes[deliveryId],
			deliveryId,
		});
		assert(repeat.finalStatus === 200, `repeated delivery answered ${repeat.finalStatus}`);
		return `repeat of ${deliveryId} answered ${repeat.finalStatus}; ${await assertNoNewRun(ctx, current.workflow.id, before)}`;
	});

	await run('3d event the trigger did not select -> 200, no execution', async () => {
		const current = need(s.current, 'the active 2026-03-30 trigger (2)');
		const before = (await executionsOf(ctx, current.workflow.id)).length;
		const unselected = await deliver(standIn, {
			webhookId: current.subscriptionId,
			envelope: clone(seedEnvelopes['message.delivered']),
		});
		assert(unselected.finalStatus === 200, `unselected event answered ${unselected.finalStatus}`);
		await assertExecutionCount(ctx, current.workflow.id, before);
		return `message.delivered answered ${unselected.finalStatus}; executions still ${before}`;
	});

	await run(
		"3e key rotated outside n8n -> Quo's log proves the delivery, one rotation, Quo's retry runs it once; the key is saved",
		async () => {
			const current = need(s.current, 'the active 2026-03-30 trigger (2)');
			const before = (await executionsOf(ctx, current.workflow.id)).length;
			const rotated = await fetch(`${standIn.url}/webhooks/${current.subscriptionId}/rotate`, {
				method: 'POST',
				headers: { authorization: standIn.apiKey, 'quo-api-version': '2026-03-30' },
			});
			assert(rotated.status === 200, `rotating at the stand-in answered ${rotated.status}`);
			const from = standIn.requests.length;
			const envelope = {
				...clone(seedEnvelopes['message.received']),
				id: `EVrotatedElsewhere${route}`,
			};
			// With Quo's retries: the first attempt is refused, the retry is signed with the key the trigger now holds.
			const first = await standIn.deliver({ webhookId: current.subscriptionId, envelope });
			const statuses = first.attempts.map((attempt) => attempt.status).join(', ');
			assert(
				statuses === '401, 200',
				`the delivery signed with the key rotated elsewhere was answered ${statuses}, expected 401, 200`,
			);
			const calls = standIn.requests.slice(from).map((r) => `${r.method} ${r.path}`);
			const expected = [
				`GET /webhooks/${current.subscriptionId}/events/${first.deliveryId}`,
				`POST /webhooks/${current.subscriptionId}/rotate`,
			];
			assert(
				JSON.stringify(calls) === JSON.stringify(expected),
				`Quo saw ${calls.join(', ')}; expected ${expected.join(', ')}`,
			);
			// n8n loads static data afresh for each delivery: a first-attempt 200 shows the rotated key was saved.
			const next = await deliver(standIn, {
				webhookId: current.subscriptionId,
				envelope: { ...envelope, id: `${envelope.id}Next` },
			});
			assert(
				next.attempts.length === 1 && next.finalStatus === 200,
				`the next delivery was answered ${next.attempts.map((a) => a.status).join(', ')}`,
			);
			const executions = await waitForFinishedExecutions(ctx, current.workflow.id, before + 2);
			assert(
				executions.length === before + 2,
				`${executions.length - before} executions for the two events, expected 2`,
			);
			return `first delivery ${statuses}; Quo saw ${calls.join(', ')}; next delivery 200 at the first attempt; 2 executions`;
		},
	);

	// 5. A v1 trigger: one subscription per family; legacy deliveries map to the contract's items.
	await run(`5a ${activateWord} v1 trigger (3 families) -> three subscriptions`, async () => {
		const credential = need(s.credential, 'the credential (1)');
		const url = triggerProductionUrl(n8n.baseUrl, WEBHOOK_IDS.legacy);
		const workflow = await ctx.api.createWorkflow(
			triggerWorkflow({
				name: 'Quo e2e: v1 trigger',
				webhookId: WEBHOOK_IDS.legacy,
				apiVersion: 'v1',
				events: EVENTS_V1,
				credential,
			}),
		);
		const from = standIn.requests.length;
		cleanup.push(workflow.id);
		await activateWorkflow(ctx, workflow.id);
		const subs = subscriptionsV1(standIn, url);
		assert(
			subs.length === 3,
			`Quo holds ${subs.length} v1 subscriptions for ${url}: ${JSON.stringify(subs.map((w) => w.events))}`,
		);
		assert(
			subscriptionsV1(standIn).length === 3,
			`Quo holds ${subscriptionsV1(standIn).length} v1 subscriptions in all`,
		);
		const families = standIn.requests
			.slice(from)
			.filter((r) => r.method === 'POST' && r.path.startsWith('/v1/webhooks/'))
			.map((r) => r.path.slice('/v1/webhooks/'.length))
			.sort();
		assert(
			sameMembers(families, ['call-summaries', 'calls', 'messages']),
			`v1 families created: ${families.join(', ')}`,
		);
		assertValidRequests(standIn, from);
		s.legacy = { workflow, url, subscriptionIds: subs.map((w) => w.id).sort(), eventIds: [] };
		return `${subs.map((w) => `${w.id} [${w.events.join(', ')}]`).join('; ')}; Quo saw ${summarizeCalls(quoCalls(standIn, from))}`;
	});

	const legacyFirst = [
		legacySamples.messageReceivedV4Real,
		legacySamples.callCompletedV4Real,
		legacySamples.callSummaryDocs,
	];
	const v1SubscriptionFor = (type: string) => {
		const canonical = type === 'callSummary' ? 'call.summary.completed' : type;
		const sub = subscriptionsV1(standIn).find((w) => w.events.includes(canonical));
		assert(sub, `no v1 subscription carries ${canonical}`);
		return sub;
	};
	await run(
		'5b legacy deliveries (3 families) -> one execution each = normalizeEvent()',
		async () => {
			const legacy = need(s.legacy, 'the active v1 trigger (5a)');
			for (const sample of legacyFirst) {
				const result = await deliver(standIn, {
					webhookId: v1SubscriptionFor(sample.type).id,
					envelope: clone(sample),
				});
				assert(
					result.finalStatus === 200,
					`${sample.type} delivery answered ${result.finalStatus}: ${result.attempts[0]?.body.slice(0, 200)}`,
				);
			}
			const executions = await waitForFinishedExecutions(
				ctx,
				legacy.workflow.id,
				legacyFirst.length,
			);
			assert(
				executions.length === legacyFirst.length,
				`${executions.length} executions for ${legacyFirst.length} deliveries`,
			);
			for (const sample of legacyFirst) {
				const execution = executionFor(executions, { eventId: sample.id });
				checkTriggerExecution(
					execution,
					normalizeEvent(clone(sample), { deliveryId: null }),
					`${sample.type} (${sample.apiVersion})`,
				);
				legacy.eventIds.push(sample.id);
			}
			return `${legacyFirst.map((l) => `${l.type}/${l.apiVersion}`).join(', ')}: 200 each, ${executions.length} executions, items = normalizeEvent(envelope, {deliveryId: null})`;
		},
	);

	await run('5c forged v1 delivery -> 401; repeated event id -> no second run', async () => {
		const legacy = need(s.legacy, 'the active v1 trigger (5a)');
		const before = await countsOf(ctx, legacy.workflow.id);
		const forged = await deliver(standIn, {
			webhookId: v1SubscriptionFor('message.received').id,
			envelope: clone(legacySamples.messageReceivedV4Docs),
			signing: 'wrong-key',
		});
		assert(forged.finalStatus === 401, `forged v1 delivery answered ${forged.finalStatus}`);
		await assertExecutionCount(ctx, legacy.workflow.id, before.executions);
		if (legacy.eventIds.length === 0)
			throw new Skipped(
				`forged ${forged.finalStatus} ok; the repeat needs a delivered event (5b), which failed`,
			);
		const repeat = await deliver(standIn, {
			webhookId: v1SubscriptionFor('message.received').id,
			envelope: clone(legacyFirst[0]),
		});
		assert(
			repeat.finalStatus === 200,
			`repeated v1 delivery (same event id) answered ${repeat.finalStatus}`,
		);
		return `forged ${forged.finalStatus}; repeat of ${legacyFirst[0].id} answered ${repeat.finalStatus}; ${await assertNoNewRun(ctx, legacy.workflow.id, before)}`;
	});

	// B1-B3. Bad deliveries (quo/badDeliveries.ts), while both triggers are active.
	await (await import('./badDeliveries')).runBadDeliveryScenarios(target, s, run);

	// 4 + 5. One restart for both triggers (saves a restart per instance).
	const restarted = await run('4 restart n8n with both triggers active', async () => {
		if (!s.current && !s.legacy)
			throw new Skipped('needs an active trigger (2 or 5a), which failed');
		const from = standIn.requests.length;
		const stopped = await n8n.stop();
		const duringStop = quoCalls(standIn, from);
		const took = await n8n.start();
		await ctx.rest.login();
		if (major >= 2) {
			for (const wf of [s.current?.workflow, s.legacy?.workflow]) {
				if (!wf) continue;
				await waitFor(
					`workflow ${wf.id} published after restart`,
					async () => (await ctx.rest.publicationStatus(wf.id)).status === 'published',
					{
						timeoutMs: 30_000,
					},
				);
			}
		}
		await sleep(1000);
		assertValidRequests(standIn, from);
		return `stop ${stopped.seconds}s${stopped.killed ? ' (SIGKILL)' : ''}, ready in ${took}s; Quo calls on stop: ${summarizeCalls(duringStop)}; on start: ${summarizeCalls(quoCalls(standIn, from + duringStop.length))}`;
	});

	await run('4a after restart: still one 2026-03-30 subscription, delivery works', async () => {
		const current = need(s.current, 'the 2026-03-30 trigger (2)');
		if (!restarted) throw new Skipped('needs the restart, which failed');
		const subs = subscriptions2026(standIn);
		assert(
			subs.length === 1,
			`Quo holds ${subs.length} 2026-03-30 subscriptions after the restart: ${JSON.stringify(subs.map((w) => [w.id, w.url]))}`,
		);
		assert(
			subs[0].id === current.subscriptionId && subs[0].url === current.url,
			`subscription changed: ${subs[0].id} ${subs[0].url}`,
		);
		const before = (await executionsOf(ctx, current.workflow.id)).length;
		const envelope = clone(seedEnvelopes['call.summary.completed']);
		const result = await deliverWhenLive(standIn, { webhookId: current.subscriptionId, envelope });
		assert(
			result.finalStatus === 200,
			`delivery after restart answered ${result.finalStatus}: ${result.attempts[0]?.body.slice(0, 200)}`,
		);
		const executions = await waitForFinishedExecutions(ctx, current.workflow.id, before + 1);
		checkTriggerExecution(
			executionFor(executions, { deliveryId: result.deliveryId }),
			normalizeEvent(envelope, { deliveryId: result.deliveryId }),
			'after restart',
		);
		return `webhook ${subs[0].id} kept (same id, same URL); new call.summary.completed delivery -> execution, item = normalizeEvent()`;
	});

	await run('4b after restart: repeat of a pre-restart delivery -> no second run', async () => {
		const current = need(s.current, 'the 2026-03-30 trigger (2)');
		if (!restarted) throw new Skipped('needs the restart, which failed');
		const deliveryId = current.deliveryIds[1] ?? current.deliveryIds[0];
		if (!deliveryId) throw new Skipped('needs a delivered event (3a), which failed');
		const before = await countsOf(ctx, current.workflow.id);
		const repeat = await deliverWhenLive(standIn, {
			webhookId: current.subscriptionId,
			envelope: current.envelopes[deliveryId],
			deliveryId,
		});
		assert(
			repeat.finalStatus === 200,
			`repeat of a pre-restart delivery answered ${repeat.finalStatus}`,
		);
		return `repeat of ${deliveryId} answered ${repeat.finalStatus}; ${await assertNoNewRun(ctx, current.workflow.id, before)} (n8n's processed_data survived the restart)`;
	});

	await run('5d after restart: still three v1 subscriptions, delivery works', async () => {
		const legacy = need(s.legacy, 'the v1 trigger (5a)');
		if (!restarted) throw new Skipped('needs the restart, which failed');
		const subs = subscriptionsV1(standIn);
		const ids = subs.map((w) => w.id).sort();
		assert(subs.length === 3, `Quo holds ${subs.length} v1 subscriptions after the restart`);
		assert(
			sameMembers(ids, legacy.subscriptionIds),
			`v1 subscriptions changed: ${ids.join(', ')} (were ${legacy.subscriptionIds.join(', ')})`,
		);
		const before = (await executionsOf(ctx, legacy.workflow.id)).length;
		const sample = clone(legacySamples.messageReceivedV3CommaJoined);
		const result = await deliverWhenLive(standIn, {
			webhookId: v1SubscriptionFor(sample.type).id,
			envelope: sample,
		});
		assert(
			result.finalStatus === 200,
			`v1 delivery after restart answered ${result.finalStatus}: ${result.attempts[0]?.body.slice(0, 200)}`,
		);
		const executions = await waitForFinishedExecutions(ctx, legacy.workflow.id, before + 1);
		checkTriggerExecution(
			executionFor(executions, { eventId: sample.id }),
			normalizeEvent(clone(sample), { deliveryId: null }),
			'v1 after restart',
		);
		return `webhooks ${ids.join(', ')} kept; ${sample.type}/${sample.apiVersion} (comma-joined "to") -> execution, item = normalizeEvent()`;
	});

	// 6. Deactivation (unpublish) removes every subscription.
	await run(
		`6 ${major >= 2 ? 'unpublish' : 'deactivate'} both -> no subscription left`,
		async () => {
			if (cleanup.length === 0)
				throw new Skipped('needs an activated trigger (2 or 5a), which failed');
			const from = standIn.requests.length;
			for (const id of cleanup) await deactivateWorkflow(ctx, id);
			const left = [
				...subscriptions2026(standIn).map((w) => `${w.id} ${w.url}`),
				...subscriptionsV1(standIn).map((w) => `${w.id} ${w.url}`),
			];
			assert(left.length === 0, `Quo still holds: ${left.join('; ')}`);
			for (const wf of [s.current, s.legacy]) {
				if (!wf) continue;
				const res = await fetch(wf.url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: '{}',
				});
				assert(res.status === 404, `${wf.url} answers ${res.status} after deactivation`);
			}
			assertValidRequests(standIn, from);
			return `${cleanup.length} workflow(s), 0 subscriptions left, production URLs 404; Quo saw ${summarizeCalls(quoCalls(standIn, from))}`;
		},
	);

	// 7. The action node: list webhooks of both generations, then send one message.
	await run('7 Quo action node: webhook getMany + message send', async () => {
		const credential = need(s.credential, 'the credential (1)');
		// Start from a Quo without webhooks (whatever 6 left), then two for the list, one of each generation,
		// made straight at the stand-in.
		const quo = (
			method: string,
			path: string,
			body: unknown,
			headers: Record<string, string> = {},
		) =>
			fetch(`${standIn.url}${path}`, {
				method,
				headers: { authorization: standIn.apiKey, 'content-type': 'application/json', ...headers },
				body: JSON.stringify(body),
			}).then(async (r) => ({
				status: r.status,
				body: (await r.json()) as { data: { id: string } },
			}));
		standIn.state.webhooks2026.splice(0);
		standIn.state.webhooksV1.splice(0);
		const made2026 = await quo(
			'POST',
			'/webhooks',
			{ url: 'https://example.com/quo-2026', events: ['message.received'], label: 'e2e list 2026' },
			{ 'quo-api-version': '2026-03-30' },
		);
		const madeV1 = await quo('POST', '/v1/webhooks/calls', {
			url: 'https://example.com/quo-v1',
			events: ['call.completed'],
			label: 'e2e list v1',
		});
		assert(
			made2026.status === 201 && madeV1.status === 201,
			`helper webhooks: ${made2026.status}, ${madeV1.status}`,
		);
		const line = standIn.state.phoneNumbers[0];
		const to = '+15555550123';
		const content = 'Hello from the n8n e2e test';
		const workflow = await ctx.api.createWorkflow(
			actionWorkflow({
				name: 'Quo e2e: action node',
				credential,
				fromPhoneNumberId: line.id,
				to,
				content,
			}),
		);
		await activateWorkflow(ctx, workflow.id);
		const from = standIn.requests.length;
		const messagesBefore = standIn.state.messages.length;
		const res = await fetch(n8n.webhookUrl(ACTION_WEBHOOK_PATH), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: '{"run":"e2e"}',
		});
		const text = await res.text();
		assert(
			res.status === 200,
			`the workflow's webhook answered ${res.status}: ${text.slice(0, 300)}`,
		);
		const answered = JSON.parse(text) as unknown;
		const items = (Array.isArray(answered) ? answered : [answered]) as Array<
			Record<string, unknown>
		>;
		// Quo's side: exactly one valid POST /v1/messages accepted. Others may only be ones Quo refused with 429 (the
		// stand-in enforces Quo's 10 requests/s per key), which the transport may repeat: nothing was sent.
		const posts = standIn.requests
			.slice(from)
			.filter((r) => r.method === 'POST' && r.path === '/v1/messages');
		const sends = posts.filter((r) => r.status >= 200 && r.status < 300);
		const refused = posts.filter((r) => r.status === 429);
		assert(
			sends.length === 1 && refused.length === posts.length - 1,
			`Quo got ${posts.length} POST /v1/messages: ${posts.map((r) => r.status).join(', ')}`,
		);
		const [send] = sends;
		assert(
			send.status === 202 && send.validationErrors.length === 0,
			`POST /v1/messages -> ${send.status} ${send.validationErrors.join(', ')}`,
		);
		assertJsonEqual(send.body, { content, from: line.id, to: [to] }, 'POST /v1/messages body');
		assert(
			standIn.state.messages.length === messagesBefore + 1,
			'the stand-in holds no new message',
		);
		const message = standIn.state.messages[0];
		assert(
			items.length === 1,
			`the workflow answered ${items.length} items: ${text.slice(0, 300)}`,
		);
		assertJsonEqual(items[0], message, 'Send Message output');
		// The execution: getMany listed both generations, each item marked with its apiVersion.
		const [execution] = await waitForFinishedExecutions(ctx, workflow.id, 1);
		assert(execution.status === 'success', `execution ${execution.id} is ${execution.status}`);
		const listed = outputOf(execution, 'List Webhooks') ?? [];
		const summary = listed.map((w) => `${String(w.id)}:${String(w.apiVersion)}`).sort();
		assert(
			sameMembers(summary, [`${made2026.body.data.id}:2026-03-30`, `${madeV1.body.data.id}:v1`]),
			`List Webhooks output: ${summary.join(', ')}`,
		);
		assertValidRequests(standIn, from);
		const calls = summarizeCalls(quoCalls(standIn, from));
		await deactivateWorkflow(ctx, workflow.id);
		// Leave Quo without webhooks for the next scenario.
		standIn.state.webhooks2026.splice(0);
		standIn.state.webhooksV1.splice(0);
		const rateLimited =
			refused.length > 0 ? ` (after ${refused.length}x 429 from the rate limit, retried)` : '';
		return `getMany -> ${summary.join(', ')}; send -> message ${message.id} (${message.status})${rateLimited}; Quo saw ${calls}`;
	});

	// 8. "Listen for test event": the editor's REST call, the test URL, Quo's sample, the manual execution.
	await run('8 listen for test event (sample via /webhook-test/)', async () => {
		const credential = need(s.credential, 'the credential (1)');
		const workflow = await ctx.api.createWorkflow(
			triggerWorkflow({
				name: 'Quo e2e: listen for test event',
				webhookId: WEBHOOK_IDS.listen,
				apiVersion: '2026-03-30',
				events: ['message.received'],
				credential,
				options: { sendSampleEventOnTest: true },
			}),
		);
		const testUrl = triggerTestUrl(n8n.baseUrl, WEBHOOK_IDS.listen);
		// Start from a Quo without webhooks (whatever an earlier failure left).
		standIn.state.webhooks2026.splice(0);
		standIn.state.webhooksV1.splice(0);
		const from = standIn.requests.length;
		// What the editor's "Listen for test event" sends (NDV of the trigger): the trigger as start and destination.
		// 1.x takes the workflow in the body; 2.x loads it from the database itself (ManualRunDto).
		const start = {
			triggerToStartFrom: { name: TRIGGER },
			destinationNode: { nodeName: TRIGGER, mode: 'inclusive' },
		};
		const body =
			major >= 2
				? start
				: {
						workflowData: await ctx.rest.request<Record<string, unknown>>(
							'GET',
							`/workflows/${workflow.id}`,
						),
						...start,
					};
		const answer = await ctx.rest.request<{ waitingForWebhook?: boolean; executionId?: string }>(
			'POST',
			`/workflows/${workflow.id}/run`,
			body,
		);
		assert(
			answer.waitingForWebhook === true,
			`POST /rest/workflows/${workflow.id}/run answered ${JSON.stringify(answer)}`,
		);
		const executions = await waitForFinishedExecutions(ctx, workflow.id, 1, 30_000).catch(
			(error: Error) => {
				throw new Error(`${error.message}; Quo saw ${summarizeCalls(quoCalls(standIn, from))}`);
			},
		);
		const created = standIn.requests
			.slice(from)
			.find((r) => r.method === 'POST' && r.path === '/webhooks');
		assert(
			created && (created.body as { url?: string }).url === testUrl,
			`subscription for the test URL: ${JSON.stringify(created?.body ?? null)}`,
		);
		const sampleCall = standIn.requests
			.slice(from)
			.find((r) => r.method === 'POST' && /^\/webhooks\/[^/]+\/events\/test$/.test(r.path));
		assert(
			sampleCall,
			`the trigger never asked Quo for a sample; Quo saw ${summarizeCalls(quoCalls(standIn, from))}`,
		);
		const subscriptionId = sampleCall.path.split('/')[2];
		const delivery = standIn.state.deliveries.find((d) => d.webhookId === subscriptionId);
		assert(delivery, `the stand-in logged no delivery for webhook ${subscriptionId}`);
		assert(executions.length === 1, `${executions.length} executions`);
		const [execution] = executions;
		assert(execution.mode === 'manual', `execution mode ${execution.mode}`);
		// The editor listens with the trigger as destination node: the run stops after the trigger (Set does not run).
		// The item says it is Quo's sample: its ids are placeholders at Quo.
		const expected = {
			...normalizeEvent(asJson(delivery.requestBody), { deliveryId: delivery.id }),
			sample: true,
		};
		checkTriggerExecution(execution, expected, 'sample', { setNodeRuns: false });
		const attempts = delivery.attempts.map((a) => a.responseStatusCode);
		// n8n removes the test webhook after the run, and the node its Quo subscription with it.
		await waitFor(
			'the test subscription to be removed',
			() => subscriptions2026(standIn, testUrl).length === 0,
			{ timeoutMs: 15_000 },
		);
		assert(
			subscriptions2026(standIn).length === 0,
			`Quo still holds ${subscriptions2026(standIn).length} 2026-03-30 subscriptions`,
		);
		assertValidRequests(standIn, from);
		assert(
			attempts[0] === 200,
			`the sample's first attempt got ${attempts[0]} (attempts ${attempts.join(', ')}): n8n had not stored the new key yet`,
		);
		return `run -> waitingForWebhook; sample ${delivery.eventType} ${delivery.id} to /webhook-test/ attempts [${attempts.join(', ')}]; manual execution ${execution.id} item = normalizeEvent() + sample: true; Quo saw ${summarizeCalls(quoCalls(standIn, from))}`;
	});
}

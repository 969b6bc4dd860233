// Bad deliveries in real n8n, whose body parser decides what the trigger sees: the table of
// test/fixtures/badDeliveries.ts on the active 2026-03-30 and v1 triggers (rows B1, B2), and a body over n8n's
// N8N_PAYLOAD_SIZE_MAX (B3). Each case: the HTTP status, and exactly the executions it must start (none, or one
// whose trigger item is the expected one).
import {
	BAD_DELIVERY_CASES,
	type RawDelivery,
	type SigningTarget,
	signedDelivery,
} from '../fixtures/badDeliveries';
import { clone, seedEnvelopes } from '../fixtures/events';
import { postRaw } from '../stand-in/webhooks/http-post';
import type { Bootstrapped } from '../real-n8n/bootstrap';
import { sleep, waitFor } from '../real-n8n/util';
import { assert, assertJsonEqual, isFinished, outputOf } from '../real-n8n/checks';
import { Skipped } from '../real-n8n/report';
import type { ScenarioState, Target } from './scenarios';

const TRIGGER = 'Quo Trigger';

/** n8n's default N8N_PAYLOAD_SIZE_MAX (MiB); the harness's n8n does not set it. */
const PAYLOAD_SIZE_MAX_MIB = 16;

type Run = (name: string, fn: () => Promise<string | void>) => Promise<boolean>;

/** The workflow's executions by id, each with whether it has finished (n8n 1.x lists running ones too). */
async function executionIds(ctx: Bootstrapped, workflowId: string): Promise<Map<string, boolean>> {
	const { data } = await ctx.api.listExecutions({ workflowId, limit: 250 });
	return new Map(data.map((execution) => [String(execution.id), isFinished(execution)]));
}

async function send(url: string, delivery: RawDelivery): Promise<number> {
	return (await postRaw(url, delivery.headers, delivery.body, new AbortController().signal)).status;
}

/**
 * Sends every case of the table to one trigger, with the key Quo holds at that moment. Checks each status and
 * each expected execution as it comes; after the last case, that no other execution appeared.
 */
async function runTable(
	ctx: Bootstrapped,
	workflowId: string,
	url: string,
	target: () => SigningTarget,
	unique: string,
): Promise<string> {
	const initial = await executionIds(ctx, workflowId);
	const accounted = new Set<string>();
	const statuses: string[] = [];
	for (const [index, badCase] of BAD_DELIVERY_CASES.entries()) {
		const delivery = badCase.build(target(), `${unique}-${index}`);
		const status = await send(url, delivery);
		assert(
			status === badCase.status,
			`${badCase.name}: answered ${status}, expected ${badCase.status}`,
		);
		statuses.push(`${status}${badCase.item ? '+run' : ''}`);
		if (!badCase.item) continue;
		const fresh = await waitFor(
			`the execution of "${badCase.name}"`,
			async () => {
				const fresh = [...(await executionIds(ctx, workflowId))].filter(
					([id]) => !initial.has(id) && !accounted.has(id),
				);
				return fresh.length > 0 && fresh.every(([, finished]) => finished)
					? fresh.map(([id]) => id)
					: false;
			},
			{ timeoutMs: 30_000, intervalMs: 300 },
		);
		assert(
			fresh.length === 1,
			`${badCase.name}: ${fresh.length} new executions (ids ${fresh.join(', ')}); a case before it started one it should not have`,
		);
		const [id] = fresh;
		accounted.add(id);
		const execution = await ctx.api.getExecution(id);
		assert(
			execution.status === 'success',
			`${badCase.name}: execution ${id} is ${execution.status}`,
		);
		const items = outputOf(execution, TRIGGER) ?? [];
		assert(items.length === 1, `${badCase.name}: the trigger emitted ${items.length} items`);
		assertJsonEqual(
			items[0],
			badCase.item(delivery),
			`${badCase.name}: trigger item of execution ${id}`,
		);
		// Its 5 MB item would weigh on every later listing of this workflow's executions.
		if (delivery.body.length > 1024 * 1024) await ctx.api.request('DELETE', `/executions/${id}`);
	}
	// A case that must start nothing had time to (one that did was caught above if a run-case came after it).
	await sleep(1500);
	const stray = [...(await executionIds(ctx, workflowId)).keys()].filter(
		(id) => !initial.has(id) && !accounted.has(id),
	);
	assert(stray.length === 0, `executions no case should have started: ${stray.join(', ')}`);
	return `${BAD_DELIVERY_CASES.length} cases, answers ${statuses.join(' ')}; ${accounted.size} executions, items as expected, no other`;
}

export async function runBadDeliveryScenarios(
	target: Target,
	s: ScenarioState,
	run: Run,
): Promise<void> {
	const { version, route, ctx, standIn } = target;

	await run(
		'B1 bad 2026-03-30 deliveries (fixtures/badDeliveries.ts) -> 401 / 422 / 200 with one run each',
		async () => {
			const current = s.current;
			if (!current) throw new Skipped('needs the active 2026-03-30 trigger (2), which failed');
			const key = () =>
				standIn.state.webhooks2026.find((webhook) => webhook.id === current.subscriptionId)!.key;
			return runTable(
				ctx,
				current.workflow.id,
				current.url,
				() => ({ generation: '2026-03-30', key: key() }),
				`${version}-${route}`,
			);
		},
	);

	await run(
		'B2 bad v1 deliveries (fixtures/badDeliveries.ts) -> 401 / 422 / 200 with one run each',
		async () => {
			const legacy = s.legacy;
			if (!legacy) throw new Skipped('needs the active v1 trigger (5a), which failed');
			const messages = standIn.state.webhooksV1.find(
				(webhook) => webhook.url === legacy.url && webhook.events.includes('message.received'),
			);
			assert(messages, 'no v1 subscription carries message.received');
			return runTable(
				ctx,
				legacy.workflow.id,
				legacy.url,
				() => ({ generation: 'v1', key: messages.key }),
				`${version}-${route}`,
			);
		},
	);

	await run(
		`B3 signed delivery over N8N_PAYLOAD_SIZE_MAX (${PAYLOAD_SIZE_MAX_MIB} MiB) -> refused by n8n, no execution`,
		async () => {
			const current = s.current;
			if (!current) throw new Skipped('needs the active 2026-03-30 trigger (2), which failed');
			const envelope = clone(seedEnvelopes['message.received']);
			envelope.data.resource.text = 'x'.repeat((PAYLOAD_SIZE_MAX_MIB + 1) * 1024 * 1024);
			const webhook = standIn.state.webhooks2026.find((w) => w.id === current.subscriptionId)!;
			const before = await executionIds(ctx, current.workflow.id);
			const status = await send(
				current.url,
				signedDelivery({ generation: '2026-03-30', key: webhook.key }, JSON.stringify(envelope)),
			);
			// Not 2xx (0: n8n closed the connection), so Quo keeps the delivery and retries it.
			assert(
				status < 200 || status >= 300,
				`a ${PAYLOAD_SIZE_MAX_MIB + 1} MiB delivery answered ${status}`,
			);
			await sleep(1500);
			const after = [...(await executionIds(ctx, current.workflow.id)).keys()].filter(
				(id) => !before.has(id),
			);
			assert(after.length === 0, `it started executions ${after.join(', ')}`);
			return `${PAYLOAD_SIZE_MAX_MIB + 1} MiB signed body answered ${status === 0 ? 'no response (connection closed)' : status}; no execution`;
		},
	);
}

// The soak test's bookkeeping without n8n: the plan holds what it promises, and each count the checks rest on
// (lost, duplicates, forged accepted, wrong executions, answers) moves when n8n misbehaves.
import type { Execution } from '../real-n8n/n8n-public-api';
import { type Generation, planDeliveries, type SentDelivery, tally } from './deliveries';

const WORKFLOWS: Record<Generation, string> = { '2026-03-30': 'wf-2026', v1: 'wf-v1' };

/** Every delivery answered as n8n should: genuine and repeated 200, forged 401. */
function answered(count: number): SentDelivery[] {
	return planDeliveries(count).map((planned) => {
		const status = planned.kind === 'forged' ? 401 : 200;
		return { planned, statuses: [status], finalStatus: status, firstAttemptMs: 5 };
	});
}

function executionOf(
	planned: SentDelivery['planned'],
	id: string,
	workflowId = WORKFLOWS[planned.generation],
): Execution {
	const item = { eventId: planned.eventId, deliveryId: planned.deliveryId };
	return {
		id,
		workflowId,
		mode: 'webhook',
		status: 'success',
		finished: true,
		startedAt: '',
		stoppedAt: '',
		data: { resultData: { runData: { 'Quo Trigger': [{ data: { main: [[{ json: item }]] } }] } } },
	};
}

/** One execution per genuine event. */
function exactlyOnce(sent: SentDelivery[]): Execution[] {
	return sent
		.filter((d) => d.planned.kind === 'genuine')
		.map((d, i) => executionOf(d.planned, String(i)));
}

describe('planDeliveries', () => {
	const plan = planDeliveries(2000);

	it('has 85 % genuine, 10 % repeated and 5 % forged deliveries, over both generations', () => {
		const count = (kind: string, generation?: Generation) =>
			plan.filter((d) => d.kind === kind && (!generation || d.generation === generation)).length;
		expect([count('genuine'), count('repeated'), count('forged')]).toEqual([1700, 200, 100]);
		expect([count('genuine', '2026-03-30'), count('genuine', 'v1')]).toEqual([850, 850]);
		expect(new Set(plan.filter((d) => d.kind === 'forged').map((d) => d.signing))).toEqual(
			new Set(['wrong-key', 'tampered-body', 'none']),
		);
	});

	it('gives every genuine and forged delivery its own event id; a repeat re-sends an earlier genuine one, once', () => {
		const originals = plan.filter((d) => d.kind !== 'repeated');
		expect(new Set(originals.map((d) => d.eventId)).size).toBe(originals.length);
		const repeated = plan.flatMap((d, i) =>
			d.kind === 'repeated' ? [[i, d.repeats!] as const] : [],
		);
		for (const [at, of] of repeated) {
			expect(of).toBeLessThan(at);
			expect(plan[of].kind).toBe('genuine');
			expect([plan[at].eventId, plan[at].deliveryId, plan[at].envelope]).toEqual([
				plan[of].eventId,
				plan[of].deliveryId,
				plan[of].envelope,
			]);
		}
		expect(new Set(repeated.map(([, of]) => of)).size).toBe(repeated.length);
	});
});

describe('tally', () => {
	const sent = answered(200);
	const genuine = sent.filter((d) => d.planned.kind === 'genuine');
	const forged = sent.find((d) => d.planned.kind === 'forged')!;

	it('finds nothing wrong when each genuine event ran once', () => {
		const t = tally(sent, exactlyOnce(sent), WORKFLOWS);
		expect(t).toMatchObject({
			sent: 200,
			genuine: 170,
			repeated: 20,
			forged: 10,
			executions: 170,
			duplicates: 0,
			forgedAccepted: 0,
			lost: 0,
		});
		expect([t.unexpectedAnswers, t.wrongExecutions, t.acceptedOnRetry]).toEqual([[], [], {}]);
	});

	it('counts a lost event, a second run, a forged run and a run in the wrong workflow', () => {
		const executions = exactlyOnce(sent).slice(1);
		executions.push(
			executionOf(genuine[5].planned, 'again'),
			executionOf(forged.planned, 'forged'),
		);
		executions[0] = executionOf(genuine[1].planned, 'elsewhere', 'wf-other');
		const t = tally(sent, executions, WORKFLOWS);
		expect(t).toMatchObject({ lost: 1, duplicates: 1, forgedAccepted: 1 });
		expect(t.wrongExecutions).toEqual([expect.stringContaining('elsewhere')]);
	});

	it('reports wrong answers and deliveries accepted only on a retry', () => {
		const retried = sent.map((d) => ({ ...d }));
		Object.assign(retried[0], { statuses: [401, 200] });
		Object.assign(retried[1], { statuses: [500, 500, 500, 500], finalStatus: 500 });
		const t = tally(retried, exactlyOnce(retried), WORKFLOWS);
		expect(t.acceptedOnRetry).toEqual({ 401: 1 });
		expect(t.unexpectedAnswers).toEqual([
			`genuine ${retried[1].planned.eventId}: 500, 500, 500, 500`,
		]);
	});
});

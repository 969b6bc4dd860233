// The soak test's deliveries: a fixed plan of genuine, repeated and forged events for a 2026-03-30 and a v1 Quo
// Trigger, sent through the stand-in's deliverer (Quo's signing and retries) a few at a time, and what n8n made
// of them (its executions, matched to the events by the trigger item's event id).
import { sampleEnvelope2026, sampleLegacyEnvelope } from '../fixtures/events';
import type { SigningMode, StandIn } from '../stand-in';
import type { Execution } from '../real-n8n/n8n-public-api';
import { outputOf } from '../real-n8n/checks';
import { EVENTS_2026, EVENTS_V1, TRIGGER_NODE as TRIGGER } from '../real-n8n/quo-workflows';

export type Generation = '2026-03-30' | 'v1';
export type DeliveryKind = 'genuine' | 'repeated' | 'forged';

export interface PlannedDelivery {
	kind: DeliveryKind;
	generation: Generation;
	eventType: string;
	/** The envelope's `id`: unique per genuine and per forged delivery; a repeat carries its original's. */
	eventId: string;
	/** 2026-03-30: the `webhook-id` header (a repeat reuses its original's); v1 deliveries have none. */
	deliveryId: string | null;
	envelope: object;
	signing: SigningMode;
	/** A repeat: the index (in the plan) of the genuine delivery it repeats. */
	repeats?: number;
}

/** Quo's subscription that carries an event type to a trigger (v1 keeps one per event family). */
export type SubscriptionFor = (generation: Generation, eventType: string) => string;

/** Ways a forged delivery is signed, in turn: another key, a changed body, no signature. */
const FORGERIES: SigningMode[] = ['wrong-key', 'tampered-body', 'none'];
/** In every 20 deliveries: one forged (5 %) and two repeats (10 %); the rest genuine. */
const CYCLE = 20;
const FORGED_AT = [19];
const REPEATED_AT = [4, 14];

/** A small seeded PRNG (mulberry32), so every run repeats the same deliveries in the same order. */
function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function newEnvelope(generation: Generation, eventType: string, eventId: string): object {
	const envelope =
		generation === 'v1' ? sampleLegacyEnvelope(eventType) : sampleEnvelope2026(eventType);
	return { ...envelope, id: eventId };
}

/**
 * `count` deliveries: genuine events alternate between the generations and cycle through each trigger's events;
 * a repeat re-sends an earlier genuine delivery (any age, each at most once) with the same webhook-id / event id,
 * as Quo's retry of it would; a forged one is a new event signed badly.
 */
export function planDeliveries(count: number): PlannedDelivery[] {
	const random = seededRandom(0x5eed);
	const plan: PlannedDelivery[] = [];
	const notYetRepeated: number[] = [];
	let genuine = 0;
	let forged = 0;
	const generationOf = (n: number): Generation => (n % 2 === 0 ? '2026-03-30' : 'v1');
	const eventTypeOf = (generation: Generation, n: number) => {
		const events = generation === 'v1' ? EVENTS_V1 : EVENTS_2026;
		return events[Math.floor(n / 2) % events.length];
	};
	for (let i = 0; i < count; i++) {
		const slot = i % CYCLE;
		if (REPEATED_AT.includes(slot) && notYetRepeated.length > 0) {
			const original = notYetRepeated.splice(Math.floor(random() * notYetRepeated.length), 1)[0];
			plan.push({ ...plan[original], kind: 'repeated', repeats: original });
		} else if (FORGED_AT.includes(slot)) {
			const generation = generationOf(forged);
			const eventType = eventTypeOf(generation, forged);
			const eventId = `EVsoakForged${String(forged).padStart(6, '0')}`;
			plan.push({
				kind: 'forged',
				generation,
				eventType,
				eventId,
				deliveryId: generation === 'v1' ? null : `msg_soak_forged_${forged}`,
				envelope: newEnvelope(generation, eventType, eventId),
				signing: FORGERIES[Math.floor(forged / 2) % FORGERIES.length],
			});
			forged++;
		} else {
			const generation = generationOf(genuine);
			const eventType = eventTypeOf(generation, genuine);
			const eventId = `EVsoak${String(genuine).padStart(6, '0')}`;
			notYetRepeated.push(plan.length);
			plan.push({
				kind: 'genuine',
				generation,
				eventType,
				eventId,
				deliveryId: generation === 'v1' ? null : `msg_soak_${genuine}`,
				envelope: newEnvelope(generation, eventType, eventId),
				signing: 'valid',
			});
			genuine++;
		}
	}
	return plan;
}

export interface SentDelivery {
	planned: PlannedDelivery;
	/** The status of every attempt, retries included. */
	statuses: number[];
	finalStatus: number;
	firstAttemptMs: number;
}

/**
 * Sends a plan through the stand-in's deliverer, `concurrency` deliveries at a time, in plan order, in stretches
 * (sendUpTo), so the caller can pause between them; a repeat waits for its original's answer first (Quo retries
 * a delivery, it does not race it).
 */
export class DeliveryRun {
	private readonly finished: Array<Promise<SentDelivery>> = [];
	private next = 0;
	/** Deliveries answered so far. */
	answered = 0;

	constructor(
		private readonly standIn: StandIn,
		readonly plan: PlannedDelivery[],
		private readonly subscriptionFor: SubscriptionFor,
		private readonly concurrency: number,
		private readonly onAnswered: (answered: number) => void = () => undefined,
	) {}

	/** Sends the deliveries up to plan index `end` (exclusive); resolves with them once all are answered. */
	async sendUpTo(end: number): Promise<SentDelivery[]> {
		const from = this.next;
		const worker = async () => {
			while (this.next < end) {
				const index = this.next++;
				this.finished[index] = this.send(this.plan[index]);
				await this.finished[index];
			}
		};
		await Promise.all(Array.from({ length: Math.min(this.concurrency, end - from) }, worker));
		return Promise.all(this.finished.slice(from, end));
	}

	private async send(planned: PlannedDelivery): Promise<SentDelivery> {
		if (planned.repeats !== undefined) await this.finished[planned.repeats];
		const result = await this.standIn.deliver({
			webhookId: this.subscriptionFor(planned.generation, planned.eventType),
			envelope: planned.envelope,
			signing: planned.signing,
			...(planned.deliveryId ? { deliveryId: planned.deliveryId } : {}),
		});
		this.onAnswered(++this.answered);
		return {
			planned,
			statuses: result.attempts.map((a) => a.status),
			finalStatus: result.finalStatus,
			firstAttemptMs: result.attempts[0]?.durationMs ?? 0,
		};
	}
}

/** What the deliveries and n8n's executions add up to. */
export interface Tally {
	sent: number;
	genuine: number;
	repeated: number;
	forged: number;
	attempts: number;
	/** Attempts n8n answered with 401. */
	unauthorized: number;
	/** Genuine and repeated deliveries whose last answer was not 200, forged ones whose last answer was not 401. */
	unexpectedAnswers: string[];
	/** Genuine and repeated deliveries that n8n accepted only on a retry: `<first answer>`: how many. */
	acceptedOnRetry: Record<string, number>;
	/** Genuine and repeated deliveries that n8n answered 401 at any attempt. */
	genuineRefused: number;
	/** Executions in which the workflow ran past the trigger. */
	executions: number;
	/** Executions of repeats, which ended at the trigger with no items (after the restart, say). */
	endedAtTrigger: number;
	/** Executions beyond one per genuine event. */
	duplicates: number;
	/** Executions of forged events. */
	forgedAccepted: number;
	/** Genuine events without an execution. */
	lost: number;
	/** Executions that did not succeed, or whose trigger item is not the delivery's (wrong workflow, delivery id, no event). */
	wrongExecutions: string[];
	/** Per generation: genuine events and their executions. */
	byGeneration: Record<Generation, { genuine: number; executions: number }>;
}

export function tally(
	sent: SentDelivery[],
	executions: Execution[],
	workflowIds: Record<Generation, string>,
): Tally {
	const of = (kind: DeliveryKind) => sent.filter((d) => d.planned.kind === kind);
	const unexpectedAnswers = sent
		.filter((d) => d.finalStatus !== (d.planned.kind === 'forged' ? 401 : 200))
		.map((d) => `${d.planned.kind} ${d.planned.eventId}: ${d.statuses.join(', ')}`);
	const acceptedOnRetry: Record<string, number> = {};
	for (const d of sent) {
		if (d.planned.kind === 'forged' || d.statuses.length < 2 || d.finalStatus !== 200) continue;
		acceptedOnRetry[d.statuses[0]] = (acceptedOnRetry[d.statuses[0]] ?? 0) + 1;
	}
	const expectedById = new Map(
		sent.filter((d) => d.planned.kind !== 'repeated').map((d) => [d.planned.eventId, d.planned]),
	);
	const runsById = new Map<string, number>();
	const wrongExecutions: string[] = [];
	const ran = executions.filter((execution) => (outputOf(execution, TRIGGER)?.length ?? 0) > 0);
	const endedAtTrigger = executions.filter(
		(execution) => execution.status === 'success' && !ran.includes(execution),
	).length;
	for (const execution of executions) {
		if (!ran.includes(execution) && execution.status === 'success') continue;
		const item = outputOf(execution, TRIGGER)?.[0];
		const eventId = typeof item?.eventId === 'string' ? item.eventId : undefined;
		const planned = eventId === undefined ? undefined : expectedById.get(eventId);
		if (eventId !== undefined) runsById.set(eventId, (runsById.get(eventId) ?? 0) + 1);
		if (execution.status !== 'success') wrongExecutions.push(`${execution.id} ${execution.status}`);
		else if (!planned)
			wrongExecutions.push(
				`${execution.id}: trigger item of no planned event (${JSON.stringify(item ?? null).slice(0, 120)})`,
			);
		else if (
			execution.workflowId !== workflowIds[planned.generation] ||
			item?.deliveryId !== planned.deliveryId
		) {
			wrongExecutions.push(
				`${execution.id}: ${eventId} ran in workflow ${execution.workflowId} with delivery id ${String(item?.deliveryId)}`,
			);
		}
	}
	const genuine = of('genuine');
	const runsOf = (d: SentDelivery) => runsById.get(d.planned.eventId) ?? 0;
	const generation = (g: Generation) => {
		const events = genuine.filter((d) => d.planned.generation === g);
		return {
			genuine: events.length,
			executions: ran.filter((e) => e.workflowId === workflowIds[g]).length,
		};
	};
	return {
		sent: sent.length,
		genuine: genuine.length,
		repeated: of('repeated').length,
		forged: of('forged').length,
		attempts: sent.reduce((sum, d) => sum + d.statuses.length, 0),
		unauthorized: sent.reduce((sum, d) => sum + d.statuses.filter((s) => s === 401).length, 0),
		unexpectedAnswers,
		acceptedOnRetry,
		genuineRefused: sent.filter((d) => d.planned.kind !== 'forged' && d.statuses.includes(401))
			.length,
		executions: ran.length,
		endedAtTrigger,
		duplicates: genuine.reduce((sum, d) => sum + Math.max(0, runsOf(d) - 1), 0),
		forgedAccepted: of('forged').reduce((sum, d) => sum + runsOf(d), 0),
		lost: genuine.filter((d) => runsOf(d) === 0).length,
		wrongExecutions,
		byGeneration: { '2026-03-30': generation('2026-03-30'), v1: generation('v1') },
	};
}

function percentile(sorted: number[], p: number): number {
	return sorted.length === 0
		? NaN
		: sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** p50 and p95 of the first attempt's answer time of genuine and repeated deliveries (forged ones are refused at once). */
export function answerTimes(sent: SentDelivery[]): { p50Ms: number; p95Ms: number } {
	const times = sent
		.filter((d) => d.planned.kind !== 'forged')
		.map((d) => d.firstAttemptMs)
		.sort((a, b) => a - b);
	return { p50Ms: percentile(times, 50), p95Ms: percentile(times, 95) };
}

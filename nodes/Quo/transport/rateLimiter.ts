import { sleep } from 'n8n-workflow';

/** Quo allows each API key 10 requests per second. */
export const QUO_REQUESTS_PER_SECOND = 10;

const WINDOW_MS = 1000;

/** How often a caller waiting for an in-flight request to finish looks again. */
const POLL_MS = 10;

/** How many recent round trips the fastest one is taken from. */
const ROUND_TRIPS_KEPT = 20;

/** Room for the outward trip of a request whose round trip was the fastest seen (it is not zero). */
export const ARRIVAL_ALLOWANCE_MS = 25;

/**
 * When a finished request reached Quo, at the latest, as far as the client can tell. A round trip is the time before
 * the request left (a busy event loop), its way to Quo, Quo's work and the way back. The fastest recent round trip
 * bounds Quo's work plus the way back from below, so `finishedAt - fastestRoundTrip` plus a small allowance is at
 * or after the arrival: any extra time this request took before arriving counts, while Quo's own 150 ms of work
 * does not hold a place in the window. Never before it was sent, never after it was answered.
 */
export function latestArrival(
	startedAt: number,
	finishedAt: number,
	fastestRoundTrip: number,
): number {
	return Math.min(
		finishedAt,
		Math.max(startedAt, finishedAt - fastestRoundTrip + ARRIVAL_ALLOWANCE_MS),
	);
}

/** One request's place in the window: in flight until `countsFrom` is set. */
interface Slot {
	startedAt: number;
	countsFrom: number | null;
}

/**
 * Lets a request start only when fewer than `limit` requests are in flight or reached Quo within the last second.
 * A request in flight always holds a place; once answered, it holds it for a second from its latest possible
 * arrival (see `latestArrival`), so however late a request leaves, Quo never sees more than `limit` arrivals in any
 * second, and Quo's response time does not slow the pace (it would cap it at `limit / (1 s + latency)`).
 * Waiting callers are served in the order they arrived.
 */
export class SlidingWindowLimiter {
	private slots: Slot[] = [];

	private roundTrips: number[] = [];

	private queue: Promise<void> = Promise.resolve();

	constructor(private readonly limit: number) {}

	/** Waits for a place, and returns the function to call once the request has been answered (or failed). */
	async acquire(): Promise<() => void> {
		const turn = this.queue.then(async () => await this.waitForSlot());
		this.queue = turn.then(() => undefined);
		return await turn;
	}

	private async waitForSlot(): Promise<() => void> {
		for (;;) {
			const now = Date.now();
			this.slots = this.slots.filter(
				(slot) => slot.countsFrom === null || slot.countsFrom > now - WINDOW_MS,
			);
			if (this.slots.length < this.limit) {
				const slot: Slot = { startedAt: now, countsFrom: null };
				this.slots.push(slot);
				return () => this.release(slot);
			}
			const counted = this.slots.flatMap((slot) =>
				slot.countsFrom === null ? [] : [slot.countsFrom],
			);
			const freeAt = counted.length > 0 ? Math.min(...counted) + WINDOW_MS + 1 : now + POLL_MS;
			await sleep(Math.max(1, Math.min(freeAt - now, POLL_MS * 10)));
		}
	}

	private release(slot: Slot): void {
		if (slot.countsFrom !== null) return;
		const finishedAt = Date.now();
		this.roundTrips.push(finishedAt - slot.startedAt);
		if (this.roundTrips.length > ROUND_TRIPS_KEPT) this.roundTrips.shift();
		slot.countsFrom = latestArrival(slot.startedAt, finishedAt, Math.min(...this.roundTrips));
	}
}

const limiters = new Map<string, SlidingWindowLimiter>();

/** One limiter per credential, shared by every node of this n8n instance that uses it. */
export function limiterForCredential(credentialKey: string): SlidingWindowLimiter {
	let limiter = limiters.get(credentialKey);
	if (!limiter) {
		limiter = new SlidingWindowLimiter(QUO_REQUESTS_PER_SECOND);
		limiters.set(credentialKey, limiter);
	}
	return limiter;
}

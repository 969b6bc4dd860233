import { sleep } from 'n8n-workflow';

/** Quo allows each API key 10 requests per second. */
export const QUO_REQUESTS_PER_SECOND = 10;

const WINDOW_MS = 1000;

/** How often a caller waiting for an in-flight request to finish looks again. */
const POLL_MS = 10;

/** One request's place in the window: in flight until `finishedAt` is set. */
interface Slot {
	finishedAt: number | null;
}

/**
 * Lets a request start only when fewer than `limit` requests are in flight or finished within the last second.
 * Counting from when a request *finished* (it reached Quo before that) rather than from when it was sent means
 * that however late a request leaves or arrives (a busy event loop, a slow connection), Quo never sees more than
 * `limit` arrivals in any second. Waiting callers are served in the order they arrived.
 */
export class SlidingWindowLimiter {
	private slots: Slot[] = [];

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
			this.slots = this.slots.filter((slot) => slot.finishedAt === null || slot.finishedAt > now - WINDOW_MS);
			if (this.slots.length < this.limit) {
				const slot: Slot = { finishedAt: null };
				this.slots.push(slot);
				return () => {
					slot.finishedAt ??= Date.now();
				};
			}
			const finished = this.slots.flatMap((slot) => (slot.finishedAt === null ? [] : [slot.finishedAt]));
			const freeAt = finished.length > 0 ? Math.min(...finished) + WINDOW_MS + 1 : now + POLL_MS;
			await sleep(Math.max(1, Math.min(freeAt - now, POLL_MS * 10)));
		}
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

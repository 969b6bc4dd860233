import { sleep } from 'n8n-workflow';

/** Quo allows each API key 10 requests per second. */
export const QUO_REQUESTS_PER_SECOND = 10;

const WINDOW_MS = 1000;

/**
 * Slack added to the window: Quo counts requests when they arrive, we count them when they leave, and a
 * request on a fresh connection arrives later than one on a warm connection sent after it.
 */
const ARRIVAL_JITTER_MS = 50;

/**
 * Lets at most `limit` requests start in any window of one second (plus the jitter slack). Callers
 * await `acquire()` before each request; waiting callers are served in the order they arrived.
 */
export class SlidingWindowLimiter {
	private readonly startTimes: number[] = [];

	private queue: Promise<void> = Promise.resolve();

	constructor(private readonly limit: number) {}

	async acquire(): Promise<void> {
		const turn = this.queue.then(async () => await this.waitForSlot());
		this.queue = turn;
		await turn;
	}

	private async waitForSlot(): Promise<void> {
		for (;;) {
			const now = Date.now();
			while (this.startTimes.length > 0 && this.startTimes[0] <= now - WINDOW_MS - ARRIVAL_JITTER_MS) {
				this.startTimes.shift();
			}
			if (this.startTimes.length < this.limit) {
				this.startTimes.push(now);
				return;
			}
			await sleep(this.startTimes[0] + WINDOW_MS + ARRIVAL_JITTER_MS - now + 1);
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

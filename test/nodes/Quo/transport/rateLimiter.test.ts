import {
	ARRIVAL_ALLOWANCE_MS,
	latestArrival,
	SlidingWindowLimiter,
} from '../../../../nodes/Quo/transport/rateLimiter';

/** Most arrivals in any 1000 ms window, counted the way Quo (and the stand-in) count them. */
function busiestSecond(arrivals: number[]): number {
	const sorted = [...arrivals].sort((a, b) => a - b);
	let most = 0;
	for (let i = 0; i < sorted.length; i++) {
		const inWindow = sorted.filter((time) => time >= sorted[i] && time - sorted[i] < 1000).length;
		most = Math.max(most, inWindow);
	}
	return most;
}

interface Simulated {
	startedAt: number;
	arrivedAt: number;
	finishedAt: number;
}

/** A pause on the (faked) clock. */
async function wait(ms: number): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, ms));
}

/** A request through the limiter to a server that works `serverMs`; it leaves `departureLagMs` after it may start. */
async function simulatedRequest(
	limiter: SlidingWindowLimiter,
	departureLagMs: number,
	serverMs: number,
): Promise<Simulated> {
	const release = await limiter.acquire();
	const startedAt = Date.now();
	await wait(departureLagMs);
	const arrivedAt = Date.now();
	await wait(serverMs);
	const finishedAt = Date.now();
	release();
	return { startedAt, arrivedAt, finishedAt };
}

describe('latestArrival', () => {
	test('a request as fast as the fastest counts from just after it was sent', () => {
		expect(latestArrival(1000, 1150, 150)).toBe(1000 + ARRIVAL_ALLOWANCE_MS);
	});

	test('time a request lost before arriving counts, time Quo spent on it does not', () => {
		// Left 80 ms late, then the usual 150 ms round trip.
		expect(latestArrival(1000, 1230, 150)).toBe(1080 + ARRIVAL_ALLOWANCE_MS);
	});

	test('never before it was sent, never after it was answered', () => {
		expect(latestArrival(1000, 1003, 150)).toBe(1000);
		expect(latestArrival(1000, 1010, 2)).toBe(1010);
	});
});

/** Runs `requests` to the end on jest's fake clock: no test depends on how fast the machine is. */
async function onFakeClock<T>(requests: Array<Promise<T>>): Promise<T[]> {
	const all = Promise.all(requests);
	await jest.runAllTimersAsync();
	return await all;
}

describe('SlidingWindowLimiter', () => {
	beforeEach(() => jest.useFakeTimers({ now: 1_000_000 }));
	afterEach(() => jest.useRealTimers());

	test('Quo sees at most 10 arrivals in any second even when requests leave up to 300 ms late', async () => {
		const limiter = new SlidingWindowLimiter(10);
		const lags = Array.from({ length: 35 }, (_, i) => (i * 97) % 300);
		const requests = await onFakeClock(
			lags.map(async (lag) => await simulatedRequest(limiter, lag, 150)),
		);
		expect(busiestSecond(requests.map((request) => request.arrivedAt))).toBeLessThanOrEqual(10);
	});

	test("Quo's response time does not hold a place: the 11th request starts before the 1st finished a second ago", async () => {
		const limiter = new SlidingWindowLimiter(10);
		const requests = await onFakeClock(
			Array.from({ length: 11 }, async () => await simulatedRequest(limiter, 0, 300)),
		);
		const [first] = requests;
		const eleventh = requests[10];
		expect(eleventh.startedAt - first.arrivedAt).toBeGreaterThanOrEqual(1000);
		// Counting from completion would start it no earlier than first.finishedAt + 1000 (300 ms later).
		expect(eleventh.startedAt).toBeLessThan(first.finishedAt + 1000 - 150);
	});
});

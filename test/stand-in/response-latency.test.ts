import { startStandIn, type StandIn } from './index';
import { ManualClock } from './test-support/manual-clock';
import { callQuo } from './test-support/quo-client';
import { waitUntil } from './test-support/wait-until';

describe('stand-in response latency (responseLatencyMs)', () => {
	let standIn: StandIn;
	let clock: ManualClock;

	beforeAll(async () => {
		clock = new ManualClock();
		standIn = await startStandIn({ rateLimitPerSecond: 0, responseLatencyMs: 600, clock });
	});
	afterAll(() => standIn.close());
	beforeEach(() => standIn.reset());

	const answered = () => standIn.requests.filter((request) => request.answeredAt !== 0).length;

	it('answers no earlier than the latency after the request arrived, refusals included', async () => {
		const responses = Promise.all([
			callQuo(standIn, 'GET', '/v1/phone-numbers'),
			callQuo(standIn, 'GET', '/v1/phone-numbers', { apiKey: null }),
		]);
		await waitUntil(() => clock.waiting === 2);

		clock.advance(599);
		expect(answered()).toBe(0);
		clock.advance(1);

		expect((await responses).map((response) => response.status)).toEqual([200, 401]);
		for (const { at, answeredAt } of standIn.requests) expect(answeredAt - at).toBe(600);
	});

	it('counts the time the stand-in took itself within the latency instead of adding to it', async () => {
		standIn.addFault({ path: '/v1/phone-numbers', delayMs: 500 });
		const response = callQuo(standIn, 'GET', '/v1/phone-numbers');
		await waitUntil(() => clock.waiting === 1);

		clock.advance(500);
		// What is left of the latency after the fault's 500 ms: 100 ms, not another 600.
		await waitUntil(() => clock.waiting === 1 || answered() === 1);
		clock.advance(100);

		expect((await response).status).toBe(200);
		const [{ at, answeredAt }] = standIn.requests;
		expect(answeredAt - at).toBe(600);
	});
});

import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';

describe('stand-in response latency (responseLatencyMs)', () => {
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn({ rateLimitPerSecond: 0, responseLatencyMs: 600 });
	});
	afterAll(() => standIn.close());
	beforeEach(() => standIn.reset());

	it('answers no earlier than the latency after the request arrived, refusals included', async () => {
		const startedAt = Date.now();

		const [ok, refused] = await Promise.all([
			callQuo(standIn, 'GET', '/v1/phone-numbers'),
			callQuo(standIn, 'GET', '/v1/phone-numbers', { apiKey: null }),
		]);

		expect([ok.status, refused.status]).toEqual([200, 401]);
		expect(Date.now() - startedAt).toBeGreaterThanOrEqual(590);
		// Each request records when it arrived and when it was answered.
		for (const { at, answeredAt } of standIn.requests) expect(answeredAt - at).toBeGreaterThanOrEqual(600);
	});

	it('counts the time the stand-in took itself within the latency instead of adding to it', async () => {
		standIn.addFault({ path: '/v1/phone-numbers', delayMs: 500 });
		const startedAt = Date.now();

		const response = await callQuo(standIn, 'GET', '/v1/phone-numbers');

		expect(response.status).toBe(200);
		const elapsed = Date.now() - startedAt;
		expect(elapsed).toBeGreaterThanOrEqual(590);
		// Added up, the fault's 500 ms and the latency would take 1,100 ms.
		expect(elapsed).toBeLessThan(1000);
	});
});

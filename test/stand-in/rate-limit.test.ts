import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';

describe('stand-in rate limit', () => {
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn({ apiKeys: ['key-a', 'key-b'] });
	});
	afterAll(() => standIn.close());
	/** The stand-in's clock: it admits by Date.now(); held still, a burst arrives within one second however slow the machine. */
	let clock = 0;
	beforeEach(() => {
		standIn.reset();
		standIn.setRateLimit(10);
		clock = Date.now();
		jest.spyOn(Date, 'now').mockImplementation(() => clock);
	});
	afterEach(() => jest.restoreAllMocks());

	const burst = (count: number, apiKey = 'key-a') =>
		Promise.all(
			Array.from({ length: count }, () => callQuo(standIn, 'GET', '/v1/phone-numbers', { apiKey })),
		);

	it('refuses the requests beyond 10 in a second with 429, then recovers', async () => {
		const statuses = (await burst(15)).map((response) => response.status);

		expect(statuses.filter((status) => status === 200)).toHaveLength(10);
		expect(statuses.filter((status) => status === 429)).toHaveLength(5);
		expect(standIn.requests.filter((request) => request.status === 429)).toHaveLength(5);

		clock += 1001;
		expect((await callQuo(standIn, 'GET', '/v1/phone-numbers', { apiKey: 'key-a' })).status).toBe(
			200,
		);
	});

	it('answers 429 with a Quo error body', async () => {
		standIn.setRateLimit(1);
		const [, refused] = await burst(2);

		expect(refused?.status).toBe(429);
		expect(refused?.json).toMatchObject({
			message: 'Too many requests',
			code: '0000429',
			status: 429,
			title: 'Too Many Requests',
			docs: 'https://quo.com/docs',
		});
	});

	it('counts each API key separately', async () => {
		standIn.setRateLimit(2);
		const [a, b] = await Promise.all([burst(3, 'key-a'), burst(3, 'key-b')]);

		expect(a.filter((response) => response.status === 429)).toHaveLength(1);
		expect(b.filter((response) => response.status === 429)).toHaveLength(1);
	});

	it('can be switched off with 0 or Infinity', async () => {
		standIn.setRateLimit(0);
		expect((await burst(15)).every((response) => response.status === 200)).toBe(true);
		standIn.setRateLimit(Infinity);
		expect((await burst(15)).every((response) => response.status === 200)).toBe(true);
	});
});

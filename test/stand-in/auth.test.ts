import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';

describe('stand-in auth', () => {
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn({ apiKeys: ['first-key', 'second-key'] });
	});
	afterAll(() => standIn.close());
	beforeEach(() => standIn.reset());

	it('answers a missing key with the live 401 shape', async () => {
		const response = await callQuo(standIn, 'GET', '/v1/phone-numbers', { apiKey: null });

		expect(response.status).toBe(401);
		expect(response.json).toEqual({
			error: {
				message: 'Unauthorized',
				key: 'Unauthorized',
				trace: expect.stringMatching(/^\d+$/),
			},
		});
		expect(standIn.requests[0]).toMatchObject({ status: 401, apiKey: null });
	});

	it('refuses an unknown key and a Bearer-prefixed key', async () => {
		const unknown = await callQuo(standIn, 'GET', '/v1/phone-numbers', { apiKey: 'nope' });
		const bearer = await callQuo(standIn, 'GET', '/v1/phone-numbers', {
			apiKey: 'Bearer first-key',
		});

		expect([unknown.status, bearer.status]).toEqual([401, 401]);
		expect(bearer.json.error.key).toBe('Unauthorized');
		expect(standIn.requests.map((request) => request.apiKey)).toEqual(['nope', 'Bearer first-key']);
	});

	it('accepts every configured key as the raw Authorization header', async () => {
		expect(standIn.apiKey).toBe('first-key');
		const first = await callQuo(standIn, 'GET', '/v1/phone-numbers', { apiKey: 'first-key' });
		const second = await callQuo(standIn, 'GET', '/v1/phone-numbers', { apiKey: 'second-key' });

		expect([first.status, second.status]).toEqual([200, 200]);
	});

	it('asks for the key on the 2026-03-30 surface too', async () => {
		const response = await callQuo(standIn, 'GET', '/webhooks', { apiKey: null });

		expect(response.status).toBe(401);
		expect(response.json.error.message).toBe('Unauthorized');
	});

	it('generates a key when none is configured', async () => {
		const generated = await startStandIn({ openApiDir: null });
		try {
			expect(generated.apiKey).toMatch(/^[A-Za-z0-9]{32}$/);
			expect((await callQuo(generated, 'GET', '/v1/phone-numbers')).status).toBe(200);
		} finally {
			await generated.close();
		}
	});
});

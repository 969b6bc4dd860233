import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';

const versionMessage =
	'Unsupported or missing Quo-Api-Version header. Supported versions: 2026-03-30';

describe('stand-in Quo-Api-Version header', () => {
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn();
	});
	afterAll(() => standIn.close());
	beforeEach(() => standIn.reset());

	it('refuses unprefixed paths without the header, before checking the key', async () => {
		const response = await callQuo(standIn, 'GET', '/webhooks', { version: null, apiKey: null });

		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({
			message: versionMessage,
			status: 400,
			title: 'Bad Request',
			docs: 'https://quo.com/docs',
		});
	});

	it('refuses other versions', async () => {
		const response = await callQuo(standIn, 'GET', '/webhooks', { version: '2025-01-01' });

		expect(response.status).toBe(400);
		expect(response.json.message).toBe(versionMessage);
	});

	it('takes the header name in any case', async () => {
		const response = await callQuo(standIn, 'GET', '/webhooks', {
			version: null,
			headers: { 'QUO-API-VERSION': '2026-03-30' },
		});

		expect(response.status).toBe(200);
	});

	it('does not need the header on /v1 paths and records what came', async () => {
		const without = await callQuo(standIn, 'GET', '/v1/phone-numbers');
		const withHeader = await callQuo(standIn, 'GET', '/v1/phone-numbers', {
			version: '2026-03-30',
		});

		expect([without.status, withHeader.status]).toEqual([200, 200]);
		expect(standIn.requests.map((request) => request.headers['quo-api-version'])).toEqual([
			undefined,
			'2026-03-30',
		]);
	});
});

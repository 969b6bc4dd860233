import { NodeApiError } from 'n8n-workflow';

import { QuoApi } from '../../credentials/QuoApi.credentials';
import { testCredential } from '../harness/credentialTest';
import { TransportProbe } from '../harness/probeNode';
import { N8nRuntime } from '../harness/runtime';
import { answer, type LoopbackServer, startLoopbackServer } from './loopbackServer';

// The API key must never follow a redirect: n8n-core re-attaches the Authorization header on a redirect to another
// origin unless told otherwise. A second port on 127.0.0.1 is another origin.

const API_KEY = 'qk_test_redirects_4f9a2c7e1b3d5a8c';
const probe = { nodeType: new TransportProbe(), parameters: {} };

let elsewhere: LoopbackServer;
let redirecting: LoopbackServer;
let runtime: N8nRuntime;

beforeAll(async () => {
	elsewhere = await startLoopbackServer((_request, response) =>
		answer(response, 200, { data: [] }),
	);
	redirecting = await startLoopbackServer((request, response) => {
		response.writeHead(307, { location: `${elsewhere.url}${request.url}` }).end();
	});
	runtime = new N8nRuntime({ baseUrl: redirecting.url, apiKey: API_KEY });
});

afterAll(async () => {
	await redirecting?.close();
	await elsewhere?.close();
});

beforeEach(() => {
	redirecting.received.length = 0;
	elsewhere.received.length = 0;
});

async function outcomeOf(spec: object): Promise<unknown> {
	return await runtime.execute(probe, [{ json: spec as never }]).then(
		(output) => output,
		(thrown: unknown) => thrown,
	);
}

test.each([
	['a read', { method: 'GET', path: '/v1/phone-numbers' }],
	[
		'a message send',
		{
			method: 'POST',
			path: '/v1/messages',
			body: { content: 'hi', from: '+15555550101', to: ['+15555550100'] },
		},
	],
])(
	'%s answered with a 307 to another origin is an error, and the other origin receives nothing',
	async (_what, spec) => {
		const outcome = await outcomeOf(spec);

		expect(redirecting.received).toHaveLength(1);
		expect(redirecting.received[0]!.headers.authorization).toBe(API_KEY);
		expect(
			elsewhere.received.map(({ method, headers, body }) => ({
				method,
				authorization: headers.authorization,
				body,
			})),
		).toEqual([]);
		expect(outcome).toBeInstanceOf(NodeApiError);
		const error = outcome as NodeApiError;
		expect(error.httpCode).toBe('307');
		expect(error.message).toBe(
			`Quo's API answered 307 and redirected to ${elsewhere.host}: the Quo nodes do not follow redirects; check the Base URL in the Quo API credential`,
		);
	},
);

test("the credential's Test, answered with a 307 to another origin, fails and sends the key nowhere else", async () => {
	const verdict = await testCredential(runtime, new QuoApi(), probe);

	expect(verdict.status).toBe('Error');
	expect(redirecting.received).toHaveLength(1);
	expect(elsewhere.received).toEqual([]);
});

import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import { QuoApi } from '../../credentials/QuoApi.credentials';
import { testCredential } from '../harness/credentialTest';
import { TransportProbe } from '../harness/probeNode';
import { N8nRuntime } from '../harness/runtime';
import { useStandIn } from '../harness/standInRuntime';

const session = useStandIn();
const probe = { nodeType: new TransportProbe(), parameters: {} };

describe('Quo API credential', () => {
	test('its test request passes against Quo with a valid key, sending the raw key with no Bearer prefix', async () => {
		const verdict = await testCredential(session.runtime, new QuoApi(), probe);
		expect(verdict).toEqual({ status: 'OK' });
		const [request] = session.standIn.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/v1/phone-numbers');
		expect(request.headers.authorization).toBe(session.standIn.apiKey);
	});

	test('with a wrong key, the test says Quo refused the key and where to get one', async () => {
		const wrong = new N8nRuntime({ baseUrl: session.standIn.url, apiKey: 'not-a-quo-key' });
		const verdict = await testCredential(wrong, new QuoApi(), probe);
		expect(verdict).toEqual({
			status: 'Error',
			message: expect.stringMatching(
				/^Quo refused this API key \(401\)\. Copy it again from Quo: Settings → API/,
			),
		});
	});

	test('with a Base URL of another web server, the test says to use https://api.quo.com', async () => {
		const otherServer = createServer((_request, response) =>
			response.writeHead(404).end('Not Found'),
		);
		await new Promise<void>((resolve) => otherServer.listen(0, '127.0.0.1', resolve));
		try {
			const { port } = otherServer.address() as AddressInfo;
			const elsewhere = new N8nRuntime({
				baseUrl: `http://127.0.0.1:${port}`,
				apiKey: session.standIn.apiKey,
			});
			const verdict = await testCredential(elsewhere, new QuoApi(), probe);
			expect(verdict).toEqual({
				status: 'Error',
				message: expect.stringContaining('use https://api.quo.com'),
			});
		} finally {
			otherServer.close();
		}
	});

	test('a Base URL where nothing listens gives the network code, and the field says what that means', async () => {
		const nowhere = new N8nRuntime({
			baseUrl: 'http://127.0.0.1:9',
			apiKey: session.standIn.apiKey,
		});
		const verdict = await testCredential(nowhere, new QuoApi(), probe);
		expect(verdict).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
		const baseUrl = new QuoApi().properties.find((property) => property.name === 'baseUrl');
		expect(baseUrl?.hint).toMatch(/ECONNREFUSED.*check the Base URL/);
	});

	test('the credential picker finds it by "openphone" as well as "quo"', () => {
		// n8n's picker: displayName.toLowerCase().includes(search)
		const name = new QuoApi().displayName.toLowerCase();
		expect(['openphone', 'quo'].filter((search) => name.includes(search))).toEqual([
			'openphone',
			'quo',
		]);
	});
});

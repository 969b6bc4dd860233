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

	test('its test request fails with a wrong key', async () => {
		const wrong = new N8nRuntime({ baseUrl: session.standIn.url, apiKey: 'not-a-quo-key' });
		const verdict = await testCredential(wrong, new QuoApi(), probe);
		expect(verdict).toMatchObject({ status: 'Error', httpCode: '401' });
	});
});

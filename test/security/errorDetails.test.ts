import { NodeApiError } from 'n8n-workflow';

import { QuoTrigger } from '../../nodes/Quo/QuoTrigger.node';
import { TransportProbe } from '../harness/probeNode';
import { N8nRuntime } from '../harness/runtime';
import { quoNode } from '../nodes/Quo/actions/support';
import { recordSecret } from '../secrets/ledger';
import { signingKeySecret } from '../secrets/secretForms';
import { answer, type LoopbackServer, startLoopbackServer } from './loopbackServer';

// A webhook's signing key must never reach an error's details (message, description, errorResponse): n8n shows them
// in the editor, keeps them in execution data and logs them. The keys below are reported to the secret scan too
// (test/secrets), which looks through everything the nodes throw.

const STANDARD_KEY = `whsec_${Buffer.from('c2f1e0d9b8a7968574635241302f1e0d9c8b7a69', 'hex').toString('base64')}`;
const LEGACY_KEY = Buffer.from(
	'5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c0d',
	'hex',
).toString('base64');
recordSecret(signingKeySecret(STANDARD_KEY, 'a 2026-03-30 key in an answer of a loopback server'));
recordSecret(signingKeySecret(LEGACY_KEY, 'a v1 key in an answer of a loopback server'));

let server: LoopbackServer;
let runtime: N8nRuntime;

beforeAll(async () => {
	server = await startLoopbackServer((request, response) => {
		const route = `${request.method} ${request.url.split('?')[0]}`;
		switch (route) {
			// A created webhook that is no subscription as the nodes know it: a numeric id, events as a string.
			case 'POST /webhooks':
				return answer(response, 201, {
					data: {
						id: 42,
						key: STANDARD_KEY,
						url: 'https://example.com/hook',
						events: ['message.received'],
					},
				});
			case 'POST /v1/webhooks/messages':
				return answer(response, 201, {
					data: {
						id: 'WH1',
						key: LEGACY_KEY,
						url: 'https://example.com/hook',
						events: 'message.received',
					},
				});
			// The live error envelope, whose `key` names the error, holding a signing key instead.
			case 'GET /v1/webhooks':
				return answer(response, 403, {
					error: { message: 'Forbidden', key: LEGACY_KEY, trace: 't-1' },
				});
			// Quo's message quoting a key back.
			default:
				return answer(response, 400, {
					message: `Signing key ${STANDARD_KEY} does not match`,
					code: '0300400',
					status: 400,
				});
		}
	});
	runtime = new N8nRuntime({
		baseUrl: server.url,
		apiKey: 'qk_test_error_details_2d4f6a8c0e1b3d5f',
	});
});

afterAll(async () => await server?.close());

/** What an error holds in its details, as one text: everything n8n shows, stores or logs of it. */
function detailsOf(error: NodeApiError): string {
	return JSON.stringify({
		message: error.message,
		description: error.description,
		messages: error.messages,
		errorResponse: error.errorResponse,
	});
}

function expectNoKeyIn(error: unknown): NodeApiError {
	expect(error).toBeInstanceOf(NodeApiError);
	const details = detailsOf(error as NodeApiError);
	for (const key of [STANDARD_KEY, STANDARD_KEY.slice('whsec_'.length), LEGACY_KEY])
		expect(details).not.toContain(key);
	return error as NodeApiError;
}

test("a created 2026-03-30 webhook that is no subscription: the trigger's error leaves its key out", async () => {
	const setup = {
		nodeType: new QuoTrigger(),
		parameters: { apiVersion: '2026-03-30', events: ['message.received'] },
		webhookId: 'error-details',
	};
	const { workflow, node } = runtime.workflow(setup);

	const error = await runtime
		.hook(setup, 'create', workflow, node)
		.catch((thrown: unknown) => thrown);

	expect(expectNoKeyIn(error).message).toBe(
		"Quo's answer to creating a webhook has no webhook in it",
	);
	expect((error as NodeApiError).errorResponse).toMatchObject({
		answer: { data: { id: 42, key: '[redacted]' } },
	});
});

test("a created v1 webhook that is no subscription: the Quo node's error leaves its key out", async () => {
	const parameters = {
		resource: 'webhook',
		operation: 'create',
		apiVersion: 'v1',
		url: 'https://example.com/hook',
		events: ['message.received'],
	};

	const error = await runtime
		.execute({ nodeType: quoNode, parameters })
		.catch((thrown: unknown) => thrown);

	expect(expectNoKeyIn(error).message).toBe(
		"Quo's answer to creating a messages webhook has no webhook in it",
	);
});

test("a key in Quo's error message is redacted", async () => {
	const error = await runtime
		.execute({ nodeType: new TransportProbe(), parameters: {} }, [
			{ json: { method: 'GET', path: '/v1/phone-numbers' } },
		])
		.catch((thrown: unknown) => thrown);

	expect(expectNoKeyIn(error).message).toBe('Signing key [redacted] does not match');
});

test("a signing key where Quo's live error envelope names the error is not shown as its code", async () => {
	const error = await runtime
		.execute({ nodeType: new TransportProbe(), parameters: {} }, [
			{ json: { method: 'GET', path: '/v1/webhooks' } },
		])
		.catch((thrown: unknown) => thrown);

	expect(expectNoKeyIn(error).message).toBe('Forbidden');
	expect((error as NodeApiError).errorResponse).toMatchObject({ code: null, status: 403 });
});

import { NodeApiError } from 'n8n-workflow';

import { N8nRuntime } from '../harness/runtime';
import { WebhookReceiver } from '../harness/webhookReceiver';
import { examine, recordSecret, takeFindings } from './ledger';
import { LeakyNode, type LeakOrder, LeakyTrigger } from './leakyNodes';
import type { Location } from './policy';
import { signingKeySecret } from './secretForms';

// The secret scan must be able to fail: each test here plants a secret and takes the findings itself, so that
// the scan's afterEach (test/setup/secretScan.ts), which fails any test with findings left, passes.

const API_KEY = 'qk_live/5d0f+8a1c9e7b=4a2f8c6d3e1b0a9f7c5e';
const KEY_BYTES = Buffer.from('9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822c', 'hex');
const STANDARD_KEY = `whsec_${KEY_BYTES.toString('base64')}`;
const LEGACY_KEY = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64');

const runtime = new N8nRuntime({ baseUrl: 'http://127.0.0.1:9', apiKey: API_KEY });
recordSecret(signingKeySecret(STANDARD_KEY, 'a 2026-03-30 key planted by this test'));
recordSecret(signingKeySecret(LEGACY_KEY, 'a v1 key planted by this test'));

const triggerOutput: Location = { channel: 'output', source: 'quoTrigger' };

describe('forms', () => {
	test.each([
		['as Quo gives it', 'as Quo gives it', STANDARD_KEY],
		['as its base64 part', 'base64 part', `Bearer ${KEY_BYTES.toString('base64')}`],
		['in base64url', 'base64url', `?k=${KEY_BYTES.toString('base64url')}`],
		['in hex', 'hex', `key ${KEY_BYTES.toString('hex')} `],
		['as its bytes decoded as text', 'raw bytes', `decoded: ${KEY_BYTES.toString('latin1')}`],
		['as its bytes in a buffer', 'raw bytes', Buffer.concat([Buffer.from('prefix'), KEY_BYTES])],
	])('a signing key is found %s', (_how, form, leaked) => {
		examine(triggerOutput, [{ json: { note: leaked } }]);

		expect(takeFindings()).toEqual([
			`signing key (a 2026-03-30 key planted by this test) in quoTrigger output at [0].json.note, ${form}`,
		]);
	});

	test('a v1 key is found as Quo gives it', () => {
		examine(triggerOutput, { legacy: LEGACY_KEY });

		expect(takeFindings()).toEqual([
			'signing key (a v1 key planted by this test) in quoTrigger output at .legacy, as Quo gives it',
		]);
	});

	test.each([
		['as typed', API_KEY],
		['URL-encoded', `?key=${encodeURIComponent(API_KEY)}`],
		['base64', Buffer.from(API_KEY).toString('base64')],
	])('an API key is found (%s)', (form, leaked) => {
		examine(
			{ channel: 'n8n log', source: 'logger.info' },
			{ message: 'request', metadata: { url: leaked } },
		);

		expect(takeFindings()).toEqual([
			`API key (the API key of a test credential) in logger.info n8n log at .metadata.url, ${form}`,
		]);
	});

	test('a report names the secret, never shows it', () => {
		examine(triggerOutput, { a: API_KEY, b: STANDARD_KEY });

		const found = takeFindings();
		expect(found).toHaveLength(2);
		expect(found.join('\n')).not.toContain(API_KEY.slice(8));
		expect(found.join('\n')).not.toContain(KEY_BYTES.toString('base64').slice(0, 8));
	});

	test('a value too deep to look through to the end is reported, not passed', () => {
		let deep: object = { key: API_KEY };
		for (let level = 0; level < 100; level++) deep = { deeper: deep };

		examine(triggerOutput, deep);

		expect(takeFindings()).toEqual([
			expect.stringMatching(
				/^quoTrigger output too large or too deep to examine, from (\.deeper)+ on$/,
			),
		]);
	});
});

describe('errors', () => {
	test('every field n8n shows, logs or stores is looked through: description, context, cause, toJSON()', () => {
		const node = runtime.workflow({ nodeType: new LeakyNode(), parameters: {} }).node;
		const described = new NodeApiError(
			node,
			{ message: 'x' },
			{ message: 'Forbidden', description: `key ${API_KEY}` },
		);
		const withContext = new NodeApiError(node, { message: 'x' }, { message: 'Forbidden' });
		withContext.context.request = { authorization: API_KEY };
		const withCause = new Error('Could not reach Quo', {
			cause: { config: { headers: { Authorization: API_KEY } } },
		});
		const onlyWhenSerialized = { toJSON: () => ({ header: API_KEY }) };

		for (const error of [described, withContext, withCause, onlyWhenSerialized])
			examine({ channel: 'error', source: 'quo' }, error);

		expect(takeFindings().map((message) => message.replace(/.* at /, ''))).toEqual([
			'.description, as typed',
			'.toJSON().description, as typed',
			'.context.request.authorization, as typed',
			'.cause.config.headers.Authorization, as typed',
			'.toJSON().header, as typed',
		]);
	});
});

describe('signing keys no test handed out', () => {
	const node = runtime.workflow({ nodeType: new LeakyNode(), parameters: {} }).node;
	const unlistedStandard = `whsec_${Buffer.from('a key only a server in a test knew').toString('base64')}`;
	const unlistedLegacy = Buffer.from('another key only a server in a test knew').toString('base64');

	test("are found in an error's description and details by their form: whsec_ texts, and base64 in key fields", () => {
		const error = new NodeApiError(
			node,
			{ message: 'x', answer: { data: { id: 'WH1', key: unlistedLegacy } } },
			{
				message: 'Quo refused',
				description: `Signing key ${unlistedStandard} does not match`,
			},
		);

		examine({ channel: 'error', source: 'quo' }, error);

		expect(
			takeFindings().map((message) =>
				message.replace(/^signing key \(one no test handed out\) in quo error at /, ''),
			),
		).toEqual([
			'.description, by its whsec_ prefix',
			'.errorResponse.answer.data.key, by its field name',
			'.toJSON().description, by its whsec_ prefix',
		]);
	});

	test('are not looked for outside errors, nor in key fields that hold no key or lie outside the details', () => {
		const error = new NodeApiError(
			node,
			{ message: 'x', answer: { data: { key: '[redacted]' } } },
			{ message: 'Quo refused' },
		);
		error.context.customField = { key: 'a custom field key, not a signing key' };

		examine({ channel: 'error', source: 'quo' }, error);
		examine({ channel: 'output', source: 'quo', operation: 'contact.get' }, [
			{ json: { customFields: [{ key: 'vip', value: unlistedLegacy }] } },
		]);

		expect(takeFindings()).toEqual([]);
	});

	test('a key a test handed out is reported as that key, not again by its form', () => {
		examine({ channel: 'error', source: 'quo' }, { errorResponse: { key: STANDARD_KEY } });

		expect(takeFindings()).toEqual([
			'signing key (a 2026-03-30 key planted by this test) in quo error at .errorResponse.key, as Quo gives it',
		]);
	});
});

describe('where keys belong', () => {
	test('a signing key: in static data, and in the key field of what Create and Rotate Secret hand to the user', () => {
		examine(
			{ channel: 'static data', source: 'quoTrigger' },
			{ 'node:Quo Trigger': { subscriptions: [{ id: '1', key: STANDARD_KEY }] } },
		);
		examine({ channel: 'output', source: 'quo', operation: 'webhook.create' }, [
			{ json: { id: '1', key: STANDARD_KEY } },
		]);
		examine({ channel: 'output', source: 'quo', operation: 'webhook.rotateSecret' }, [
			{ json: { id: '1', key: STANDARD_KEY } },
		]);

		expect(takeFindings()).toEqual([]);
	});

	test('nowhere else: another field of the same output, Get, the trigger, its log, its answer to Quo', () => {
		examine({ channel: 'output', source: 'quo', operation: 'webhook.create' }, [
			{ json: { label: STANDARD_KEY } },
		]);
		examine({ channel: 'output', source: 'quo', operation: 'webhook.get' }, [
			{ json: { key: STANDARD_KEY } },
		]);
		examine(
			{ channel: 'output', source: 'quoTrigger' },
			{ workflowData: [[{ json: { key: STANDARD_KEY } }]] },
		);
		examine(
			{ channel: 'n8n log', source: 'logger.warn' },
			{ message: `rotated to ${STANDARD_KEY}` },
		);
		examine({ channel: 'answer to Quo', source: 'quoTrigger' }, STANDARD_KEY);

		expect(
			takeFindings().map((message) => message.replace(/^signing key \(.*?\) in /, '')),
		).toEqual([
			'quo webhook.create output at [0].json.label, as Quo gives it',
			'quo webhook.get output at [0].json.key, as Quo gives it',
			'quoTrigger output at .workflowData[0][0].json.key, as Quo gives it',
			'logger.warn n8n log at .message, as Quo gives it',
			'quoTrigger answer to Quo at the value itself, as Quo gives it',
		]);
	});

	test('the API key: not even in static data', () => {
		examine(
			{ channel: 'static data', source: 'quoTrigger' },
			{ 'node:Quo Trigger': { apiKey: API_KEY } },
		);

		expect(takeFindings()).toEqual([
			'API key (the API key of a test credential) in quoTrigger static data at ["node:Quo Trigger"].apiKey, as typed',
		]);
	});
});

describe('a node run in the harness', () => {
	const leaky = { nodeType: new LeakyNode(), parameters: {} };

	async function run(order: LeakOrder): Promise<void> {
		await runtime.execute(leaky, [{ json: order as never }]).catch(() => undefined);
	}

	test.each([
		['n8n log', 'logger.debug n8n log at .metadata.headers.authorization'],
		['console', 'console.log console at [1]'],
		['output', 'leaky output at [0].json.nested[0].note'],
		['binary metadata', 'leaky output at [0].binary.recording.fileName'],
		['execution data', 'leaky execution data at .executionData.contextData["node:Leaky"].lastKey'],
		['error', 'leaky error at .description'],
		['error response', 'leaky error at .errorResponse.request.headers.authorization'],
	] as const)('is caught letting the API key out through its %s', async (way, where) => {
		await run({ way, secret: 'apiKey' });

		expect(takeFindings()).toContainEqual(
			`API key (the API key of a test credential) in ${where}, as typed`,
		);
	});

	test('a trigger is caught emitting its signing key and telling Quo', async () => {
		const receiver = await WebhookReceiver.start();
		try {
			const setup = { nodeType: new LeakyTrigger(), parameters: {}, webhookId: 'leaky' };
			const { workflow, node } = runtime.workflow(setup, {
				'node:Leaky Trigger': { key: STANDARD_KEY },
			});
			receiver.serve(runtime, setup, workflow, node);

			await fetch(`${receiver.baseUrl}webhook/leaky/webhook`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});

			expect(
				takeFindings().map((message) => message.replace(/^signing key \(.*?\) in /, '')),
			).toEqual([
				'leakyTrigger answer to Quo at the value itself, as Quo gives it',
				'leakyTrigger output at .workflowData[0][0].json.key, as Quo gives it',
			]);
		} finally {
			await receiver.close();
		}
	});
});

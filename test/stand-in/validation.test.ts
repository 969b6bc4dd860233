import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';
import { describeWithSpecs, openApiDir } from './test-support/spec-availability';

const validWebhook = { url: 'https://example.com/hook', events: ['message.received'] };

describeWithSpecs('stand-in request validation against the OpenAPI documents', () => {
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn({ openApiDir, rateLimitPerSecond: 0 });
	});
	afterAll(() => standIn.close());
	beforeEach(() => standIn.reset());

	it('answers an invalid v1 webhook body with 400 and Quo errors', async () => {
		const response = await callQuo(standIn, 'POST', '/v1/webhooks/messages', {
			body: { url: 'not a url', events: ['call.completed'] },
		});

		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({
			message: 'The input was invalid',
			code: '0300400',
			status: 400,
			title: 'Bad Request',
			docs: 'https://quo.com/docs',
		});
		expect(response.json.errors).toEqual(
			expect.arrayContaining([
				{
					path: '/url',
					message: 'must match format "uri"',
					value: 'not a url',
					schema: { type: 'string' },
				},
				expect.objectContaining({ path: '/events/0', value: 'call.completed' }),
			]),
		);
		expect(standIn.state.webhooksV1).toHaveLength(0);
		expect(standIn.requests[0]?.validationErrors).toEqual(
			expect.arrayContaining(['body /url: must match format "uri"']),
		);
	});

	it('reports missing required body fields and a missing body', async () => {
		const missingUrl = await callQuo(standIn, 'POST', '/v1/webhooks/calls', {
			body: { events: ['call.completed'] },
		});
		const noBody = await callQuo(standIn, 'POST', '/v1/webhooks/calls');

		expect(missingUrl.json.errors).toEqual([
			{ path: '/url', message: 'Expected required property', schema: { type: 'string' } },
		]);
		expect(noBody.status).toBe(400);
		expect(noBody.json.errors[0].message).toBe('Expected a JSON request body');
	});

	it('refuses a body that is not JSON or not sent as JSON', async () => {
		const broken = await callQuo(standIn, 'POST', '/webhooks', { rawBody: '{"url":' });
		const textPlain = await callQuo(standIn, 'POST', '/webhooks', {
			body: validWebhook,
			headers: { 'Content-Type': 'text/plain' },
		});

		expect(broken.status).toBe(400);
		expect(broken.json.errors[0].message).toBe('Expected a JSON body');
		expect(textPlain.status).toBe(400);
		expect(textPlain.json.errors[0].message).toBe('Expected content-type application/json');
	});

	it('checks resourceIds against the PN pattern or ["*"]', async () => {
		const wrongId = await callQuo(standIn, 'POST', '/v1/webhooks/messages', {
			body: { ...validWebhook, resourceIds: ['US123'] },
		});
		const mixed = await callQuo(standIn, 'POST', '/webhooks', {
			body: { ...validWebhook, resourceIds: ['*', 'PNabc'] },
		});
		const phoneNumbers = await callQuo(standIn, 'POST', '/v1/webhooks/messages', {
			body: { ...validWebhook, resourceIds: ['PNabc', 'PNdef'] },
		});

		expect(wrongId.status).toBe(400);
		expect(wrongId.json.errors).toContainEqual(
			expect.objectContaining({ path: '/resourceIds/0', message: 'must match pattern "^PN(.*)$"' }),
		);
		expect(mixed.status).toBe(400);
		expect(phoneNumbers.status).toBe(201);
	});

	it('accepts only the events of the endpoint family', async () => {
		const summary = await callQuo(standIn, 'POST', '/v1/webhooks/call-summaries', {
			body: { ...validWebhook, events: ['call.summary.completed'] },
		});
		const wrongFamily = await callQuo(standIn, 'POST', '/v1/webhooks/call-summaries', {
			body: { ...validWebhook, events: ['call.transcript.completed'] },
		});

		expect(summary.status).toBe(201);
		expect(wrongFamily.status).toBe(400);
	});

	it('rejects unknown query parameters, including bracketed array keys', async () => {
		const unknown = await callQuo(standIn, 'GET', '/v1/phone-numbers?foo=1');
		const brackets = await callQuo(
			standIn,
			'GET',
			'/v1/messages?phoneNumberId=PNabc&maxResults=10&participants[]=%2B15555550100',
		);
		const indexed = await callQuo(
			standIn,
			'GET',
			'/v1/messages?phoneNumberId=PNabc&maxResults=10&participants[0]=%2B15555550100',
		);

		expect(unknown.status).toBe(400);
		expect(unknown.json.errors).toEqual([
			{ path: '/foo', message: 'Unknown query parameter', value: '1', schema: { type: 'never' } },
		]);
		expect(brackets.status).toBe(400);
		expect(brackets.json.errors).toContainEqual(
			expect.objectContaining({ path: '/participants[]' }),
		);
		expect(indexed.json.errors).toContainEqual(
			expect.objectContaining({ path: '/participants[0]' }),
		);
	});

	it('takes arrays as repeated keys and coerces values per schema type', async () => {
		await callQuo(
			standIn,
			'GET',
			'/v1/messages?phoneNumberId=PNabc&maxResults=10&participants=%2B15555550100&participants=%2B15555550101',
		);
		const tooMany = await callQuo(standIn, 'GET', '/v1/users?maxResults=51');
		const notANumber = await callQuo(standIn, 'GET', '/v1/users?maxResults=ten');
		const missing = await callQuo(standIn, 'GET', '/v1/users');

		expect(standIn.requests[0]).toMatchObject({
			operationId: 'listMessages_v1',
			validationErrors: [],
		});
		expect(tooMany.json.errors).toEqual([
			{ path: '/maxResults', message: 'must be <= 50', value: 51, schema: { type: 'integer' } },
		]);
		expect(tooMany.json.code).toBe('1100400');
		expect(notANumber.json.errors[0]).toMatchObject({
			path: '/maxResults',
			message: 'must be integer',
		});
		expect(missing.json.errors).toEqual([
			{ path: '/maxResults', message: 'Expected required property', schema: { type: 'integer' } },
		]);
	});

	it("checks path parameters against their patterns, with the operation's own code", async () => {
		const v1 = await callQuo(standIn, 'GET', '/v1/webhooks/123');
		const current = await callQuo(standIn, 'GET', '/webhooks/WHabc');
		const testEvent = await callQuo(standIn, 'POST', '/webhooks/abc/events/test', {
			body: { eventType: 'message.received' },
		});

		expect(v1.json).toMatchObject({ status: 400, code: '0300400' });
		expect(v1.json.errors).toEqual([
			{
				path: '/id',
				message: 'must match pattern "^WH(.*)$"',
				value: '123',
				schema: { type: 'string' },
			},
		]);
		expect(current.json).toMatchObject({
			code: '0303400',
			title: 'Invalid Id',
			description: 'Invalid Id',
		});
		expect(testEvent.json).toMatchObject({ code: '0304400', title: 'Invalid Input Format' });
	});

	it('checks the bounds and enums of delivery list filters', async () => {
		const created = await callQuo(standIn, 'POST', '/webhooks', { body: validWebhook });
		const events = `/webhooks/${created.json.data.id}/events`;

		const tooMany = await callQuo(standIn, 'GET', `${events}?limit=51`);
		const badStatus = await callQuo(standIn, 'GET', `${events}?status=done`);
		const badDate = await callQuo(standIn, 'GET', `${events}?createdAfter=yesterday`);

		expect(tooMany.json.errors[0]).toMatchObject({
			path: '/limit',
			message: 'must be <= 50',
			value: 51,
		});
		expect(badStatus.json.errors[0]).toMatchObject({ path: '/status', value: 'done' });
		expect(badDate.json.errors[0]).toMatchObject({
			path: '/createdAfter',
			message: 'must match format "date-time"',
		});
	});

	it('applies minProperties and enums to 2026-03-30 bodies', async () => {
		const created = await callQuo(standIn, 'POST', '/webhooks', { body: validWebhook });
		const id = created.json.data.id as string;
		const empty = await callQuo(standIn, 'PATCH', `/webhooks/${id}`, { body: {} });
		const badEvent = await callQuo(standIn, 'POST', `/webhooks/${id}/events/test`, {
			body: { eventType: 'nope' },
		});

		expect(empty.status).toBe(400);
		expect(empty.json.errors[0].message).toBe('must NOT have fewer than 1 properties');
		expect(badEvent.status).toBe(400);
		expect(badEvent.json.errors[0]).toMatchObject({ path: '/eventType', value: 'nope' });
	});

	it('records empty validationErrors for valid requests', async () => {
		await callQuo(standIn, 'GET', '/v1/users?maxResults=2');
		await callQuo(standIn, 'GET', '/webhooks');

		expect(standIn.requests.map((request) => request.validationErrors)).toEqual([[], []]);
	});

	it('validates and records requests to operations it does not implement, then answers 501', async () => {
		const invalid = await callQuo(standIn, 'GET', '/contacts?limit=51');
		const valid = await callQuo(standIn, 'GET', '/contacts?limit=5');

		expect(invalid.status).toBe(400);
		expect(valid.status).toBe(501);
		expect(valid.json.message).toBe('The Quo stand-in does not implement listContacts yet');
		expect(standIn.requests.map((request) => request.operationId)).toEqual([
			'listContacts',
			'listContacts',
		]);
	});
});

describe('stand-in without OpenAPI documents', () => {
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn({ openApiDir: null });
	});
	afterAll(() => standIn.close());

	it('still routes, names operations and validates nothing', async () => {
		const response = await callQuo(standIn, 'POST', '/v1/webhooks/messages', {
			body: { url: 'not a url', events: ['call.completed'] },
		});

		expect(response.status).toBe(201);
		expect(standIn.requests[0]).toMatchObject({
			operationId: 'createMessageWebhook_v1',
			validationErrors: [],
		});
	});

	it('answers unknown routes with 404', async () => {
		const response = await callQuo(standIn, 'GET', '/contacts');

		expect(response.status).toBe(404);
		expect(standIn.requests.at(-1)?.operationId).toBeNull();
	});
});

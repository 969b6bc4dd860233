import { startStandIn, type StandIn } from './index';
import { specValidatorFor, type SpecValidator } from './openapi/spec-validator';
import { allRoutes } from './routes';
import { seededParticipant } from './seed';
import { callQuo, type CallOptions } from './test-support/quo-client';
import { startReceiver, type Receiver } from './test-support/receiver';
import { describeWithSpecs, openApiDir } from './test-support/spec-availability';

interface Case {
	name: string;
	method: string;
	path: () => string;
	options?: () => CallOptions;
	status: number;
}

describeWithSpecs('stand-in responses conform to the OpenAPI documents', () => {
	let standIn: StandIn;
	let receiver: Receiver;
	let validator: SpecValidator;
	const ids = { v1: '', current: '', delivery: '', phoneNumber: '', user: '', message: '', failedMessage: '' };

	beforeAll(async () => {
		validator = specValidatorFor(openApiDir ?? '');
		standIn = await startStandIn({ openApiDir, rateLimitPerSecond: 0, seed: { messages: 3 } });
		receiver = await startReceiver();
		ids.phoneNumber = standIn.state.phoneNumbers[0]!.id;
		ids.user = standIn.state.users[0]!.id;
		ids.message = standIn.state.messages[0]!.id;
		ids.failedMessage = standIn.state.messages[1]!.id;
		standIn.state.failedMessageIds.push(ids.failedMessage);
		const create = async (path: string, events: string[]) =>
			(await callQuo(standIn, 'POST', path, { body: { url: receiver.url, events } })).json.data.id as string;
		ids.v1 = await create('/v1/webhooks/calls', ['call.completed']);
		ids.current = await create('/webhooks', ['contact.updated']);
		const delivered = await standIn.deliver({ webhookId: ids.current, envelope: { type: 'contact.updated', id: 'EV1' } });
		ids.delivery = delivered.deliveryId ?? '';
	});
	afterAll(async () => {
		await standIn.close();
		await receiver.close();
	});

	it('implements only operations of the specs, under their operationIds', () => {
		for (const route of allRoutes) {
			const concretePath = route.path.replace(/\{[^}]+\}/g, 'x');
			expect(validator.operationFor(route.method, concretePath)?.operation.operationId).toBe(route.operationId);
		}
	});

	const get = (name: string, path: () => string, status: number): Case => ({ name, method: 'GET', path, status });
	const send = (method: string, name: string, path: () => string, body: unknown, status: number): Case => ({
		name,
		method,
		path,
		options: () => (body === undefined ? {} : { body }),
		status,
	});
	const textFrom = (name: string, from: () => string, content: string, status: number): Case => ({
		name,
		method: 'POST',
		path: () => '/v1/messages',
		options: () => ({ body: { content, from: from(), to: [seededParticipant] } }),
		status,
	});
	const hookOf = (events: string[]) => ({ url: 'https://example.com/hook', events });
	const current = () => `/webhooks/${ids.current}`;
	const summaryHook = hookOf(['call.summary.completed']);
	const transcriptHook = hookOf(['call.transcript.completed']);
	const cases: Case[] = [
		get('list phone numbers', () => '/v1/phone-numbers', 200),
		get('get a phone number', () => `/v1/phone-numbers/${ids.phoneNumber}`, 200),
		get('phone number 404', () => '/v1/phone-numbers/PNnone', 404),
		get('phone number 400', () => '/v1/phone-numbers?userId=x', 400),
		get('list users', () => '/v1/users?maxResults=2', 200),
		get('get a user', () => `/v1/users/${ids.user}`, 200),
		get('user 404', () => '/v1/users/USnone', 404),
		textFrom('send a message', () => ids.phoneNumber, 'Hi', 202),
		textFrom('send 400', () => ids.phoneNumber, ' ', 400),
		textFrom('send 404', () => '+15555550999', 'Hi', 404),
		get('list messages', () => `/v1/messages?maxResults=2&phoneNumberId=${ids.phoneNumber}&participants=%2B15555550100`, 200),
		get('list messages 400', () => `/v1/messages?maxResults=2&phoneNumberId=${ids.phoneNumber}`, 400),
		get('get a message', () => `/v1/messages/${ids.message}`, 200),
		get('message 404', () => '/v1/messages/ACnone', 404),
		send('POST', 'retry a failed message', () => `/messages/${ids.failedMessage}/retry`, undefined, 202),
		send('POST', 'retry 422', () => `/messages/${ids.message}/retry`, undefined, 422),
		send('POST', 'retry 404', () => '/messages/ACnone/retry', undefined, 404),
		send('POST', 'create v1 messages webhook', () => '/v1/webhooks/messages', hookOf(['message.received']), 201),
		send('POST', 'create v1 calls webhook', () => '/v1/webhooks/calls', hookOf(['call.ringing']), 201),
		send('POST', 'create v1 summaries webhook', () => '/v1/webhooks/call-summaries', summaryHook, 201),
		send('POST', 'create v1 transcripts webhook', () => '/v1/webhooks/call-transcripts', transcriptHook, 201),
		get('list v1 webhooks', () => '/v1/webhooks', 200),
		get('get a v1 webhook', () => `/v1/webhooks/${ids.v1}`, 200),
		get('v1 webhook 404', () => '/v1/webhooks/WHnone', 404),
		send('POST', 'create a webhook', () => '/webhooks', hookOf(['message.received', 'task.created']), 201),
		send('POST', 'create webhook 400', () => '/webhooks', hookOf([]), 400),
		get('list webhooks', () => '/webhooks', 200),
		get('get a webhook', current, 200),
		get('webhook 400 Invalid Id', () => '/webhooks/abc', 400),
		get('webhook 404', () => '/webhooks/999999', 404),
		send('PATCH', 'update a webhook', current, { label: 'x' }, 200),
		send('PATCH', 'update 400', current, {}, 400),
		send('POST', 'rotate a secret', () => `${current()}/rotate`, undefined, 200),
		send('POST', 'send a test event', () => `${current()}/events/test`, { eventType: 'task.created' }, 200),
		send('POST', 'test event 400', () => `${current()}/events/test`, { eventType: 'x' }, 400),
		get('list deliveries', () => `${current()}/events?limit=5`, 200),
		get('get a delivery', () => `${current()}/events/${ids.delivery}`, 200),
		send('POST', 'retry a delivery', () => `${current()}/events/${ids.delivery}/retry`, undefined, 202),
		send('DELETE', 'delete a v1 webhook', () => `/v1/webhooks/${ids.v1}`, undefined, 204),
		send('DELETE', 'delete a webhook', current, undefined, 204),
	];

	it.each(cases)('$name: $status', async ({ method, path, options, status }) => {
		const response = await callQuo(standIn, method, path(), options?.());

		expect(response.status).toBe(status);
		const pathOnly = path().split('?')[0] ?? '';
		expect(validator.checkResponse(method, pathOnly, status, response.json)).toEqual([]);
	});
});

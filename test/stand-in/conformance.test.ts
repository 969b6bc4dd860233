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
	const ids = {
		v1: '',
		current: '',
		delivery: '',
		phoneNumber: '',
		user: '',
		message: '',
		failedMessage: '',
		contact: '',
		call: '',
		missedCall: '',
		recentCall: '',
		conversation: '',
		task: '',
	};

	beforeAll(async () => {
		validator = specValidatorFor(openApiDir ?? '');
		const seed = { messages: 3, contacts: 3, calls: 3, conversations: 3, tasks: 3 };
		standIn = await startStandIn({ openApiDir, rateLimitPerSecond: 0, seed });
		receiver = await startReceiver();
		ids.phoneNumber = standIn.state.phoneNumbers[0]!.id;
		ids.user = standIn.state.users[0]!.id;
		ids.message = standIn.state.messages[0]!.id;
		ids.failedMessage = standIn.state.messages[1]!.id;
		standIn.state.failedMessageIds.push(ids.failedMessage);
		ids.contact = standIn.state.contacts[0]!.id;
		[ids.call, ids.missedCall, ids.recentCall] = standIn.state.calls.map((call) => call.id);
		ids.conversation = standIn.state.conversations[0]!.id;
		ids.task = standIn.state.tasks[1]!.taskId;
		const create = async (path: string, events: string[]) =>
			(await callQuo(standIn, 'POST', path, { body: { url: receiver.url, events } })).json.data
				.id as string;
		ids.v1 = await create('/v1/webhooks/calls', ['call.completed']);
		ids.current = await create('/webhooks', ['contact.updated']);
		const delivered = await standIn.deliver({
			webhookId: ids.current,
			envelope: { type: 'contact.updated', id: 'EV1' },
		});
		ids.delivery = delivered.deliveryId ?? '';
	});
	afterAll(async () => {
		await standIn.close();
		await receiver.close();
	});

	it('implements only operations of the specs, under their operationIds', () => {
		for (const route of allRoutes) {
			const concretePath = route.path.replace(/\{[^}]+\}/g, 'x');
			expect(validator.operationFor(route.method, concretePath)?.operation.operationId).toBe(
				route.operationId,
			);
		}
	});

	const get = (name: string, path: () => string, status: number): Case => ({
		name,
		method: 'GET',
		path,
		status,
	});
	/** `body` may be a function, for bodies that hold ids known only once the stand-in runs. */
	const send = (
		method: string,
		name: string,
		path: () => string,
		body: unknown,
		status: number,
	): Case => ({
		name,
		method,
		path,
		options: () => {
			const value: unknown = typeof body === 'function' ? (body as () => unknown)() : body;
			return value === undefined ? {} : { body: value };
		},
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
	const contactBody = (firstName: string, externalId?: string) => ({
		defaultFields: { firstName, phoneNumbers: [{ name: 'mobile', value: '+15555550142' }] },
		customFields: [
			{ key: 'deal-size', value: 5 },
			{ key: 'renewal-date', value: '2030-01-01T00:00:00.000Z' },
		],
		...(externalId ? { externalId } : {}),
	});
	const taskBody = (link: Record<string, string>) => ({
		title: 'Call back',
		description: '',
		...link,
	});
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
		get(
			'list messages',
			() =>
				`/v1/messages?maxResults=2&phoneNumberId=${ids.phoneNumber}&participants=%2B15555550100`,
			200,
		),
		get(
			'list messages 400',
			() => `/v1/messages?maxResults=2&phoneNumberId=${ids.phoneNumber}`,
			400,
		),
		get('get a message', () => `/v1/messages/${ids.message}`, 200),
		get('message 404', () => '/v1/messages/ACnone', 404),
		send(
			'POST',
			'retry a failed message',
			() => `/messages/${ids.failedMessage}/retry`,
			undefined,
			202,
		),
		send('POST', 'retry 422', () => `/messages/${ids.message}/retry`, undefined, 422),
		send('POST', 'retry 404', () => '/messages/ACnone/retry', undefined, 404),
		send(
			'POST',
			'create v1 messages webhook',
			() => '/v1/webhooks/messages',
			hookOf(['message.received']),
			201,
		),
		send(
			'POST',
			'create v1 calls webhook',
			() => '/v1/webhooks/calls',
			hookOf(['call.ringing']),
			201,
		),
		send(
			'POST',
			'create v1 summaries webhook',
			() => '/v1/webhooks/call-summaries',
			summaryHook,
			201,
		),
		send(
			'POST',
			'create v1 transcripts webhook',
			() => '/v1/webhooks/call-transcripts',
			transcriptHook,
			201,
		),
		get('list v1 webhooks', () => '/v1/webhooks', 200),
		get('get a v1 webhook', () => `/v1/webhooks/${ids.v1}`, 200),
		get('v1 webhook 404', () => '/v1/webhooks/WHnone', 404),
		send(
			'POST',
			'create a webhook',
			() => '/webhooks',
			hookOf(['message.received', 'task.created']),
			201,
		),
		send('POST', 'create webhook 400', () => '/webhooks', hookOf([]), 400),
		get('list webhooks', () => '/webhooks', 200),
		get('get a webhook', current, 200),
		get('webhook 400 Invalid Id', () => '/webhooks/abc', 400),
		get('webhook 404', () => '/webhooks/999999', 404),
		send('PATCH', 'update a webhook', current, { label: 'x' }, 200),
		send('PATCH', 'update 400', current, {}, 400),
		send('POST', 'rotate a secret', () => `${current()}/rotate`, undefined, 200),
		send(
			'POST',
			'send a test event',
			() => `${current()}/events/test`,
			{ eventType: 'task.created' },
			200,
		),
		send('POST', 'test event 400', () => `${current()}/events/test`, { eventType: 'x' }, 400),
		get('list deliveries', () => `${current()}/events?limit=5`, 200),
		get('get a delivery', () => `${current()}/events/${ids.delivery}`, 200),
		send(
			'POST',
			'retry a delivery',
			() => `${current()}/events/${ids.delivery}/retry`,
			undefined,
			202,
		),
		send('DELETE', 'delete a v1 webhook', () => `/v1/webhooks/${ids.v1}`, undefined, 204),
		send('DELETE', 'delete a webhook', current, undefined, 204),
		get('list custom fields', () => '/v1/contact-custom-fields', 200),
		get('list contacts', () => '/v1/contacts?maxResults=2', 200),
		get('list contacts by external id', () => '/v1/contacts?maxResults=2&externalIds=crm-1', 200),
		get('get a contact', () => `/v1/contacts/${ids.contact}`, 200),
		get('contact 404', () => '/v1/contacts/none', 404),
		send('POST', 'create a contact', () => '/v1/contacts', contactBody('Ada', 'crm-new'), 201),
		send(
			'POST',
			'create contact 400 (unknown field)',
			() => '/v1/contacts',
			{ ...contactBody('Ada'), customFields: [{ key: 'x', value: 1 }] },
			400,
		),
		send(
			'POST',
			'create contact 409 (external id taken)',
			() => '/v1/contacts',
			contactBody('Ada', 'crm-1'),
			409,
		),
		send(
			'PATCH',
			'update a contact',
			() => `/v1/contacts/${ids.contact}`,
			{ defaultFields: { role: 'CEO' } },
			200,
		),
		send(
			'DELETE',
			'delete a contact',
			() => `/v1/contacts/${standIn.state.contacts.at(-1)!.id}`,
			undefined,
			204,
		),
		get(
			'list calls',
			() => `/v1/calls?maxResults=2&phoneNumberId=${ids.phoneNumber}&participants=%2B15555550100`,
			200,
		),
		get(
			'list calls 400 (two participants)',
			() =>
				`/v1/calls?maxResults=2&phoneNumberId=${ids.phoneNumber}&participants=%2B1&participants=%2B2`,
			400,
		),
		get('get a call', () => `/v1/calls/${ids.call}`, 200),
		get('call 404', () => '/v1/calls/ACnone', 404),
		get('get recordings', () => `/v1/call-recordings/${ids.call}`, 200),
		get('get recordings still processing', () => `/v1/call-recordings/${ids.recentCall}`, 200),
		get('get a summary', () => `/v1/call-summaries/${ids.call}`, 200),
		get('get a summary in progress', () => `/v1/call-summaries/${ids.recentCall}`, 200),
		get('summary 404', () => `/v1/call-summaries/${ids.missedCall}`, 404),
		get('get a transcript', () => `/v1/call-transcripts/${ids.call}`, 200),
		get('transcript 404', () => `/v1/call-transcripts/${ids.missedCall}`, 404),
		get('get a voicemail', () => `/v1/call-voicemails/${ids.missedCall}`, 200),
		get('voicemail 404', () => `/v1/call-voicemails/${ids.call}`, 404),
		get(
			'list conversations',
			() => `/v1/conversations?maxResults=2&phoneNumbers=${ids.phoneNumber}&excludeInactive=true`,
			200,
		),
		send(
			'POST',
			'mark a conversation as read',
			() => `/v1/conversations/${ids.conversation}/mark-as-read`,
			undefined,
			200,
		),
		send(
			'POST',
			'mark a conversation as done',
			() => `/v1/conversations/${ids.conversation}/mark-as-done`,
			undefined,
			200,
		),
		send(
			'POST',
			'mark a conversation as open',
			() => `/v1/conversations/${ids.conversation}/mark-as-open`,
			undefined,
			200,
		),
		send('POST', 'mark 404', () => '/v1/conversations/CNnone/mark-as-read', undefined, 404),
		get('list tasks', () => '/v1/tasks?maxResults=2', 200),
		get('list tasks, last page', () => '/v1/tasks?maxResults=50', 200),
		send(
			'POST',
			'create a task on a number',
			() => '/v1/tasks',
			() => taskBody({ phoneNumberId: ids.phoneNumber }),
			201,
		),
		send(
			'POST',
			'create a task on a conversation',
			() => '/v1/tasks',
			() => taskBody({ conversationId: ids.conversation }),
			201,
		),
		send(
			'POST',
			'create a task on a call',
			() => '/v1/tasks',
			() => taskBody({ activityId: ids.call }),
			201,
		),
		send(
			'POST',
			'create task 400 (two links)',
			() => '/v1/tasks',
			() => taskBody({ phoneNumberId: ids.phoneNumber, activityId: ids.call }),
			400,
		),
		get('get a task', () => `/v1/tasks/${ids.task}`, 200),
		get('task 404', () => '/v1/tasks/TKnone', 404),
		send(
			'PUT',
			'update a task',
			() => `/v1/tasks/${ids.task}`,
			{ title: 'New', description: '' },
			200,
		),
		send('POST', 'complete a task', () => `/v1/tasks/${ids.task}/complete`, undefined, 200),
		send('POST', 'reopen a task', () => `/v1/tasks/${ids.task}/reopen`, undefined, 200),
		send(
			'POST',
			'assign a task',
			() => `/v1/tasks/${ids.task}/assign`,
			() => ({ userId: ids.user }),
			200,
		),
		send(
			'POST',
			'unassign a task',
			() => `/v1/tasks/${ids.task}/unassign`,
			() => ({ userId: ids.user }),
			200,
		),
		send(
			'POST',
			'link a conversation',
			() => `/v1/tasks/${ids.task}/link-conversation`,
			() => ({ conversationId: ids.conversation }),
			200,
		),
		send(
			'POST',
			'unlink a conversation',
			() => `/v1/tasks/${ids.task}/unlink-conversation`,
			() => ({ conversationId: ids.conversation }),
			200,
		),
		send(
			'POST',
			'change a due date',
			() => `/v1/tasks/${ids.task}/change-due-date`,
			{ dueDate: '2030-01-01T09:00:00.000Z' },
			200,
		),
		send(
			'POST',
			'remove a due date',
			() => `/v1/tasks/${ids.task}/remove-due-date`,
			undefined,
			200,
		),
		send('DELETE', 'delete a task', () => `/v1/tasks/${ids.task}`, undefined, 204),
	];

	it.each(cases)('$name: $status', async ({ method, path, options, status }) => {
		const response = await callQuo(standIn, method, path(), options?.());

		expect(response.status).toBe(status);
		const pathOnly = path().split('?')[0] ?? '';
		expect(validator.checkResponse(method, pathOnly, status, response.json)).toEqual([]);
	});
});

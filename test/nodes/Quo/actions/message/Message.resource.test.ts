import { NodeApiError, NodeHelpers, NodeOperationError } from 'n8n-workflow';

import { Quo } from '../../../../../nodes/Quo/Quo.node';

import { seededParticipant } from '../../../../stand-in/seed';
import { locator, mostAtOnce, pairings, useQuoNode } from '../support';

const session = useQuoNode({ seed: { messages: 350 } });
const line = () => session.standIn.state.phoneNumbers[0]!;
const owner = () => session.standIn.state.users[0]!;

const send = (overrides: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'send',
	from: locator('list', line().id),
	to: seededParticipant,
	content: 'Your table is ready',
	...overrides,
});

const listConversation = (overrides: Record<string, unknown> = {}) => ({
	resource: 'message',
	operation: 'getMany',
	phoneNumberId: locator('list', line().id),
	participants: seededParticipant,
	returnAll: true,
	...overrides,
});

describe('message: send', () => {
	test('the From and To hints speak of Quo Trigger items in a workflow, and are gone where the node is an AI tool', () => {
		const { description } = new Quo();
		const send = { resource: 'message', operation: 'send' };
		// n8n serves the node as a tool under the name quoTool; `@tool` in displayOptions tells the two apart.
		const hintsShown = (name: string) =>
			description.properties
				.filter((field) => ['from', 'to'].includes(field.name))
				.filter((field) =>
					NodeHelpers.displayParameter(send, field, { typeVersion: 1 }, { ...description, name }),
				)
				.map((field) => [field.name, field.hint ?? null]);
		expect(hintsShown('quo')).toEqual([
			['from', expect.stringMatching(/\$json\.context\.phoneNumberId.*placeholder ID/)],
			['to', expect.stringContaining('$json.context.senderIdentifier')],
		]);
		expect(hintsShown('quoTool')).toEqual([
			['from', null],
			['to', null],
		]);
	});

	test('sends from a number picked in the list and returns the queued message, paired with its item', async () => {
		const output = await session.run(send());

		expect(output).toEqual([
			{
				json: expect.objectContaining({
					id: expect.stringMatching(/^AC/),
					from: line().number,
					to: [seededParticipant],
					text: 'Your table is ready',
					status: 'queued',
					direction: 'outgoing',
				}),
				pairedItem: { item: 0 },
			},
		]);
		expect(session.standIn.requests).toHaveLength(1);
		expect(session.standIn.requests[0]).toMatchObject({
			method: 'POST',
			path: '/v1/messages',
			status: 202,
			body: { content: 'Your table is ready', from: line().id, to: [seededParticipant] },
		});
	});

	test('takes From as an E.164 number (locator or plain string), To as an array, a user and "done"', async () => {
		const recipients = ['+15555550201', '+15555550202', '+15555550203'];
		const [byLocator] = await session.run(
			send({
				from: locator('phoneNumber', line().number),
				to: recipients,
				userId: locator('id', owner().id),
				setInboxStatus: 'done',
			}),
		);
		const [byString] = await session.run(
			send({ from: line().number, to: ' +15555550201 , +15555550202,+15555550203 ' }),
		);

		expect(byLocator.json).toMatchObject({
			to: recipients,
			phoneNumberId: line().id,
			userId: owner().id,
		});
		expect(byString.json.conversationId).toBe(byLocator.json.conversationId);
		expect(session.standIn.requests.map((request) => request.body)).toEqual([
			{
				content: 'Your table is ready',
				from: line().number,
				to: recipients,
				userId: owner().id,
				setInboxStatus: 'done',
			},
			{ content: 'Your table is ready', from: line().number, to: recipients },
		]);
	});

	const eleven = Array.from({ length: 11 }, (_, index) => `+1555555030${index}`).join(',');
	test.each([
		['eleven recipients', { to: eleven }, 'To: 11 recipients; Quo allows at most 10'],
		[
			'a number that is not E.164',
			{ to: '+15555550201, +1 555' },
			"To: '+1 555' is not an E.164 number like +15555550123",
		],
		[
			'no recipient',
			{ to: ' , ' },
			'To: at least one phone number is needed, in E.164 form like +15555550123',
		],
		['empty content', { content: '' }, 'Content: empty or only spaces; Quo needs the text to send'],
		[
			'content of only spaces',
			{ content: ' \n\t ' },
			'Content: empty or only spaces; Quo needs the text to send',
		],
		[
			'content over 1,600 characters',
			{ content: 'x'.repeat(1601) },
			'Content: 1,601 characters; Quo allows at most 1,600',
		],
		[
			'a sender that is neither',
			{ from: 'Sales line' },
			"From: 'Sales line' is not a Quo phone number ID (those start with PN)",
		],
		[
			'a sender number that is not E.164',
			{ from: '+1 (555) 555-0101' },
			"From: '+1 (555) 555-0101' is not an E.164 number like +15555550123",
		],
		[
			'a user ID of another kind',
			{ userId: locator('id', 'PN123') },
			"User: 'PN123' is not a Quo user ID (those start with US)",
		],
	])('%s fails before any request, naming the field', async (_case, overrides, message) => {
		const error = await session.failure(send(overrides));

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(error.context?.itemIndex).toBe(0);
		expect(session.standIn.requests).toHaveLength(0);
	});

	test('1,600 characters are sent', async () => {
		const [item] = await session.run(send({ content: 'x'.repeat(1600) }));
		expect((item.json.text as string).length).toBe(1600);
	});

	test('a 500 is reported, not retried: Quo sees one request', async () => {
		session.standIn.addFault({ method: 'POST', path: '/v1/messages', status: 500, times: 3 });

		const error = await session.failure(send());

		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('500');
		expect(session.standIn.requests).toHaveLength(1);
	});

	test('a dropped connection is reported, not retried', async () => {
		session.standIn.addFault({ method: 'POST', path: '/v1/messages', dropConnection: true });

		const error = await session.failure(send());

		expect(error.message).toMatch(
			/^The connection to Quo broke .*; the message may have been sent/,
		);
		expect(session.standIn.requests).toHaveLength(1);
	});

	test('a 429 is retried and the message is sent once', async () => {
		session.standIn.addFault({ method: 'POST', path: '/v1/messages', status: 429, times: 2 });

		const output = await session.run(send());

		expect(output).toHaveLength(1);
		expect(session.standIn.requests.map((request) => request.status)).toEqual([429, 429, 202]);
	});

	test('with Continue On Fail, texts to the same recipients still reach Quo in item order; other conversations go side by side', async () => {
		session.standIn.setResponseDelay(100);
		try {
			const items = ['first', 'second', 'third'].map((word) => ({ word, to: seededParticipant }));
			const others = ['+15555550211', '+15555550212', '+15555550213'].map((to) => ({
				word: 'other',
				to,
			}));
			const output = await session.run(
				send({ content: '={{ $json.word }}', to: '={{ $json.to }}' }),
				{
					items: [...items, ...others],
					continueOnFail: true,
				},
			);

			expect(output.map((item) => item.json.text)).toEqual([
				'first',
				'second',
				'third',
				'other',
				'other',
				'other',
			]);
			expect(pairings(output)).toEqual([0, 1, 2, 3, 4, 5].map((item) => ({ item })));
			const toSeeded = session.standIn.requests.filter(
				(request) => (request.body as { to: string[] }).to[0] === seededParticipant,
			);
			expect(toSeeded.map((request) => (request.body as { content: string }).content)).toEqual([
				'first',
				'second',
				'third',
			]);
			// One conversation: each text waits for Quo's answer to the one before. The others overlap with them.
			expect(mostAtOnce(toSeeded)).toBe(1);
			expect(mostAtOnce(session.standIn.requests)).toBeGreaterThan(1);
		} finally {
			session.standIn.setResponseDelay(0);
		}
	});
});

describe('message: get', () => {
	test('returns the message by its AC id', async () => {
		const message = session.standIn.state.messages[5]!;

		const output = await session.run({
			resource: 'message',
			operation: 'get',
			messageId: message.id,
		});

		expect(output).toEqual([{ json: message, pairedItem: { item: 0 } }]);
	});

	test('an id of another kind fails before any request', async () => {
		const error = await session.failure({
			resource: 'message',
			operation: 'get',
			messageId: 'WH123',
		});

		expect(error.message).toBe("Message ID: 'WH123' is not a Quo message ID (those start with AC)");
		expect(session.standIn.requests).toHaveLength(0);
	});

	test("Quo's 404 is reported with its message", async () => {
		const error = await session.failure({
			resource: 'message',
			operation: 'get',
			messageId: 'ACmissing',
		});

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Message not found');
	});
});

describe('message: getMany', () => {
	test('Return All walks every page (4 pages of at most 100) and returns one item per message', async () => {
		const output = await session.run(listConversation());

		expect(output).toHaveLength(350);
		expect(output.map((item) => item.json.id)).toEqual(
			session.standIn.state.messages.map((message) => message.id),
		);
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
		const pages = session.standIn.requests;
		expect(pages.map((request) => request.query.maxResults)).toEqual(['100', '100', '100', '100']);
		expect(pages[0]!.query).toEqual({
			phoneNumberId: line().id,
			participants: seededParticipant,
			maxResults: '100',
		});
		expect(pages.slice(1).every((request) => typeof request.query.pageToken === 'string')).toBe(
			true,
		);
	});

	test('Limit stops early and asks only for what it still needs', async () => {
		const output = await session.run(listConversation({ returnAll: false, limit: 150 }));

		expect(output).toHaveLength(150);
		expect(session.standIn.requests.map((request) => request.query.maxResults)).toEqual([
			'100',
			'50',
		]);
	});

	test('filters by time and user, and takes the Quo number as E.164, looked up once per execution', async () => {
		const messages = session.standIn.state.messages;
		const parameters = listConversation({
			phoneNumberId: locator('phoneNumber', line().number),
			filters: { createdAfter: messages[4]!.createdAt, userId: locator('list', owner().id) },
		});

		const output = await session.run(parameters, { items: [{}, {}, {}] });

		expect(output).toHaveLength(12);
		expect(pairings(output)).toEqual(
			[0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2].map((item) => ({ item })),
		);
		expect(session.requestLines().filter((line) => line === 'GET /v1/phone-numbers')).toHaveLength(
			1,
		);
		const list = session.standIn.requests.find((request) => request.path === '/v1/messages')!;
		expect(list.query).toMatchObject({
			phoneNumberId: line().id,
			userId: owner().id,
			createdAfter: messages[4]!.createdAt,
		});
	});

	test('participants are required, at most ten, in E.164; checked before any request', async () => {
		const missing = await session.failure(listConversation({ participants: '' }));
		const eleven = Array.from({ length: 11 }, (_, index) => `+1555555030${index}`);
		const tooMany = await session.failure(listConversation({ participants: eleven }));

		expect(missing.message).toBe(
			'Participants: at least one phone number is needed, in E.164 form like +15555550123',
		);
		expect(tooMany.message).toBe('Participants: 11 participants; Quo allows at most 10');
		expect(session.standIn.requests).toHaveLength(0);
	});

	test('an E.164 number that is not one of the workspace lines is refused', async () => {
		const error = await session.failure(
			listConversation({ phoneNumberId: locator('phoneNumber', '+15555550999') }),
		);

		expect(error.message).toBe(
			"Quo Phone Number: +15555550999 is not one of this workspace's Quo numbers",
		);
		expect(session.requestLines()).toEqual(['GET /v1/phone-numbers']);
	});
});

describe('message: retry', () => {
	test('asks Quo to resend a failed message (2026-03-30) and says it was accepted', async () => {
		const failed = session.standIn.state.messages[0]!;
		session.standIn.state.failedMessageIds.push(failed.id);

		const output = await session.run({
			resource: 'message',
			operation: 'retry',
			messageId: failed.id,
		});

		expect(output).toEqual([
			{ json: { messageId: failed.id, retryAccepted: true }, pairedItem: { item: 0 } },
		]);
		expect(session.standIn.requests[0]).toMatchObject({
			method: 'POST',
			path: `/messages/${failed.id}/retry`,
			status: 202,
			headers: expect.objectContaining({ 'quo-api-version': '2026-03-30' }),
		});
	});

	test("a message that did not fail: Quo's refusal is reported", async () => {
		const error = await session.failure({
			resource: 'message',
			operation: 'retry',
			messageId: session.standIn.state.messages[0]!.id,
		});

		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).httpCode).toBe('422');
		expect(error.message).toBe('Only messages with a failed status can be retried');
	});
});

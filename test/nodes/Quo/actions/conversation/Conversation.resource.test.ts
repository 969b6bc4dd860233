import { NodeApiError } from 'n8n-workflow';

import { locator, useQuoNode } from '../support';

const CONVERSATIONS = 230;
const session = useQuoNode({ seed: { conversations: CONVERSATIONS } });
const state = () => session.standIn.state;

const list = (overrides: Record<string, unknown> = {}) => ({
	resource: 'conversation',
	operation: 'getMany',
	returnAll: true,
	...overrides,
});

describe('conversation: getMany', () => {
	test('Return All walks every page (100, 100, 30), most recent first', async () => {
		const output = await session.run(list());

		expect(output.map((item) => item.json.id)).toEqual(
			state().conversations.map((conversation) => conversation.id),
		);
		expect(session.standIn.requests.map((request) => request.query.maxResults)).toEqual([
			'100',
			'100',
			'100',
		]);
	});

	test('Limit stops early and asks only for what it still needs', async () => {
		const output = await session.run(list({ returnAll: false, limit: 120 }));

		expect(output).toHaveLength(120);
		expect(session.standIn.requests.map((request) => request.query.maxResults)).toEqual([
			'100',
			'20',
		]);
	});

	test('filters by Quo numbers (IDs or E.164), user, creation and update time, and leaves out inactive ones', async () => {
		const [sales, support] = state().phoneNumbers;
		const updatedAfter = state().conversations[30]!.updatedAt!;
		const createdBefore = new Date().toISOString();

		const output = await session.run(
			list({
				filters: {
					phoneNumbers: [sales!.id, support!.number],
					userId: locator('list', state().users[0]!.id),
					updatedAfter,
					createdBefore,
					excludeInactive: true,
				},
			}),
		);

		const expected = state().conversations.filter(
			(conversation, index) =>
				index < 30 &&
				conversation.deletedAt === null &&
				[sales!.id, support!.id].includes(conversation.phoneNumberId),
		);
		expect(expected.length).toBeGreaterThan(10);
		expect(expected.length).toBeLessThan(30);
		expect(output.map((item) => item.json.id)).toEqual(
			expected.map((conversation) => conversation.id),
		);
		expect(session.standIn.requests[0]!.query).toEqual({
			phoneNumbers: [sales!.id, support!.number],
			userId: state().users[0]!.id,
			updatedAfter: new Date(updatedAfter).toISOString(),
			createdBefore,
			excludeInactive: 'true',
			maxResults: '100',
		});
	});

	test('a number that is neither an ID nor E.164 fails before any request', async () => {
		const error = await session.failure(list({ filters: { phoneNumbers: ['Sales'] } }));

		expect(error.message).toBe(
			"Phone Numbers: 'Sales' is neither a Quo phone number ID (PN…) nor an E.164 number like +15555550123",
		);
		expect(session.standIn.requests).toHaveLength(0);
	});
});

describe('conversation: markAsRead, markAsDone, markAsOpen', () => {
	test.each([
		['markAsRead', 'mark-as-read', { read: true, status: 'open' }],
		['markAsDone', 'mark-as-done', { read: false, status: 'done' }],
		['markAsOpen', 'mark-as-open', { read: false, status: 'open' }],
	])(
		'%s posts to /v1/conversations/{id}/%s and returns the conversation',
		async (operation, action, inbox) => {
			const conversation = state().conversations[4]!;
			state().conversationInbox[conversation.id] = {
				read: false,
				status: operation === 'markAsOpen' ? 'done' : 'open',
			};

			const [item] = await session.run({
				resource: 'conversation',
				operation,
				conversationId: locator('list', conversation.id),
			});

			expect(session.requestLines()).toEqual([
				`POST /v1/conversations/${conversation.id}/${action}`,
			]);
			expect(item.json).toEqual(
				expect.objectContaining({ id: conversation.id, participants: conversation.participants }),
			);
			expect(item.json.data).toBeUndefined();
			expect(state().conversationInbox[conversation.id]).toEqual(inbox);
		},
	);

	test("an id of another kind fails before any request; an unknown one is Quo's 404", async () => {
		const wrong = await session.failure({
			resource: 'conversation',
			operation: 'markAsDone',
			conversationId: locator('id', 'AC123'),
		});
		const unknown = await session.failure({
			resource: 'conversation',
			operation: 'markAsDone',
			conversationId: locator('id', 'CNnone'),
		});

		expect(wrong.message).toBe(
			"Conversation: 'AC123' is not a Quo conversation ID (those start with CN)",
		);
		expect(unknown).toBeInstanceOf(NodeApiError);
		expect(unknown.message).toBe('Conversation not found');
		expect(session.standIn.requests).toHaveLength(1);
	});
});

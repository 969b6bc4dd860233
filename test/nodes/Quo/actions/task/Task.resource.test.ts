import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { expectGetAndNotFound, locator, pairings, useQuoNode } from '../support';

const TASKS = 230;
const session = useQuoNode({ seed: { tasks: TASKS, conversations: 3, calls: 3 } });
const state = () => session.standIn.state;
const task = (index = 1) => state().tasks[index]!;
const owner = () => state().users[0]!;
const emptyLocator = locator('list', '');

const create = (overrides: Record<string, unknown> = {}) => ({
	resource: 'task',
	operation: 'create',
	title: 'Call back about the quote',
	phoneNumberId: emptyLocator,
	conversationId: emptyLocator,
	activityId: '',
	...overrides,
});

describe('task: create', () => {
	test('links the task to a Quo number (E.164 looked up) with description, due date and assignee', async () => {
		const line = state().phoneNumbers[0]!;

		const [item] = await session.run(
			create({
				description: 'They asked for 20 seats',
				phoneNumberId: locator('phoneNumber', line.number),
				additionalFields: {
					dueDate: '2030-05-01T09:00:00Z',
					assignedTo: locator('list', owner().id),
				},
			}),
		);

		expect(session.requestLines()).toEqual(['GET /v1/phone-numbers', 'POST /v1/tasks']);
		expect(session.standIn.requests[1]!.body).toEqual({
			title: 'Call back about the quote',
			description: 'They asked for 20 seats',
			dueDate: '2030-05-01T09:00:00.000Z',
			assignedTo: owner().id,
			phoneNumberId: line.id,
		});
		expect(item.json).toEqual({
			taskId: expect.stringMatching(/^TK/),
			revision: '1',
			phoneNumberId: line.id,
		});
		expect(state().tasks[0]).toMatchObject({
			taskId: item.json.taskId,
			assignedTo: owner().id,
			dueDate: '2030-05-01T09:00:00.000Z',
		});
	});

	test('links it to a conversation or an activity instead; Quo needs a description, sent empty when none is given', async () => {
		const conversation = state().conversations[1]!;
		const call = state().calls[0]!;

		const [onConversation] = await session.run(
			create({ conversationId: locator('list', conversation.id) }),
		);
		const [onCall] = await session.run(create({ activityId: call.id }));

		expect(session.standIn.requests.map((request) => request.body)).toEqual([
			{ title: 'Call back about the quote', description: '', conversationId: conversation.id },
			{ title: 'Call back about the quote', description: '', activityId: call.id },
		]);
		expect(onConversation.json).toMatchObject({
			conversationId: conversation.id,
			phoneNumberId: conversation.phoneNumberId,
		});
		expect(onCall.json).toMatchObject({ activityId: call.id, phoneNumberId: call.phoneNumberId });
	});

	test.each([
		[
			'nothing to link to',
			{},
			'Phone Number, Conversation, Activity ID: link the task to exactly one of them; none is set',
		],
		[
			'two links',
			{ phoneNumberId: locator('id', 'PNabc'), activityId: 'ACabc' },
			'Phone Number, Activity ID: link the task to exactly one of Phone Number, Conversation, Activity ID; 2 are set',
		],
		[
			'three links',
			{
				phoneNumberId: locator('id', 'PNabc'),
				conversationId: locator('id', 'CNabc'),
				activityId: 'ACabc',
			},
			'Phone Number, Conversation, Activity ID: link the task to exactly one of Phone Number, Conversation, Activity ID; 3 are set',
		],
		['no title', { title: ' ', activityId: 'ACabc' }, 'Title: required'],
		[
			'an activity ID of another kind',
			{ activityId: 'TK1' },
			"Activity ID: 'TK1' is not a Quo message or call ID (those start with AC)",
		],
		[
			'a due date that is none',
			{ activityId: 'ACabc', additionalFields: { dueDate: 'soon' } },
			"Due Date: 'soon' is not a date and time (use ISO 8601, like 2026-05-01T09:00:00Z)",
		],
	])('%s fails before any request, naming the fields', async (_case, overrides, message) => {
		const error = await session.failure(create(overrides));

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(session.standIn.requests).toHaveLength(0);
	});
});

describe('task: get, getMany, delete', () => {
	test("gets a task by its TK id; an unknown one is Quo's 404", async () => {
		await expectGetAndNotFound(session, {
			resource: 'task',
			parameter: 'taskId',
			found: task(5).taskId,
			unknown: 'TKnone',
			record: task(5),
			notFoundMessage: 'Task not found',
		});
	});

	test('Return All walks every page (100, 100, 30); the last one carries no token', async () => {
		const output = await session.run({ resource: 'task', operation: 'getMany', returnAll: true });

		expect(output.map((item) => item.json.taskId)).toEqual(
			state().tasks.map((candidate) => candidate.taskId),
		);
		expect(session.standIn.requests.map((request) => request.query.maxResults)).toEqual([
			'100',
			'100',
			'100',
		]);
	});

	test('Limit stops early and asks only for what it still needs', async () => {
		const output = await session.run(
			{ resource: 'task', operation: 'getMany', limit: 30 },
			{ items: [{}, {}] },
		);

		expect(output).toHaveLength(60);
		expect(pairings(output).slice(29, 31)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(session.standIn.requests.map((request) => request.query.maxResults)).toEqual([
			'30',
			'30',
		]);
	});

	test('deletes a task and says so', async () => {
		const { taskId } = task(2);

		const output = await session.run({ resource: 'task', operation: 'delete', taskId });

		expect(output).toEqual([{ json: { taskId, deleted: true }, pairedItem: { item: 0 } }]);
		expect(state().tasks.some((candidate) => candidate.taskId === taskId)).toBe(false);
	});
});

describe('task: update', () => {
	test('with both fields, one PUT', async () => {
		const { taskId } = task();

		const [item] = await session.run({
			resource: 'task',
			operation: 'update',
			taskId,
			updateFields: { title: 'New title', description: '' },
		});

		expect(session.requestLines()).toEqual([`PUT /v1/tasks/${taskId}`]);
		expect(session.standIn.requests[0]!.body).toEqual({ title: 'New title', description: '' });
		expect(item.json).toEqual({ taskId, revision: '2' });
	});

	test('with one field, the other is read first so it stays as it is', async () => {
		const { taskId, description } = task();

		await session.run({
			resource: 'task',
			operation: 'update',
			taskId,
			updateFields: { title: 'Only the title' },
		});

		expect(session.requestLines()).toEqual([`GET /v1/tasks/${taskId}`, `PUT /v1/tasks/${taskId}`]);
		expect(session.standIn.requests[1]!.body).toEqual({ title: 'Only the title', description });
	});

	test('with none it fails before any request', async () => {
		const error = await session.failure({
			resource: 'task',
			operation: 'update',
			taskId: task().taskId,
			updateFields: {},
		});

		expect(error.message).toBe('Update Fields: add the title, the description or both');
		expect(session.standIn.requests).toHaveLength(0);
	});
});

describe('task: actions', () => {
	const run = async (operation: string, extra: Record<string, unknown> = {}) =>
		await session.run({ resource: 'task', operation, taskId: task().taskId, ...extra });

	test.each([
		['complete', 'complete', {}, undefined],
		['reopen', 'reopen', {}, undefined],
		['removeDueDate', 'remove-due-date', {}, undefined],
		[
			'changeDueDate',
			'change-due-date',
			{ dueDate: '2031-01-02T03:04:05Z' },
			{ dueDate: '2031-01-02T03:04:05.000Z' },
		],
	])(
		'%s posts to /v1/tasks/{id}/%s and returns the new revision',
		async (operation, action, extra, body) => {
			const [item] = await run(operation, extra);

			expect(session.standIn.requests[0]).toMatchObject({
				method: 'POST',
				path: `/v1/tasks/${task().taskId}/${action}`,
				body,
			});
			expect(item.json).toEqual({ taskId: task().taskId, revision: '2' });
		},
	);

	test('complete, then reopen, change the task', async () => {
		await run('complete');
		expect(task().completed).toBe(true);
		await run('reopen');
		expect(task().completed).toBe(false);
		await run('changeDueDate', { dueDate: '2031-01-02T03:04:05Z' });
		expect(task().dueDate).toBe('2031-01-02T03:04:05.000Z');
		await run('removeDueDate');
		expect(task().dueDate).toBeNull();
	});

	test('assign and unassign take the user from the list', async () => {
		await run('assign', { userId: locator('list', owner().id) });
		expect(task().assignedTo).toBe(owner().id);
		await run('unassign', { userId: locator('id', owner().id) });
		expect(task().assignedTo).toBeNull();
		expect(session.standIn.requests.map((request) => request.body)).toEqual([
			{ userId: owner().id },
			{ userId: owner().id },
		]);
	});

	test('linkConversation and unlinkConversation take the conversation from the list', async () => {
		const conversation = state().conversations[2]!;

		await run('linkConversation', { conversationId: locator('list', conversation.id) });
		expect(task().conversationId).toBe(conversation.id);
		await run('unlinkConversation', { conversationId: locator('id', conversation.id) });
		expect(task().conversationId).toBeNull();
		expect(session.requestLines()).toEqual([
			`POST /v1/tasks/${task().taskId}/link-conversation`,
			`POST /v1/tasks/${task().taskId}/unlink-conversation`,
		]);
	});

	test.each([
		[
			'a task ID of another kind',
			'complete',
			{ taskId: 'AC123' },
			"Task ID: 'AC123' is not a Quo task ID (those start with TK)",
		],
		['no user', 'assign', { userId: locator('list', '') }, 'User: required'],
		[
			'a conversation ID of another kind',
			'linkConversation',
			{ conversationId: locator('id', 'US1') },
			"Conversation: 'US1' is not a Quo conversation ID (those start with CN)",
		],
		[
			'no due date',
			'changeDueDate',
			{ dueDate: '' },
			'Due Date: required, a date and time like 2026-05-01T09:00:00Z',
		],
	])('%s fails before any request', async (_case, operation, extra, message) => {
		const error = await session.failure({
			resource: 'task',
			operation,
			taskId: task().taskId,
			...extra,
		});

		expect(error.message).toBe(message);
		expect(session.standIn.requests).toHaveLength(0);
	});
});

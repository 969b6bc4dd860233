import { errorFamilies, found, RouteError, type ErrorCatalog } from '../errors';
import { randomId } from '../ids';
import { paginateV1 } from '../pagination';
import { bodyObject, optionalString, queryInteger, queryValue } from '../route-input';
import type { Route, RouteContext } from '../router';
import {
	workspaceOwner,
	type Conversation,
	type StandInState,
	type Task,
	type User,
} from '../state';

const errors: ErrorCatalog = { family: errorFamilies.tasks };

export const taskRoutes: Route[] = [
	{
		method: 'GET',
		path: '/v1/tasks',
		operationId: 'listTasks_v1',
		errors,
		handle: ({ state, query }) => {
			const page = paginateV1(
				state.tasks,
				queryInteger(query, 'maxResults', 50),
				queryValue(query, 'pageToken'),
			);
			// Unlike the other v1 lists, `nextPageToken` is an optional string here: the last page leaves it out.
			const { nextPageToken, ...rest } = page;
			return { status: 200, body: nextPageToken === null ? rest : page };
		},
	},
	{
		method: 'POST',
		path: '/v1/tasks',
		operationId: 'createTask_v1',
		errors,
		handle: ({ state, body }) => {
			const input = bodyObject(body);
			const link = linkOf(state, input);
			const owner = workspaceOwner(state);
			const assignedTo = optionalString(input.assignedTo) ?? null;
			if (assignedTo !== null) findUser(state, assignedTo);
			const task: Task = {
				taskId: randomId('TK', 16),
				...link,
				phoneNumberGroupId:
					state.phoneNumbers.find((line) => line.id === link.phoneNumberId)?.groupId ?? null,
				orgId: state.organization.id,
				title: optionalString(input.title) ?? null,
				description: optionalString(input.description) ?? null,
				dueDate: optionalString(input.dueDate) ?? null,
				assignedTo,
				assignedBy: assignedTo === null ? null : owner.id,
				createdAt: new Date().toISOString(),
				createdBy: owner.id,
				completed: false,
				isDeleted: false,
				revision: '1',
			};
			state.tasks.unshift(task);
			const data: Record<string, string> = {
				taskId: task.taskId,
				revision: task.revision,
				phoneNumberId: link.phoneNumberId,
			};
			if (link.conversationId) data.conversationId = link.conversationId;
			if (link.activityId) data.activityId = link.activityId;
			return { status: 201, body: { data } };
		},
	},
	{
		method: 'GET',
		path: '/v1/tasks/{taskId}',
		operationId: 'getTaskById_v1',
		errors,
		handle: ({ state, params }) => ({
			status: 200,
			body: { data: findTask(state, params.taskId) },
		}),
	},
	{
		method: 'PUT',
		path: '/v1/tasks/{taskId}',
		operationId: 'updateTask_v1',
		errors,
		handle: (context) =>
			change(context, (task, input) => {
				task.title = optionalString(input.title) ?? task.title;
				task.description = optionalString(input.description) ?? task.description;
			}),
	},
	{
		method: 'DELETE',
		path: '/v1/tasks/{taskId}',
		operationId: 'deleteTask_v1',
		errors,
		handle: ({ state, params }) => {
			const task = findTask(state, params.taskId);
			state.tasks.splice(state.tasks.indexOf(task), 1);
			return { status: 204 };
		},
	},
	action('complete', 'completeTask_v1', (task) => {
		task.completed = true;
	}),
	action('reopen', 'reopenTask_v1', (task) => {
		task.completed = false;
	}),
	action('assign', 'assignTask_v1', (task, input, state) => {
		task.assignedTo = findUser(state, optionalString(input.userId)).id;
		task.assignedBy = workspaceOwner(state).id;
	}),
	action('unassign', 'unassignTask_v1', (task, input, state) => {
		const user = findUser(state, optionalString(input.userId));
		if (task.assignedTo !== user.id)
			throw new RouteError(400, 'The user is not assigned to this task');
		task.assignedTo = null;
		task.assignedBy = null;
	}),
	action('link-conversation', 'linkTaskToConversation_v1', (task, input, state) => {
		task.conversationId = findConversation(state, input.conversationId).id;
	}),
	action('unlink-conversation', 'unlinkTaskFromConversation_v1', (task, input) => {
		if (task.conversationId === null || task.conversationId !== input.conversationId) {
			throw new RouteError(400, 'The task is not linked to this conversation');
		}
		task.conversationId = null;
	}),
	action('change-due-date', 'changeTaskDueDate_v1', (task, input) => {
		task.dueDate = optionalString(input.dueDate) ?? task.dueDate;
	}),
	action('remove-due-date', 'removeTaskDueDate_v1', (task) => {
		task.dueDate = null;
	}),
];

type TaskChange = (task: Task, input: Record<string, unknown>, state: StandInState) => void;

/** `POST /v1/tasks/{taskId}/<name>`: changes the task and answers `{taskId, revision}`. */
function action(name: string, operationId: string, apply: TaskChange): Route {
	return {
		method: 'POST',
		path: `/v1/tasks/{taskId}/${name}`,
		operationId,
		errors,
		handle: (context) => change(context, apply),
	};
}

/** Every change bumps the task's revision. */
function change({ state, params, body }: RouteContext, apply: TaskChange) {
	const task = findTask(state, params.taskId);
	apply(task, bodyObject(body), state);
	task.revision = String(Number(task.revision) + 1);
	return { status: 200, body: { data: { taskId: task.taskId, revision: task.revision } } };
}

function findTask(state: StandInState, id: string | undefined): Task {
	return found(
		state.tasks.find((candidate) => candidate.taskId === id),
		'Task',
	);
}

function findUser(state: StandInState, id: string | undefined): User {
	return found(
		state.users.find((candidate) => candidate.id === id),
		'User',
	);
}

function findConversation(state: StandInState, id: unknown): Conversation {
	return found(
		state.conversations.find((candidate) => candidate.id === id),
		'Conversation',
	);
}

/** A task is linked to exactly one thing (the spec's anyOf checks that); its Quo number is found through it. */
function linkOf(
	state: StandInState,
	input: Record<string, unknown>,
): { phoneNumberId: string; conversationId: string | null; activityId: string | null } {
	if (typeof input.conversationId === 'string') {
		const conversation = findConversation(state, input.conversationId);
		return {
			phoneNumberId: conversation.phoneNumberId,
			conversationId: conversation.id,
			activityId: null,
		};
	}
	if (typeof input.activityId === 'string') {
		const activity = found(
			state.calls.find((call) => call.id === input.activityId) ??
				state.messages.find((message) => message.id === input.activityId),
			'Activity',
		);
		return {
			phoneNumberId: found(activity.phoneNumberId ?? undefined, 'Phone number of the activity'),
			conversationId: null,
			activityId: activity.id,
		};
	}
	const line = found(
		state.phoneNumbers.find((candidate) => candidate.id === input.phoneNumberId),
		'Phone number',
	);
	return { phoneNumberId: line.id, conversationId: null, activityId: null };
}

import type { INodeProperties } from 'n8n-workflow';

import * as assign from './assign.operation';
import * as changeDueDate from './changeDueDate.operation';
import * as complete from './complete.operation';
import * as create from './create.operation';
import * as deleteTask from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as linkConversation from './linkConversation.operation';
import * as removeDueDate from './removeDueDate.operation';
import * as reopen from './reopen.operation';
import * as unassign from './unassign.operation';
import * as unlinkConversation from './unlinkConversation.operation';
import * as update from './update.operation';

// `delete` is a reserved word, so the operation module is bound as `deleteTask` and exported under its value.
export {
	assign,
	changeDueDate,
	complete,
	create,
	deleteTask as delete,
	get,
	getMany,
	linkConversation,
	removeDueDate,
	reopen,
	unassign,
	unlinkConversation,
	update,
};

const CHANGED = 'Returns the task ID and its new revision.';

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{
				name: 'Assign',
				value: 'assign',
				action: 'Assign a task to a user',
				description: `Add a Quo user to the assignees of a task. Needs the task ID (TK…) and the user. ${CHANGED}`,
			},
			{
				name: 'Change Due Date',
				value: 'changeDueDate',
				action: 'Change the due date of a task',
				description: `Set when a task is due. Needs the task ID (TK…) and the new date and time. ${CHANGED}`,
			},
			{
				name: 'Complete',
				value: 'complete',
				action: 'Complete a task',
				description: `Mark a task as done. Needs the task ID (TK…). ${CHANGED}`,
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a task',
				description:
					'Create a to-do in Quo, linked to exactly one of a Quo number, a conversation or an activity (a message or call, AC…). Needs a title and that link; optionally a description, due date and assignee. Returns the new task ID (TK…), its revision and what it is linked to.',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a task',
				description:
					'Delete a task for good. Needs the task ID (TK…). Returns the ID with "deleted": true.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a task',
				description:
					'Fetch one task. Needs the task ID (TK…). Returns its title, description, due date, assignee, whether it is completed, and the Quo number, conversation or activity it is linked to.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many tasks',
				description:
					"List the workspace's tasks, all of them or up to a limit. Needs nothing else. Returns one item per task, as Get does.",
			},
			{
				name: 'Link Conversation',
				value: 'linkConversation',
				action: 'Link a task to a conversation',
				description: `Link a task to a conversation. Needs the task ID (TK…) and the conversation (from the list, or CN…). ${CHANGED}`,
			},
			{
				name: 'Remove Due Date',
				value: 'removeDueDate',
				action: 'Remove the due date of a task',
				description: `Clear the due date of a task. Needs the task ID (TK…). ${CHANGED}`,
			},
			{
				name: 'Reopen',
				value: 'reopen',
				action: 'Reopen a task',
				description: `Mark a completed task as not done again. Needs the task ID (TK…). ${CHANGED}`,
			},
			{
				name: 'Unassign',
				value: 'unassign',
				action: 'Unassign a user from a task',
				description: `Take a Quo user off the assignees of a task. Needs the task ID (TK…) and the user. ${CHANGED}`,
			},
			{
				name: 'Unlink Conversation',
				value: 'unlinkConversation',
				action: 'Unlink a task from a conversation',
				description: `Unlink a task from a conversation. Needs the task ID (TK…) and the conversation (from the list, or CN…). ${CHANGED}`,
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a task',
				description: `Change the title, the description or both of a task; one left out stays as it is. Needs the task ID (TK…). ${CHANGED}`,
			},
		],
		default: 'create',
	},
	...assign.description,
	...changeDueDate.description,
	...complete.description,
	...create.description,
	...deleteTask.description,
	...get.description,
	...getMany.description,
	...linkConversation.description,
	...removeDueDate.description,
	...reopen.description,
	...unassign.description,
	...unlinkConversation.description,
	...update.description,
];

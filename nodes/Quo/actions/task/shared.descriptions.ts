import type { INodeProperties } from 'n8n-workflow';

export const taskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. TK123abc',
	description: 'The ID of the Quo task, starting with TK, as Create and Get Many return it',
};

export const dueDateField: INodeProperties = {
	displayName: 'Due Date',
	name: 'dueDate',
	type: 'dateTime',
	default: '',
	description: 'When the task is due',
};

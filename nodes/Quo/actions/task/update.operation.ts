import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fieldError } from '../fieldErrors';
import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { updateFieldsCollection } from '../common.descriptions';
import { taskIdField } from './shared.descriptions';
import { requireTaskId } from './shared';

const properties: INodeProperties[] = [
	taskIdField,
	updateFieldsCollection([
		{
			displayName: 'Description',
			name: 'description',
			type: 'string',
			default: '',
			typeOptions: { rows: 3 },
			description: 'The new description; empty clears it',
		},
		{
			displayName: 'Title',
			name: 'title',
			type: 'string',
			default: '',
			placeholder: 'e.g. Call back about the quote',
			description: 'The new title',
		},
	]),
];

const displayOptions = { show: { resource: ['task'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Quo replaces title and description together (`PUT`): one left out is read from the task first, so it stays as it is. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const taskId = requireTaskId.call(this, itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	if (fields.title === undefined && fields.description === undefined) {
		throw fieldError(node, 'Update Fields', 'add the title, the description or both', itemIndex);
	}
	if (fields.title !== undefined && String(fields.title).trim() === '') {
		throw fieldError(node, 'Title', 'cannot be empty', itemIndex);
	}
	const path = `/v1/tasks/${encodeURIComponent(taskId)}`;
	const notFound = `the task ${taskId}`;
	const current =
		fields.title === undefined || fields.description === undefined
			? unwrapData(await quoApiRequest.call(this, { method: 'GET', path, itemIndex, notFound }))
			: {};
	const body = {
		title: String(fields.title ?? current.title ?? '').trim(),
		description: String(fields.description ?? current.description ?? ''),
	};
	return unwrapData(
		await quoApiRequest.call(this, { method: 'PUT', path, body, itemIndex, notFound }),
	);
}

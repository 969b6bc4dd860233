import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { quoApiRequest } from '../../transport';
import { taskIdField } from './shared.descriptions';
import { requireTaskId } from './shared';

const properties: INodeProperties[] = [taskIdField];

const displayOptions = { show: { resource: ['task'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = requireTaskId.call(this, itemIndex);
	await quoApiRequest.call(this, {
		method: 'DELETE',
		path: `/v1/tasks/${encodeURIComponent(taskId)}`,
		itemIndex,
		notFound: `the task ${taskId}`,
	});
	return { taskId, deleted: true };
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { taskIdField } from './shared.descriptions';
import { requireTaskId } from './shared';

const properties: INodeProperties[] = [taskIdField];

const displayOptions = { show: { resource: ['task'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const taskId = requireTaskId.call(this, itemIndex);
	return unwrapData(
		await quoApiRequest.call(this, {
			method: 'GET',
			path: `/v1/tasks/${encodeURIComponent(taskId)}`,
			itemIndex,
			notFound: `the task ${taskId}`,
		}),
	);
}

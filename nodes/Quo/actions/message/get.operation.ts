import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { requireMessageId } from './shared';
import { messageIdField } from './shared.descriptions';

const properties: INodeProperties[] = [messageIdField];

const displayOptions = { show: { resource: ['message'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const messageId = requireMessageId.call(this, itemIndex);
	const response = await quoApiRequest.call(this, {
		method: 'GET',
		path: `/v1/messages/${encodeURIComponent(messageId)}`,
		itemIndex,
		notFound: `the message ${messageId}`,
	});
	return unwrapData(response);
}

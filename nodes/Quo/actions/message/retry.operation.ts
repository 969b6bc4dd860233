import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { quoApiRequest } from '../../transport';
import { requireMessageId } from './shared';
import { messageIdField } from './shared.descriptions';

const properties: INodeProperties[] = [messageIdField];

const displayOptions = { show: { resource: ['message'], operation: ['retry'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Quo answers 202 with an empty body and sends again in the background. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const messageId = requireMessageId.call(this, itemIndex);
	await quoApiRequest.call(this, {
		method: 'POST',
		path: `/messages/${encodeURIComponent(messageId)}/retry`,
		itemIndex,
		notFound: `the message ${messageId}`,
	});
	return { messageId, retryAccepted: true };
}

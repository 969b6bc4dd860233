import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { unwrapData } from '../../transport/responseData';
import { require2026Webhook } from './webhookGeneration';
import { quoApiRequest } from '../../transport';
import { webhookIdField } from './shared.descriptions';

const properties: INodeProperties[] = [webhookIdField];

const displayOptions = { show: { resource: ['webhook'], operation: ['rotateSecret'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webhookId = require2026Webhook(
		this.getNode(),
		this.getNodeParameter('webhookId', itemIndex),
		'rotate a signing secret',
		itemIndex,
	);
	const response = await quoApiRequest.call(this, { method: 'POST', path: `/webhooks/${webhookId}/rotate`, itemIndex });
	return { id: webhookId, ...unwrapData(response) };
}

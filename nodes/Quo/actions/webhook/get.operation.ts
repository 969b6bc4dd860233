import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { unwrapData } from '../../transport/responseData';
import { webhookPath, webhookRefOf } from './webhookGeneration';
import { quoApiRequest } from '../../transport';
import { webhookIdField } from './shared.descriptions';

const properties: INodeProperties[] = [webhookIdField];

const displayOptions = { show: { resource: ['webhook'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webhook = webhookRefOf(
		this.getNode(),
		this.getNodeParameter('webhookId', itemIndex),
		itemIndex,
	);
	const response = await quoApiRequest.call(this, {
		method: 'GET',
		path: webhookPath(webhook),
		itemIndex,
		notFound: `the webhook ${webhook.id}`,
	});
	return { ...unwrapData(response), apiVersion: webhook.apiVersion };
}

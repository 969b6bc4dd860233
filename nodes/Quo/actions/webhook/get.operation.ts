import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getSubscriptionRecord } from '../../transport/webhooks';
import { webhookRefOf } from './webhookGeneration';
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
	const record = await getSubscriptionRecord.call(this, webhook.id, webhook.apiVersion, itemIndex);
	return { ...record, apiVersion: webhook.apiVersion };
}

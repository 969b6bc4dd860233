import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { webhookRefOf } from './webhookGeneration';
import { deleteSubscription } from '../../transport/webhooks';
import { webhookIdField } from './shared.descriptions';

const properties: INodeProperties[] = [webhookIdField];

const displayOptions = { show: { resource: ['webhook'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webhook = webhookRefOf(
		this.getNode(),
		this.getNodeParameter('webhookId', itemIndex),
		itemIndex,
	);
	await deleteSubscription.call(this, webhook.id, webhook.apiVersion, itemIndex);
	return { id: webhook.id, apiVersion: webhook.apiVersion, deleted: true };
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { webhookRefOf } from './webhookGeneration';
import { deleteSubscription, deleteV1Subscription } from '../../transport/webhooks';
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
	const remove = webhook.apiVersion === 'v1' ? deleteV1Subscription : deleteSubscription;
	await remove.call(this, webhook.id, itemIndex);
	return { id: webhook.id, apiVersion: webhook.apiVersion, deleted: true };
}

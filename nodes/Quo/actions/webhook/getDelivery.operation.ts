import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { getLoggedDelivery } from '../../transport/webhooks';
import { require2026Webhook, requireDeliveryId } from './webhookGeneration';
import { deliveryIdField, webhookIdField } from './shared.descriptions';

const properties: INodeProperties[] = [webhookIdField, deliveryIdField];

const displayOptions = { show: { resource: ['webhook'], operation: ['getDelivery'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webhookId = require2026Webhook.call(this, itemIndex, 'read a delivery');
	const deliveryId = requireDeliveryId.call(this, itemIndex);
	return await getLoggedDelivery.call(this, webhookId, deliveryId, {
		singleAttempt: false,
		itemIndex,
	});
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { unwrapData } from '../../transport/responseData';
import { require2026Webhook, requireDeliveryId } from './webhookGeneration';
import { quoApiRequest } from '../../transport';
import { deliveryIdField, webhookIdField } from './shared.descriptions';

const properties: INodeProperties[] = [webhookIdField, deliveryIdField];

const displayOptions = { show: { resource: ['webhook'], operation: ['getDelivery'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webhookId = require2026Webhook.call(this, itemIndex, 'read a delivery');
	const deliveryId = requireDeliveryId.call(this, itemIndex);
	const response = await quoApiRequest.call(this, {
		method: 'GET',
		path: `/webhooks/${webhookId}/events/${encodeURIComponent(deliveryId)}`,
		itemIndex,
		notFound: `the delivery ${deliveryId} of webhook ${webhookId}`,
	});
	return unwrapData(response);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { require2026Webhook, requireDeliveryId } from './webhookGeneration';
import { retryLoggedDelivery } from '../../transport/webhooks';
import { deliveryIdField, webhookIdField } from './shared.descriptions';

const properties: INodeProperties[] = [webhookIdField, deliveryIdField];

const displayOptions = { show: { resource: ['webhook'], operation: ['retryDelivery'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Quo answers 202 with an empty body and delivers again in the background. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webhookId = require2026Webhook.call(this, itemIndex, 'retry a delivery');
	const deliveryId = requireDeliveryId.call(this, itemIndex);
	await retryLoggedDelivery.call(this, webhookId, deliveryId, itemIndex);
	return { webhookId, deliveryId, retryAccepted: true };
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { require2026Webhook } from './webhookGeneration';
import { rotateSubscriptionKey } from '../../transport/webhooks';
import { webhookIdField } from './shared.descriptions';

const properties: INodeProperties[] = [webhookIdField];

const displayOptions = { show: { resource: ['webhook'], operation: ['rotateSecret'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const webhookId = require2026Webhook.call(this, itemIndex, 'rotate a signing secret');
	return { id: webhookId, key: await rotateSubscriptionKey.call(this, webhookId, itemIndex) };
}

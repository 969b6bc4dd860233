import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eventOptions } from '../../events/catalog';
import { eventsFor } from './webhookEvents';
import { require2026Webhook } from './webhookGeneration';
import { sendTestEvent } from '../../transport/webhooks';
import { webhookIdField } from './shared.descriptions';

const properties: INodeProperties[] = [
	webhookIdField,
	{
		displayName: 'Event',
		name: 'eventType',
		type: 'options',
		options: eventOptions('2026-03-30'),
		required: true,
		default: 'message.received',
		description: 'The event whose sample Quo signs and sends to the webhook URL',
	},
];

const displayOptions = { show: { resource: ['webhook'], operation: ['sendTestEvent'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Quo answers with the rendered sample and delivers it to the URL in the background. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const node = this.getNode();
	const webhookId = require2026Webhook.call(this, itemIndex, 'send a test event');
	const [eventType] = eventsFor(
		node,
		this.getNodeParameter('eventType', itemIndex),
		'2026-03-30',
		'Event',
		itemIndex,
	);
	return await sendTestEvent.call(this, webhookId, eventType, itemIndex);
}

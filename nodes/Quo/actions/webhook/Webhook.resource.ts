import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { Execution } from '../types';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as getOperation from './get.operation';
import * as getDeliveriesOperation from './getDeliveries.operation';
import * as getDeliveryOperation from './getDelivery.operation';
import * as getManyOperation from './getMany.operation';
import * as retryDeliveryOperation from './retryDelivery.operation';
import * as rotateSecret from './rotateSecret.operation';
import * as sendTestEventOperation from './sendTestEvent.operation';
import * as updateOperation from './update.operation';

interface WebhookOperation {
	description: INodeProperties[];
	execute(
		this: IExecuteFunctions,
		itemIndex: number,
		execution: Execution,
	): Promise<IDataObject | IDataObject[]>;
	readOnly?: boolean;
}

function withoutSigningKey(answer: IDataObject): IDataObject {
	const shown = { ...answer };
	delete shown.key;
	return shown;
}

/**
 * Quo's answers may carry a webhook's signing key (v1 get and list do). Only Create and Rotate Secret hand it to the
 * user who asked for it; every other operation leaves it out, so that working with webhooks does not copy keys (the
 * Quo Trigger's among them) into execution data.
 */
function keyless(operation: WebhookOperation): WebhookOperation {
	return {
		description: operation.description,
		readOnly: operation.readOnly,
		async execute(this: IExecuteFunctions, itemIndex: number, execution: Execution) {
			const result = await operation.execute.call(this, itemIndex, execution);
			return Array.isArray(result) ? result.map(withoutSigningKey) : withoutSigningKey(result);
		},
	};
}

const deleteWebhook = keyless(deleteOperation);
export const get = keyless(getOperation);
export const getDeliveries = keyless(getDeliveriesOperation);
export const getDelivery = keyless(getDeliveryOperation);
export const getMany = keyless(getManyOperation);
export const retryDelivery = keyless(retryDeliveryOperation);
export const sendTestEvent = keyless(sendTestEventOperation);
export const update = keyless(updateOperation);

// `delete` is a reserved word, so the operation is bound as `deleteWebhook` and exported under its value.
export { create, deleteWebhook as delete, rotateSecret };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a webhook',
				description:
					'Subscribe a URL to Quo events. Needs the URL and the events; optionally phone numbers, a label and a status. Returns the webhook with its ID and signing key ("key"); a v1 webhook is created once per event family, one item each.',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a webhook',
				description:
					'Remove a webhook so Quo stops sending to it. Needs the webhook ID (digits for 2026-03-30, WH… for v1). Returns the ID with "deleted": true.',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a webhook',
				description:
					'Fetch one webhook by its ID (digits for 2026-03-30, WH… for v1). Returns its URL, events, phone number filter, status, label and "apiVersion".',
			},
			{
				name: 'Get Deliveries',
				value: 'getDeliveries',
				action: 'Get deliveries of a webhook',
				description:
					'List the deliveries of a 2026-03-30 webhook, optionally filtered by status, event type and time. Needs the webhook ID. Returns one item per delivery (ID, event type, status, next attempt).',
			},
			{
				name: 'Get Delivery',
				value: 'getDelivery',
				action: 'Get a webhook delivery',
				description:
					'Fetch one delivery of a 2026-03-30 webhook with the body sent and every attempt (time, HTTP status, response). Needs the webhook ID and the delivery ID.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many webhooks',
				description:
					'List the workspace\'s webhooks of both generations (or one). Returns one item per webhook, each with "apiVersion" set to "2026-03-30" or "v1", without signing keys.',
			},
			{
				name: 'Retry Delivery',
				value: 'retryDelivery',
				action: 'Retry a webhook delivery',
				description:
					'Ask Quo to send one delivery of a 2026-03-30 webhook again, now. Needs the webhook ID and the delivery ID. Returns once Quo accepts.',
			},
			{
				name: 'Rotate Secret',
				value: 'rotateSecret',
				action: 'Rotate the signing secret of a webhook',
				description:
					'Replace the signing secret of a 2026-03-30 webhook; deliveries are signed with the new one from then on. Needs the webhook ID. Returns the new "key" (whsec_…). On a Quo Trigger\'s webhook, the trigger notices and rotates once more, so that only it holds the key.',
			},
			{
				name: 'Send Test Event',
				value: 'sendTestEvent',
				action: 'Send a test event to a webhook',
				description:
					'Have Quo sign and send a sample event of the chosen type to a 2026-03-30 webhook. Needs the webhook ID and the event type. Returns the sample as sent.',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a webhook',
				description:
					'Change the URL, events, phone numbers, status or label of a 2026-03-30 webhook; fields left out stay as they are. Needs the webhook ID. Returns the updated webhook.',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteWebhook.description,
	...get.description,
	...getDeliveries.description,
	...getDelivery.description,
	...getMany.description,
	...retryDelivery.description,
	...rotateSecret.description,
	...sendTestEvent.description,
	...update.description,
];

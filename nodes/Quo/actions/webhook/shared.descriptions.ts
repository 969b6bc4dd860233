import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { eventOptions, type WebhookApiVersion } from '../../events/catalog';

export const webhookIdField: INodeProperties = {
	displayName: 'Webhook ID',
	name: 'webhookId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 1234 or WH123abc',
	description:
		'The ID of the Quo webhook: digits only for a 2026-03-30 webhook, starting with WH for a v1 webhook. The form tells which API is used.',
};

export const deliveryIdField: INodeProperties = {
	displayName: 'Delivery ID',
	name: 'deliveryId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. msg_2abcDEFghiJKLmnoPQRstu',
	description: 'The ID of one delivery of the webhook, as Get Deliveries returns it (also the webhook-ID header of the delivery)',
};

export const apiVersionOptions: INodePropertyOptions[] = [
	{
		name: '2026-03-30',
		value: '2026-03-30',
		description: 'Current webhooks: every event (messages, calls, contacts, tasks), Standard Webhooks signatures, updates, tests and delivery logs',
	},
	{
		name: 'V1 (Legacy)',
		value: 'v1',
		description: 'Older webhooks: message and call events only, one Quo webhook per event family, no updates',
	},
];

export const urlField: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/quo-events',
	description: 'The HTTPS endpoint Quo sends the events to',
};

/** The event picker of one generation; `events` is shown once per generation so each lists only what it offers. */
export function eventsField(apiVersion: WebhookApiVersion): INodeProperties {
	return {
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		options: eventOptions(apiVersion),
		default: [],
		description: 'The Quo events sent to the URL',
	};
}

export const phoneNumberIdsField: INodeProperties = {
	displayName: 'Phone Number Names or IDs',
	name: 'phoneNumberIds',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
	default: [],
	description:
		'Only events on these Quo numbers are sent; leave empty for every number. Contact events are workspace-wide. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const labelField: INodeProperties = {
	displayName: 'Label',
	name: 'label',
	type: 'string',
	default: '',
	placeholder: 'e.g. CRM sync',
	description: 'A name for the webhook, to tell it apart in lists',
};

export const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: [
		{ name: 'Enabled', value: 'enabled', description: 'Quo sends events to the URL' },
		{ name: 'Disabled', value: 'disabled', description: 'Quo keeps the webhook but sends nothing' },
	],
	default: 'enabled',
	description: 'Whether Quo sends events to the webhook',
};

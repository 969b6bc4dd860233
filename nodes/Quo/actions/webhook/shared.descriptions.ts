import type { INodeProperties } from 'n8n-workflow';

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
	description:
		'The ID of one delivery of the webhook, as Get Deliveries returns it (also the webhook-ID header of the delivery)',
};

export const urlField: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://example.com/quo-events',
	description: 'The HTTPS endpoint Quo sends the events to',
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

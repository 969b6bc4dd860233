import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { eventOptions, type WebhookApiVersion } from '../events/catalog';

// The webhook fields both nodes show: the Quo node's Webhook → Create and Update, and the Quo Trigger.

export const apiVersionOptions: INodePropertyOptions[] = [
	{
		name: '2026-03-30',
		value: '2026-03-30',
		description:
			'Current webhooks: every event (messages, calls, contacts, tasks), Standard Webhooks signatures, updates, tests and delivery logs',
	},
	{
		name: 'V1 (Legacy)',
		value: 'v1',
		description:
			'Older webhooks: message and call events only, one Quo webhook per event family, no updates',
	},
];

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

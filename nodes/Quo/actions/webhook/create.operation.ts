import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import {
	groupEventsByV1Family,
	type V1WebhookFamily,
	type WebhookApiVersion,
} from '../../events/catalog';
import type { Execution } from '../types';
import { fieldError } from '../fieldErrors';
import { eventsFor } from './webhookEvents';
import {
	createSubscription,
	createV1Subscriptions,
	resourceIdsFor,
	type SubscriptionSpec,
} from '../../transport/webhooks';
import { apiVersionOptions, eventsField, phoneNumberIdsField } from '../../shared/webhookFields';
import { labelField, statusField, urlField } from './shared.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Webhook Version',
		name: 'apiVersion',
		type: 'options',
		options: apiVersionOptions,
		default: '2026-03-30',
		description: 'Which generation of Quo webhooks to create',
	},
	{ ...urlField, required: true },
	{
		...eventsField('2026-03-30'),
		required: true,
		displayOptions: { show: { apiVersion: ['2026-03-30'] } },
	},
	{ ...eventsField('v1'), required: true, displayOptions: { show: { apiVersion: ['v1'] } } },
	phoneNumberIdsField,
	labelField,
	statusField,
];

const displayOptions = { show: { resource: ['webhook'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
): Promise<IDataObject[]> {
	const node = this.getNode();
	const apiVersion = this.getNodeParameter('apiVersion', itemIndex) as WebhookApiVersion;
	const url = String(this.getNodeParameter('url', itemIndex)).trim();
	if (url === '')
		throw fieldError(node, 'URL', 'required: the endpoint Quo sends the events to', itemIndex);
	const events = eventsFor(
		node,
		this.getNodeParameter('events', itemIndex),
		apiVersion,
		'Events',
		itemIndex,
	);
	const phoneNumberIds = await execution.lookups.phoneNumberIds(
		this.getNodeParameter('phoneNumberIds', itemIndex, []),
		'Phone Numbers',
		itemIndex,
	);
	const label = String(this.getNodeParameter('label', itemIndex, '')).trim();
	const status = this.getNodeParameter('status', itemIndex, 'enabled') as string;

	const resourceIds = resourceIdsFor(phoneNumberIds, events);
	if (apiVersion === 'v1') {
		const specs = [...groupEventsByV1Family(events)].map(
			([family, familyEvents]): [V1WebhookFamily, SubscriptionSpec] => [
				family,
				{ url, events: familyEvents, resourceIds, label, status },
			],
		);
		const created = await createV1Subscriptions.call(this, specs, itemIndex);
		return created.map(({ subscription }) => ({
			...(subscription as unknown as IDataObject),
			apiVersion: 'v1',
		}));
	}
	const subscription = await createSubscription.call(this, {
		url,
		events,
		resourceIds,
		label,
		status,
	});
	return [subscription as unknown as IDataObject];
}

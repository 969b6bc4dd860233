import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { eventOptions } from '../../events/catalog';
import { createdRangeQuery } from '../dateTime';
import { resultLimit } from '../resultLimit';
import { eventsFor } from './webhookEvents';
import { require2026Webhook } from './webhookGeneration';
import { listLoggedDeliveries } from '../../transport/webhooks';
import { filtersWithCreatedRange, limitOption, returnAllOption } from '../common.descriptions';
import { webhookIdField } from './shared.descriptions';

/** The largest page `GET /webhooks/{id}/events` allows. */
const PAGE_SIZE = 50;

const properties: INodeProperties[] = [
	webhookIdField,
	returnAllOption,
	limitOption,
	filtersWithCreatedRange('deliveries', [
		{
			displayName: 'Event Types',
			name: 'eventTypes',
			type: 'multiOptions',
			options: eventOptions('2026-03-30'),
			default: [],
			description: 'Only deliveries of these events',
		},
		{
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{
					name: 'Failed',
					value: 'failed',
					description: 'Every attempt failed and Quo stopped retrying',
				},
				{ name: 'Pending', value: 'pending', description: 'Not attempted yet' },
				{ name: 'Sending', value: 'sending', description: 'Failed so far, Quo is still retrying' },
				{ name: 'Success', value: 'success', description: 'An attempt was answered with 2xx' },
			],
			default: 'failed',
			description: 'Only deliveries in this state',
		},
	]),
];

const displayOptions = { show: { resource: ['webhook'], operation: ['getDeliveries'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const webhookId = require2026Webhook.call(this, itemIndex, 'list deliveries');
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;

	const qs = createdRangeQuery(node, filters, itemIndex);
	if (filters.status) qs.status = filters.status;
	if (Array.isArray(filters.eventTypes) && filters.eventTypes.length > 0) {
		qs.eventTypes = eventsFor(node, filters.eventTypes, '2026-03-30', 'Event Types', itemIndex);
	}

	return await listLoggedDeliveries.call(this, webhookId, {
		qs,
		limit: resultLimit.call(this, itemIndex),
		pageSize: PAGE_SIZE,
		itemIndex,
	});
}

import type { IDataObject, IExecuteFunctions, INodeProperties, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { groupEventsByV1Family, type WebhookApiVersion } from '../../events/catalog';
import type { ExecutionCache } from '../../helpers/executionCache';
import { fieldError } from '../../helpers/fieldErrors';
import { unwrapData } from '../../helpers/responseData';
import { eventsFor } from '../../helpers/webhookEvents';
import { quoApiRequest } from '../../transport';
import {
	apiVersionOptions,
	eventsField,
	labelField,
	phoneNumberIdsField,
	statusField,
	urlField,
} from './shared.descriptions';

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
	{ ...eventsField('2026-03-30'), required: true, displayOptions: { show: { apiVersion: ['2026-03-30'] } } },
	{ ...eventsField('v1'), required: true, displayOptions: { show: { apiVersion: ['v1'] } } },
	phoneNumberIdsField,
	labelField,
	statusField,
];

const displayOptions = { show: { resource: ['webhook'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** v1 has one webhook per event family; all of them are created, or none (the ones made are removed again). */
async function createV1Webhooks(this: IExecuteFunctions, itemIndex: number, base: IDataObject, events: string[]): Promise<IDataObject[]> {
	const created: IDataObject[] = [];
	try {
		for (const [family, familyEvents] of groupEventsByV1Family(events)) {
			const response = await quoApiRequest.call(this, {
				method: 'POST',
				path: `/v1/webhooks/${family}`,
				body: { ...base, events: familyEvents },
				itemIndex,
			});
			created.push({ ...unwrapData(response), apiVersion: 'v1' });
		}
	} catch (error) {
		for (const webhook of created) {
			await quoApiRequest.call(this, { method: 'DELETE', path: `/v1/webhooks/${String(webhook.id)}`, itemIndex }).catch((cleanupError: unknown) => {
				this.logger.warn(`Quo: could not remove v1 webhook ${String(webhook.id)} after a failed create: ${String(cleanupError)}`);
			});
		}
		throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
	}
	return created;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject[]> {
	const node = this.getNode();
	const apiVersion = this.getNodeParameter('apiVersion', itemIndex) as WebhookApiVersion;
	const url = String(this.getNodeParameter('url', itemIndex)).trim();
	if (url === '') throw fieldError(node, 'URL', 'required: the endpoint Quo sends the events to', itemIndex);
	const events = eventsFor(node, this.getNodeParameter('events', itemIndex), apiVersion, 'Events', itemIndex);
	const phoneNumberIds = await cache.phoneNumberIds(this.getNodeParameter('phoneNumberIds', itemIndex, []), 'Phone Numbers', itemIndex);
	const label = String(this.getNodeParameter('label', itemIndex, '')).trim();
	const status = this.getNodeParameter('status', itemIndex, 'enabled') as string;

	const base: IDataObject = { url, status };
	if (label) base.label = label;

	if (apiVersion === 'v1') {
		// v1 states no default for an absent filter, so "every number" is said explicitly.
		base.resourceIds = phoneNumberIds.length > 0 ? phoneNumberIds : ['*'];
		return await createV1Webhooks.call(this, itemIndex, base, events);
	}
	// Quo wants no filter on contact-only webhooks (contact events are workspace-wide); absent means every number.
	const contactOnly = events.every((event) => event.startsWith('contact.'));
	if (phoneNumberIds.length > 0 && !contactOnly) base.resourceIds = phoneNumberIds;
	const response = await quoApiRequest.call(this, { method: 'POST', path: '/webhooks', body: { ...base, events }, itemIndex });
	return [unwrapData(response)];
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Execution } from '../types';
import { fieldError, requireSomeChange } from '../fieldErrors';
import { eventsFor } from './webhookEvents';
import { require2026Webhook } from './webhookGeneration';
import { updateSubscription } from '../../transport/webhooks';
import { updateFieldsCollection } from '../common.descriptions';
import { eventsField, phoneNumberIdsField } from '../../shared/webhookFields';
import { labelField, statusField, urlField, webhookIdField } from './shared.descriptions';

const properties: INodeProperties[] = [
	webhookIdField,
	updateFieldsCollection([
		eventsField('2026-03-30'),
		{ ...labelField, description: 'A new name for the webhook; empty removes the label' },
		{
			...phoneNumberIdsField,
			description:
				'Only events on these Quo numbers are sent; empty sends events of every number. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		statusField,
		urlField,
	]),
];

const displayOptions = { show: { resource: ['webhook'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** A PATCH carries only the fields the user added, so the rest of the webhook stays as it is. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
): Promise<IDataObject> {
	const node = this.getNode();
	const webhookId = require2026Webhook.call(this, itemIndex, 'update a webhook');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;

	const changes: IDataObject = {};
	if (fields.url !== undefined) {
		const url = String(fields.url).trim();
		if (url === '') throw fieldError(node, 'URL', 'cannot be empty', itemIndex);
		changes.url = url;
	}
	if (fields.events !== undefined)
		changes.events = eventsFor(node, fields.events, '2026-03-30', 'Events', itemIndex);
	if (fields.phoneNumberIds !== undefined) {
		const ids = await execution.lookups.phoneNumberIds(
			fields.phoneNumberIds,
			'Phone Numbers',
			itemIndex,
		);
		changes.resourceIds = ids.length > 0 ? ids : ['*'];
	}
	if (fields.status !== undefined) changes.status = fields.status;
	if (fields.label !== undefined) changes.label = String(fields.label).trim() || null;
	requireSomeChange(node, changes, itemIndex);

	return { ...(await updateSubscription.call(this, webhookId, changes, itemIndex)) };
}

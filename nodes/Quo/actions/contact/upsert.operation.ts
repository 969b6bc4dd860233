import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Execution } from '../types';
import { fieldError } from '../fieldErrors';
import { unwrapList } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { additionalFieldsCollection } from '../common.descriptions';
import { contactBody } from './contactBody';
import { createContact } from './create.operation';
import { externalIdField, firstNameField, upsertFields } from './shared.descriptions';
import { updateContact } from './update.operation';

const properties: INodeProperties[] = [
	{
		...externalIdField,
		required: true,
		description:
			"The contact's ID in another system (up to 75 characters): the contact with it is updated, or created with it",
	},
	firstNameField,
	additionalFieldsCollection(upsertFields),
];

const displayOptions = { show: { resource: ['contact'], operation: ['upsert'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/**
 * Finds the contact by External ID: updates it with the fields that are set (empty ones stay as they are), or
 * creates it. Items with the same External ID run in item order, so the second updates what the first created.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
): Promise<IDataObject> {
	const node = this.getNode();
	const externalId = String(this.getNodeParameter('externalId', itemIndex, '')).trim();
	if (externalId === '')
		throw fieldError(node, 'External ID', 'required: the contact is matched on it', itemIndex);
	const body = await contactBody.call(this, {
		collection: 'additionalFields',
		topLevel: { externalId, firstName: this.getNodeParameter('firstName', itemIndex, '') },
		empty: 'omit',
		itemIndex,
		lookups: execution.lookups,
	});

	return await execution.externalIdLanes.run(externalId, async () => {
		const response = await quoApiRequest.call(this, {
			method: 'GET',
			path: '/v1/contacts',
			qs: { externalIds: [externalId], maxResults: 1 },
			itemIndex,
		});
		const [existing] = unwrapList(response);
		if (!existing) return await createContact.call(this, body, itemIndex);
		const changes = { ...body };
		delete changes.externalId;
		if (Object.keys(changes).length === 0) return existing;
		return await updateContact.call(this, String(existing.id), changes, itemIndex);
	});
}

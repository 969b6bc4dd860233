import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Execution } from '../types';
import { requireSomeChange } from '../fieldErrors';
import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { contactRLC, updateFieldsCollection } from '../common.descriptions';
import { contactBody } from './contactBody';
import { requireContactId } from './shared';
import { updateFields } from './shared.descriptions';

const properties: INodeProperties[] = [
	{ ...contactRLC, required: true, description: 'The contact to change' },
	updateFieldsCollection(updateFields),
];

const displayOptions = { show: { resource: ['contact'], operation: ['update'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Quo patches the contact with what is sent; a field added but left empty is cleared. */
export async function updateContact(
	this: IExecuteFunctions,
	contactId: string,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	return unwrapData(
		await quoApiRequest.call(this, {
			method: 'PATCH',
			path: `/v1/contacts/${encodeURIComponent(contactId)}`,
			body,
			itemIndex,
			notFound: `the contact ${contactId}`,
		}),
	);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
): Promise<IDataObject> {
	const contactId = requireContactId.call(this, itemIndex);
	const body = await contactBody.call(this, {
		collection: 'updateFields',
		topLevel: {},
		empty: 'clear',
		itemIndex,
		lookups: execution.lookups,
	});
	requireSomeChange(this.getNode(), body, itemIndex);
	return await updateContact.call(this, contactId, body, itemIndex);
}

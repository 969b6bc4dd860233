import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Execution } from '../types';
import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { additionalFieldsCollection } from '../common.descriptions';
import { contactBody } from './contactBody';
import { createFields, firstNameField } from './shared.descriptions';

const properties: INodeProperties[] = [firstNameField, additionalFieldsCollection(createFields)];

const displayOptions = { show: { resource: ['contact'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Quo requires `defaultFields.firstName`, which may be null. */
export async function createContact(
	this: IExecuteFunctions,
	body: IDataObject,
	itemIndex: number,
): Promise<IDataObject> {
	const withName = {
		...body,
		defaultFields: { firstName: null, ...(body.defaultFields as IDataObject | undefined) },
	};
	return unwrapData(
		await quoApiRequest.call(this, {
			method: 'POST',
			path: '/v1/contacts',
			body: withName,
			itemIndex,
		}),
	);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
): Promise<IDataObject> {
	const body = await contactBody.call(this, {
		collection: 'additionalFields',
		topLevel: { firstName: this.getNodeParameter('firstName', itemIndex, '') },
		empty: 'omit',
		itemIndex,
		lookups: execution.lookups,
	});
	return await createContact.call(this, body, itemIndex);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { quoApiRequest } from '../../transport';
import { contactRLC } from '../common.descriptions';
import { requireContactId } from './shared';

const properties: INodeProperties[] = [
	{ ...contactRLC, required: true, description: 'The contact to delete' },
];

const displayOptions = { show: { resource: ['contact'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = requireContactId.call(this, itemIndex);
	await quoApiRequest.call(this, {
		method: 'DELETE',
		path: `/v1/contacts/${encodeURIComponent(contactId)}`,
		itemIndex,
		notFound: `the contact ${contactId}`,
	});
	return { id: contactId, deleted: true };
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../fieldErrors';
import { quoApiRequest } from '../../transport';
import { contactRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...contactRLC, required: true, description: 'The contact to delete' },
];

const displayOptions = { show: { resource: ['contact'], operation: ['delete'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = requireText(
		this.getNode(),
		this.getNodeParameter('contactId', itemIndex, '', { extractValue: true }),
		'Contact',
		itemIndex,
	);
	await quoApiRequest.call(this, {
		method: 'DELETE',
		path: `/v1/contacts/${encodeURIComponent(contactId)}`,
		itemIndex,
		notFound: `the contact ${contactId}`,
	});
	return { id: contactId, deleted: true };
}

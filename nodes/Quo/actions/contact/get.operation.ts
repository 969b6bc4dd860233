import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireText } from '../fieldErrors';
import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { contactRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...contactRLC, required: true, description: 'The contact to fetch' },
];

const displayOptions = { show: { resource: ['contact'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = requireText(
		this.getNode(),
		this.getNodeParameter('contactId', itemIndex, '', { extractValue: true }),
		'Contact',
		itemIndex,
	);
	return unwrapData(
		await quoApiRequest.call(this, {
			method: 'GET',
			path: `/v1/contacts/${encodeURIComponent(contactId)}`,
			itemIndex,
			notFound: `the contact ${contactId}`,
		}),
	);
}

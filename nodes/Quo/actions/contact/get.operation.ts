import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { contactRLC } from '../common.descriptions';
import { requireContactId } from './shared';

const properties: INodeProperties[] = [
	{ ...contactRLC, required: true, description: 'The contact to fetch' },
];

const displayOptions = { show: { resource: ['contact'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const contactId = requireContactId.call(this, itemIndex);
	return unwrapData(
		await quoApiRequest.call(this, {
			method: 'GET',
			path: `/v1/contacts/${encodeURIComponent(contactId)}`,
			itemIndex,
			notFound: `the contact ${contactId}`,
		}),
	);
}

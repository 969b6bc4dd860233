import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireQuoId, USER_ID } from '../fieldErrors';
import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { userRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...userRLC, required: true, description: 'The Quo user to fetch' },
];

const displayOptions = { show: { resource: ['user'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const userId = requireQuoId(
		this.getNode(),
		this.getNodeParameter('userId', itemIndex, '', { extractValue: true }),
		USER_ID,
		'User',
		itemIndex,
	);
	const response = await quoApiRequest.call(this, {
		method: 'GET',
		path: `/v1/users/${encodeURIComponent(userId)}`,
		itemIndex,
		notFound: `the user ${userId}`,
	});
	return unwrapData(response);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireQuoId, USER_ID } from '../fieldErrors';
import { unwrapList } from '../../transport/responseData';
import { resultLimit } from '../resultLimit';
import { quoApiRequest } from '../../transport';
import { filtersCollection, limitOption, returnAllOption, userRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	returnAllOption,
	limitOption,
	filtersCollection([{ ...userRLC, description: 'Only the numbers this Quo user has' }]),
];

const displayOptions = { show: { resource: ['phoneNumber'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

/** Quo lists every number on one page; the limit is applied here. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = String(
		this.getNodeParameter('filters.userId', itemIndex, '', { extractValue: true }),
	).trim();
	const qs = userId
		? { userId: requireQuoId(this.getNode(), userId, USER_ID, 'User', itemIndex) }
		: undefined;
	const response = await quoApiRequest.call(this, {
		method: 'GET',
		path: '/v1/phone-numbers',
		qs,
		itemIndex,
	});
	return unwrapList(response).slice(0, resultLimit.call(this, itemIndex));
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { resultLimit } from '../resultLimit';
import { quoApiRequestAllItemsV1 } from '../../transport/pagination';
import { limitOption, returnAllOption } from '../common.descriptions';

/** The largest page `GET /v1/tasks` allows. */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [returnAllOption, limitOption];

const displayOptions = { show: { resource: ['task'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const limit = resultLimit.call(this, itemIndex);
	return (await quoApiRequestAllItemsV1.call(this, {
		path: '/v1/tasks',
		limit,
		pageSize: PAGE_SIZE,
		itemIndex,
	})) as IDataObject[];
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { USER_PAGE_SIZE } from '../../transport/workspace';
import { resultLimit } from '../resultLimit';
import { quoApiRequestAllItemsV1 } from '../../transport/pagination';
import { limitOption, returnAllOption } from '../common.descriptions';

const properties: INodeProperties[] = [returnAllOption, limitOption];

const displayOptions = { show: { resource: ['user'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return (await quoApiRequestAllItemsV1.call(this, {
		path: '/v1/users',
		limit: resultLimit.call(this, itemIndex),
		pageSize: USER_PAGE_SIZE,
		itemIndex,
	})) as IDataObject[];
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CONTACT_PAGE_SIZE } from '../../transport/workspace';
import { listOf } from '../lists';
import { resultLimit } from '../resultLimit';
import { quoApiRequestAllItemsV1 } from '../../transport/pagination';
import { filtersCollection, limitOption, returnAllOption } from '../common.descriptions';

const properties: INodeProperties[] = [
	returnAllOption,
	limitOption,
	filtersCollection([
		{
			displayName: 'External IDs',
			name: 'externalIds',
			type: 'string',
			default: '',
			placeholder: 'e.g. crm-42, crm-43',
			description: 'Only the contacts with these IDs from another system, separated by commas',
		},
		{
			displayName: 'Sources',
			name: 'sources',
			type: 'string',
			default: '',
			placeholder: 'e.g. public-api, hubspot',
			description: 'Only the contacts from these sources, separated by commas',
		},
	]),
];

const displayOptions = { show: { resource: ['contact'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	const externalIds = listOf(filters.externalIds);
	const sources = listOf(filters.sources);
	if (externalIds.length > 0) qs.externalIds = externalIds;
	if (sources.length > 0) qs.sources = sources;
	return (await quoApiRequestAllItemsV1.call(this, {
		path: '/v1/contacts',
		qs,
		limit: resultLimit.call(this, itemIndex),
		pageSize: CONTACT_PAGE_SIZE,
		itemIndex,
	})) as IDataObject[];
}

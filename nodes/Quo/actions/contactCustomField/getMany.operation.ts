import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fetchCustomFields } from '../../transport/workspace';
import { resultLimit } from '../resultLimit';
import { limitOption, returnAllOption } from '../common.descriptions';

const properties: INodeProperties[] = [returnAllOption, limitOption];

const displayOptions = { show: { resource: ['contactCustomField'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

/** Quo lists every field on one page; the limit is applied here. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = await fetchCustomFields.call(this, itemIndex);
	return (fields as unknown as IDataObject[]).slice(0, resultLimit.call(this, itemIndex));
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Execution } from '../types';
import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { phoneNumberRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...phoneNumberRLC, required: true, description: 'The Quo number to fetch' },
];

const displayOptions = { show: { resource: ['phoneNumber'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

/** An E.164 number is looked up among the workspace's numbers first (Quo gets numbers by ID only). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
): Promise<IDataObject> {
	const value = this.getNodeParameter('phoneNumberId', itemIndex, '', { extractValue: true });
	const phoneNumberId = await execution.lookups.phoneNumberId(value, 'Phone Number', itemIndex);
	const response = await quoApiRequest.call(this, {
		method: 'GET',
		path: `/v1/phone-numbers/${encodeURIComponent(phoneNumberId)}`,
		itemIndex,
		notFound: `the phone number ${phoneNumberId}`,
	});
	return unwrapData(response);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { requireCallId } from './shared';
import { callIdField } from './shared.descriptions';

const properties: INodeProperties[] = [callIdField];

const displayOptions = { show: { resource: ['call'], operation: ['get'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const callId = requireCallId.call(this, itemIndex);
	const response = await quoApiRequest.call(this, {
		method: 'GET',
		path: `/v1/calls/${encodeURIComponent(callId)}`,
		itemIndex,
		notFound: `the call ${callId}`,
	});
	return unwrapData(response);
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { downloadTargetOf, withDownloads } from './mediaDownload';
import { unwrapList } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { BinaryItems } from '../types';
import { requireCallId } from './shared';
import { callIdField, downloadFields } from './shared.descriptions';

const properties: INodeProperties[] = [callIdField, ...downloadFields('recordings')];

const displayOptions = { show: { resource: ['call'], operation: ['getRecordings'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

/** One item per recording segment, each with its call ID; a segment without a link (not finished) gets no file. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[] | BinaryItems> {
	const callId = requireCallId.call(this, itemIndex);
	const download = this.getNodeParameter('download', itemIndex, false) as boolean;
	const target = download ? downloadTargetOf.call(this, itemIndex) : undefined;
	const response = await quoApiRequest.call(this, {
		method: 'GET',
		path: `/v1/call-recordings/${encodeURIComponent(callId)}`,
		itemIndex,
		notFound: `the call ${callId}`,
	});
	const recordings = unwrapList(response).map((recording): IDataObject => ({
		callId,
		...recording,
	}));
	if (!target) return recordings;

	const entries = recordings.map((recording) => ({
		json: recording,
		media:
			typeof recording.url === 'string'
				? {
						url: recording.url,
						baseName: `${callId}-${String(recording.id)}`,
						mimeType: typeof recording.type === 'string' ? recording.type : undefined,
						what: `recording ${String(recording.id)} of call ${callId}`,
					}
				: undefined,
	}));
	return new BinaryItems(await withDownloads.call(this, entries, target, itemIndex));
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { downloadTargetOf, withDownloads } from './mediaDownload';
import { BinaryItems } from '../types';
import { fetchCallArtifact, requireCallId } from './shared';
import { callIdField, downloadFields } from './shared.descriptions';

const properties: INodeProperties[] = [callIdField, ...downloadFields('voicemail')];

const displayOptions = { show: { resource: ['call'], operation: ['getVoicemail'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

/** A voicemail still being processed has no link yet: its item comes without a file. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject | BinaryItems> {
	const callId = requireCallId.call(this, itemIndex);
	const download = this.getNodeParameter('download', itemIndex, false) as boolean;
	const target = download ? downloadTargetOf.call(this, itemIndex) : undefined;
	const voicemail = await fetchCallArtifact.call(
		this,
		`/v1/call-voicemails/${encodeURIComponent(callId)}`,
		callId,
		itemIndex,
	);
	if (!target) return voicemail;

	const url =
		voicemail.ready === true && typeof voicemail.recordingUrl === 'string'
			? voicemail.recordingUrl
			: undefined;
	const media = url
		? { url, baseName: `${callId}-${String(voicemail.id)}`, what: `voicemail of call ${callId}` }
		: undefined;
	return new BinaryItems(
		await withDownloads.call(this, [{ json: voicemail, media }], target, itemIndex),
	);
}

import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_MAX_FILE_SIZE_MB } from './mediaDownload';
import { optionsCollection } from '../common.descriptions';

export const callIdField: INodeProperties = {
	displayName: 'Call ID',
	name: 'callId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. AC123abc',
	description:
		'The ID of the Quo call, starting with AC, as Get Many and the Quo Trigger return it',
};

/** "Download", where the file goes and how large it may be, for recordings and voicemails. */
export function downloadFields(what: string): INodeProperties[] {
	return [
		{
			displayName: 'Download',
			name: 'download',
			type: 'boolean',
			default: false,
			description: `Whether to download the ${what} as binary data, to store or transcribe it`,
		},
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			displayOptions: { show: { download: [true] } },
			hint: 'The name of the output binary field to put the file in',
		},
		{
			...optionsCollection([
				{
					displayName: 'Max File Size (MB)',
					name: 'maxFileSizeMb',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: DEFAULT_MAX_FILE_SIZE_MB,
					description: `The largest ${what} file to download, in megabytes; a larger one fails the item instead of filling n8n's memory`,
				},
			]),
			displayOptions: { show: { download: [true] } },
		},
	];
}

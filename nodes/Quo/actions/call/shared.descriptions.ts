import type { INodeProperties } from 'n8n-workflow';

export const callIdField: INodeProperties = {
	displayName: 'Call ID',
	name: 'callId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. AC123abc',
	description: 'The ID of the Quo call, starting with AC, as Get Many and the Quo Trigger return it',
};

/** "Download" and where the file goes, for recordings and voicemails. */
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
	];
}

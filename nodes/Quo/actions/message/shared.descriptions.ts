import type { INodeProperties } from 'n8n-workflow';

export const messageIdField: INodeProperties = {
	displayName: 'Message ID',
	name: 'messageId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. AC123abc',
	description: 'The ID of the Quo message, starting with AC, as Send and Get Many return it',
};

import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['phoneNumber'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a phone number',
				description:
					"Fetch one of the workspace's Quo numbers. Needs the number (from the list, its ID starting with PN, or the E.164 number). Returns its name, E.164 and formatted number, the users who share it and its calling and texting restrictions.",
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many phone numbers',
				description:
					"List the workspace's Quo numbers, optionally only those a given user has. Returns one item per number with its ID (PN…), name, E.164 number and users.",
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
];

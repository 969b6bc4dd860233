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
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a user',
				description:
					'Fetch one member of the Quo workspace. Needs the user (from the list, or the ID starting with US). Returns their name, email, role (owner, admin, member) and picture URL.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many users',
				description:
					'List the members of the Quo workspace, all of them or up to a limit. Needs nothing else. Returns one item per user with ID (US…), name, email and role.',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
];

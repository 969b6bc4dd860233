import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contactCustomField'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many contact custom fields',
				description:
					'List the custom contact fields set up in Quo (they can only be created there). Needs nothing else. Returns one item per field with its name, key and type (string, URL, address, number, boolean, date or multi-select), which contact Create, Update and Upsert accept.',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];

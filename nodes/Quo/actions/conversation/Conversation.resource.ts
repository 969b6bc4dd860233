import type { INodeProperties } from 'n8n-workflow';

import * as getMany from './getMany.operation';
import * as markAsDone from './markAsDone.operation';
import * as markAsOpen from './markAsOpen.operation';
import * as markAsRead from './markAsRead.operation';

export { getMany, markAsDone, markAsOpen, markAsRead };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many conversations',
				description:
					'List conversations, most recent first; can filter by Quo numbers, user, creation or update time, and leave out inactive ones. Returns one item per conversation with its ID (CN…), Quo number, participants, name and last activity.',
			},
			{
				name: 'Mark as Done',
				value: 'markAsDone',
				action: 'Mark a conversation as done',
				description:
					'Move a conversation to Done in the Quo inbox without sending anything. Needs the conversation (from the list, or its ID starting with CN). Returns the updated conversation.',
			},
			{
				name: 'Mark as Open',
				value: 'markAsOpen',
				action: 'Mark a conversation as open',
				description:
					'Move a conversation back to Open in the Quo inbox, e.g. to follow it up. Needs the conversation (from the list, or its ID starting with CN). Returns the updated conversation.',
			},
			{
				name: 'Mark as Read',
				value: 'markAsRead',
				action: 'Mark a conversation as read',
				description:
					'Clear the unread indicator of a conversation without sending anything. Needs the conversation (from the list, or its ID starting with CN). Returns the updated conversation.',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
	...markAsDone.description,
	...markAsOpen.description,
	...markAsRead.description,
];

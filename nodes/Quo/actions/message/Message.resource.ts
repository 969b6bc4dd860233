import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as retry from './retry.operation';
import * as send from './send.operation';

export { get, getMany, retry, send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a message',
				description:
					'Fetch one message by its ID (AC…). Returns its text, sender, recipients, direction, status (queued, sent, delivered, undelivered, received) and conversation ID.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many messages',
				description:
					'List the messages of one conversation. Needs the Quo number and the other participants (E.164); can filter by creation time and sender. Returns one item per message.',
			},
			{
				name: 'Retry',
				value: 'retry',
				action: 'Retry a failed message',
				description:
					'Ask Quo to send again a message whose sending failed. Needs the message ID (AC…). Messages that failed permanently or were undelivered cannot be retried. Returns the message ID once Quo accepts.',
			},
			{
				name: 'Send',
				value: 'send',
				action: 'Send a message',
				description:
					'Send an SMS from one of your Quo numbers to 1 to 10 E.164 numbers (more than one is a group message). Needs From, To and Content. Returns the queued message with its ID (AC…) and status. A failed send is reported and never repeated automatically.',
			},
		],
		default: 'send',
	},
	...get.description,
	...getMany.description,
	...retry.description,
	...send.description,
];

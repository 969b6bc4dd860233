import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as call from './call/Call.resource';
import * as contact from './contact/Contact.resource';
import * as contactCustomField from './contactCustomField/ContactCustomField.resource';
import * as conversation from './conversation/Conversation.resource';
import * as message from './message/Message.resource';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';
import * as task from './task/Task.resource';
import * as user from './user/User.resource';
import * as webhook from './webhook/Webhook.resource';

/** Everything of the node's description but its identity (name, icon, subtitle), which `Quo.node.ts` holds. */
export const versionDescription: Omit<
	INodeTypeDescription,
	'displayName' | 'name' | 'icon' | 'subtitle' | 'description' | 'defaults'
> = {
	group: ['transform'],
	version: 1,
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'quoApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [
				{
					name: 'Call',
					value: 'call',
					description:
						'Calls of your Quo numbers, with their recordings, summaries, transcripts and voicemails',
				},
				{
					name: 'Contact',
					value: 'contact',
					description: 'The people and businesses in your Quo workspace',
				},
				{
					name: 'Contact Custom Field',
					value: 'contactCustomField',
					description: "The workspace's own contact fields, as set up in Quo",
				},
				{
					name: 'Conversation',
					value: 'conversation',
					description: 'The threads of messages and calls between a Quo number and other numbers',
				},
				{
					name: 'Message',
					value: 'message',
					description: 'Text messages sent from or to your Quo numbers',
				},
				{ name: 'Phone Number', value: 'phoneNumber', description: "The workspace's Quo numbers" },
				{
					name: 'Task',
					value: 'task',
					description: 'To-dos linked to a Quo number, a conversation or a call or message',
				},
				{ name: 'User', value: 'user', description: 'The members of the Quo workspace' },
				{
					name: 'Webhook',
					value: 'webhook',
					description: 'Subscriptions that send Quo events to a URL',
				},
			],
			default: 'message',
		},
		...call.description,
		...contact.description,
		...contactCustomField.description,
		...conversation.description,
		...message.description,
		...phoneNumber.description,
		...task.description,
		...user.description,
		...webhook.description,
	],
};

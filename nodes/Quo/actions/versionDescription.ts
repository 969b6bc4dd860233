import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import * as message from './message/Message.resource';
import * as webhook from './webhook/Webhook.resource';

/** Everything of the node's description but its identity (name, icon, subtitle), which `Quo.node.ts` holds. */
export const versionDescription: Omit<INodeTypeDescription, 'displayName' | 'name' | 'icon' | 'subtitle' | 'description' | 'defaults'> = {
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
				{ name: 'Message', value: 'message', description: 'Text messages sent from or to your Quo numbers' },
				{ name: 'Webhook', value: 'webhook', description: 'Subscriptions that send Quo events to a URL' },
			],
			default: 'message',
		},
		...message.description,
		...webhook.description,
	],
};

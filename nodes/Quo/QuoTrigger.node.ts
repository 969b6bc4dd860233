import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { apiVersionOptions, eventsField, phoneNumberIdsField } from './shared/webhookFields';
import { QUO_EVENT_CATALOG, type WebhookApiVersion } from './events/catalog';
import { getPhoneNumbers } from './methods/loadOptions';
import { dropRepeats } from './trigger/dedupe';
import { receiveDelivery } from './trigger/delivery';
import {
	ensureSubscribed,
	subscribe,
	type TriggerConfig,
	unsubscribe,
} from './trigger/registration';
import type { DirectionFilter } from './trigger/subscriptionState';

/** Event labels by name, for the subtitle: the editor evaluates it, so the labels travel inside the expression. */
const EVENT_LABELS = JSON.stringify(
	Object.fromEntries(QUO_EVENT_CATALOG.map(({ name, label }) => [name, label])),
);

/** The Direction option; an expression that gives anything else fails the activation, naming the field. */
function directionOf(this: IHookFunctions): DirectionFilter {
	const direction = this.getNodeParameter('options.direction', 'both') as string;
	if (direction === 'both' || direction === 'incoming' || direction === 'outgoing')
		return direction;
	throw new NodeOperationError(
		this.getNode(),
		`Direction: '${direction}' is none of 'both', 'incoming' and 'outgoing'`,
	);
}

function triggerConfig(this: IHookFunctions): TriggerConfig {
	const workflow = this.getWorkflow();
	return {
		apiVersion: this.getNodeParameter('apiVersion') as WebhookApiVersion,
		events: this.getNodeParameter('events') as string[],
		phoneNumberIds: this.getNodeParameter('phoneNumberIds', []) as string[],
		includeRawBody: this.getNodeParameter('options.includeRawBody', false) as boolean,
		direction: directionOf.call(this),
		url: this.getNodeWebhookUrl('default') as string,
		label: `n8n: ${workflow.name ?? 'workflow'} (${workflow.id ?? 'unsaved'})`.slice(0, 100),
	};
}

export class QuoTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Quo Trigger',
		name: 'quoTrigger',
		icon: { light: 'file:quo.svg', dark: 'file:quo.dark.svg' },
		group: ['trigger'],
		// n8n evaluates an expression for every delivery to a start node of typeVersion 1 (its Webhook node v1's
		// binary option), which costs an expression isolate on n8n 2.x. Both versions behave the same for the user.
		version: [1, 1.1],
		defaultVersion: 1.1,
		// The labels of the first two events, then how many more: a long selection would not fit under the node.
		subtitle: `={{ $parameter["events"].slice(0, 2).map((event) => (${EVENT_LABELS})[event] ?? event).join(", ") + ($parameter["events"].length > 2 ? " +" + ($parameter["events"].length - 2) + " more" : "") }}`,
		// n8n's nodes panel shows this for the combined Quo entry too, so it speaks for both nodes.
		description:
			'Start workflows on Quo (formerly OpenPhone) texts, calls, contacts and tasks, and send texts or manage them',
		defaults: { name: 'Quo Trigger' },
		documentationUrl: 'https://github.com/n8n-nodes-quo/n8n-nodes-quo#quo-trigger',
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'quoApi', required: true }],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		triggerPanel: {
			header: 'Waiting for Quo to send an event',
			executionsHelp: {
				inactive:
					"<b>While building your workflow</b>, click 'Execute step' (or 'Listen for test event'): n8n registers a test webhook at Quo, and Quo sends a signed <b>sample</b> of the first selected event, so an item shows up at once. A sample's IDs are Quo's placeholders (its items say <code>sample: true</code>), so a step that uses them against Quo, such as a reply from <code>context.phoneNumberId</code>, fails: text or call your Quo number for a real event instead.<br /><br /><b>Once you're happy with your workflow</b>, publish (activate) it: n8n registers the production webhook, and every text, call or contact change you picked starts a run. Unpublishing removes the webhook at Quo.",
				active:
					"<b>While building your workflow</b>, click 'Execute step' (or 'Listen for test event'): Quo sends a signed sample of the first selected event; its IDs are placeholders (<code>sample: true</code>).<br /><br /><b>Your workflow is published</b>: every event you picked starts a run, and each shows up in the executions list. Unpublishing removes the webhook at Quo.",
			},
			activationHint:
				"Once you've finished building your workflow, publish (activate) it: Quo then sends every event you picked, and n8n runs the workflow for each.",
		},
		properties: [
			{
				displayName: 'Webhook Version',
				name: 'apiVersion',
				type: 'options',
				options: apiVersionOptions,
				description:
					'Which generation of Quo webhooks to register. Pick 2026-03-30 unless you must stay on v1.',
				default: '2026-03-30',
			},
			...(['2026-03-30', 'v1'] as const).map((apiVersion) => ({
				...eventsField(apiVersion),
				required: true,
				displayOptions: { show: { apiVersion: [apiVersion] } },
				description: 'The Quo events that start the workflow',
			})),
			{
				...phoneNumberIdsField,
				description:
					'Only events on these Quo numbers start the workflow; leave empty for every number. Contact events are workspace-wide and ignore this. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Direction',
						name: 'direction',
						type: 'options',
						options: [
							{ name: 'Incoming and Outgoing', value: 'both' },
							{
								name: 'Incoming Only',
								value: 'incoming',
								description: 'Texts and calls customers send or make to your Quo numbers',
							},
							{
								name: 'Outgoing Only',
								value: 'outgoing',
								description: 'Texts and calls your team sends or makes',
							},
						],
						default: 'both',
						description:
							'Which message and call events start the workflow. Contact, task, summary and transcript events have no direction and always do.',
					},
					{
						displayName: 'Include Raw Body',
						name: 'includeRawBody',
						type: 'boolean',
						default: false,
						description:
							'Whether to add the delivery exactly as Quo sent it, as text, in a "raw" field',
					},
					{
						displayName: 'Send Sample Event on Test',
						name: 'sendSampleEventOnTest',
						type: 'boolean',
						default: true,
						description:
							'Whether to ask Quo for a signed sample of the first selected event when you click "Execute step" ("Listen for test event" in n8n 1.x), so an item shows up at once. Its IDs are placeholders; the item says sample: true (2026-03-30 webhooks only).',
					},
				],
			},
		],
	};

	methods = { loadOptions: { getPhoneNumbers } };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await ensureSubscribed.call(this, triggerConfig.call(this));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				await subscribe.call(this, triggerConfig.call(this));
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				await unsubscribe.call(this, triggerConfig.call(this));
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveDelivery.call(this);
	}

	/** n8n runs this with the item `webhook()` returned: a repeat of an earlier delivery ends here, with no items. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await dropRepeats.call(this);
	}
}

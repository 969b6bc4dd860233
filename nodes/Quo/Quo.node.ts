import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { listSearch, loadOptions } from './methods';

/**
 * The subtitle the canvas shows under the node: what the configured node does, in its operation's action words
 * ("Send a message", "Find contacts by phone number"). n8n evaluates a subtitle with the node's parameters only,
 * so the expression carries the action of every resource and operation.
 */
function actionSubtitle(properties: INodeProperties[]): string {
	const actions: Record<string, string> = {};
	for (const property of properties) {
		if (property.name !== 'operation') continue;
		for (const resource of property.displayOptions?.show?.resource ?? []) {
			for (const option of property.options as INodePropertyOptions[]) {
				actions[`${String(resource)}.${String(option.value)}`] = option.action ?? option.name;
			}
		}
	}
	return `={{ ${JSON.stringify(actions)}[$parameter["resource"] + "." + $parameter["operation"]] }}`;
}

export class Quo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Quo',
		name: 'quo',
		icon: { light: 'file:quo.svg', dark: 'file:quo.dark.svg' },
		subtitle: actionSubtitle(versionDescription.properties),
		description:
			'Send texts, read calls with their recordings, summaries and transcripts, and manage contacts, conversations, tasks and webhooks in Quo (formerly OpenPhone)',
		defaults: { name: 'Quo' },
		// n8n opens a documentationUrl as given; it appends its tracking query to the codex's link, after any #section.
		documentationUrl: 'https://github.com/n8n-nodes-quo/n8n-nodes-quo#quo-node',
		usableAsTool: true,
		...versionDescription,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

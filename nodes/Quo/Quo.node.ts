import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import { listSearch, loadOptions } from './methods';

export class Quo implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Quo',
		name: 'quo',
		icon: { light: 'file:quo.svg', dark: 'file:quo.dark.svg' },
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send texts, read calls with their recordings, summaries and transcripts, and manage contacts, conversations, tasks and webhooks in Quo (formerly OpenPhone)',
		defaults: { name: 'Quo' },
		usableAsTool: true,
		...versionDescription,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}

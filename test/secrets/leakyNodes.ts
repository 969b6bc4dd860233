import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

/**
 * Test-only nodes that let a secret out on purpose, one way per run, so the secret scan's own tests can show
 * that each way is caught when a node runs in the harness as the package's nodes do.
 */

export type LeakyWay =
	| 'n8n log'
	| 'console'
	| 'output'
	| 'binary metadata'
	| 'execution data'
	| 'error'
	| 'error response';

export interface LeakOrder {
	way: LeakyWay;
	/** `apiKey`: the credential's key; anything else is leaked as it is. */
	secret: string;
}

export class LeakyNode implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Leaky',
		name: 'leaky',
		group: ['transform'],
		version: 1,
		description: 'Lets a secret out on purpose',
		defaults: { name: 'Leaky' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'quoApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { way, secret } = this.getInputData()[0].json as unknown as LeakOrder;
		const leaked =
			secret === 'apiKey'
				? (await this.getCredentials<{ apiKey: string }>('quoApi')).apiKey
				: secret;
		switch (way) {
			case 'n8n log':
				// Below the configured level: dropped by the logger, but an operator can turn debug on.
				this.logger.debug('Calling Quo', { headers: { authorization: leaked } });
				break;
			case 'console':
				console.log('Calling Quo with', leaked);
				break;
			case 'output':
				return [[{ json: { nested: [{ note: `key=${leaked}` }] } }]];
			case 'binary metadata':
				return [
					[
						{
							json: {},
							binary: {
								recording: {
									data: Buffer.from('audio').toString('base64'),
									mimeType: 'audio/mpeg',
									fileName: `${leaked}.mp3`,
								},
							},
						},
					],
				];
			case 'execution data':
				this.getContext('node').lastKey = leaked;
				break;
			case 'error':
				throw new NodeApiError(
					this.getNode(),
					{ message: 'Forbidden' },
					{ message: 'Forbidden', description: `The key ${leaked} lacks access` },
				);
			case 'error response':
				throw new NodeApiError(
					this.getNode(),
					{ message: 'Forbidden', request: { headers: { authorization: leaked } } },
					{ message: 'Forbidden' },
				);
		}
		return [[{ json: {} }]];
	}
}

/** Emits the signing key it keeps in static data, and tells Quo too. */
export class LeakyTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Leaky Trigger',
		name: 'leakyTrigger',
		group: ['trigger'],
		version: 1,
		description: 'Lets its signing key out on purpose',
		defaults: { name: 'Leaky Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [],
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const { key } = this.getWorkflowStaticData('node') as { key: string };
		this.getResponseObject().status(401).send(`expected a signature with ${key}`).end();
		return { noWebhookResponse: true, workflowData: [[{ json: { key } }]] };
	}
}

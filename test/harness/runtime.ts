import { ExecuteContext, HookContext, LoadOptionsContext, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { createRunExecutionData, Workflow } from 'n8n-workflow';

import { QuoApi } from '../../credentials/QuoApi.credentials';
import { examine, recordSecret } from '../secrets/ledger';
import { apiKeySecret } from '../secrets/secretForms';
import { InMemoryCredentialsHelper } from './credentialsHelper';

export const PACKAGE_NAME = 'n8n-nodes-quo';
const CREDENTIAL_ID = 'cred-quo-1';

class InMemoryNodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(type: string): INodeType {
		return this.getByNameAndVersion(type);
	}

	getByNameAndVersion(type: string): INodeType {
		const nodeType = this.types[type];
		if (!nodeType) throw new Error(`Unknown node type ${type}`);
		return nodeType;
	}

	getKnownTypes(): IDataObject {
		return {};
	}
}

export interface NodeSetup {
	nodeType: INodeType;
	parameters: INodeParameters;
	/** Set the node's "On Error" to continue with the error as output. */
	continueOnFail?: boolean;
	/** Node name; also the node id unless `id` is given. */
	name?: string;
	/** The trigger's fixed `webhookId`, which makes its URL predictable. */
	webhookId?: string;
	/** The node's typeVersion; default what n8n gives a node added today (the description's default version). */
	typeVersion?: number;
}

/** The typeVersion n8n gives a node of this type added today. */
function newNodeVersion({ description }: INodeType): number {
	const { version, defaultVersion } = description;
	return defaultVersion ?? (Array.isArray(version) ? Math.max(...version) : version);
}

/**
 * Runs our nodes inside n8n-core's real execution contexts, so parameter resolution, `getCredentials`,
 * the credential's `authenticate` block and n8n's HTTP helpers all run as they do inside n8n. The API key it
 * hands out, and everything the nodes return, throw and store, go to the secret scan (test/secrets).
 */
export class N8nRuntime {
	readonly credentialsHelper: InMemoryCredentialsHelper;

	readonly webhookBaseUrl: string;

	constructor(options: { baseUrl: string; apiKey: string; webhookBaseUrl?: string }) {
		const credentialTypes: Record<string, ICredentialType> = { quoApi: new QuoApi() };
		this.credentialsHelper = new InMemoryCredentialsHelper(credentialTypes, {
			quoApi: {
				apiKey: options.apiKey,
				baseUrl: options.baseUrl,
			} as ICredentialDataDecryptedObject,
		});
		this.webhookBaseUrl = options.webhookBaseUrl ?? 'http://127.0.0.1:5678/';
		recordSecret(apiKeySecret(options.apiKey, 'the API key of a test credential'));
	}

	additionalData(
		extra: Partial<IWorkflowExecuteAdditionalData> = {},
	): IWorkflowExecuteAdditionalData {
		return {
			credentialsHelper: this.credentialsHelper,
			executeWorkflow: async () => {
				throw new Error('Sub-workflows are not part of these tests');
			},
			getRunExecutionData: async () => undefined,
			currentNodeExecutionIndex: 0,
			restApiUrl: 'http://127.0.0.1:5678/rest',
			instanceBaseUrl: 'http://127.0.0.1:5678/',
			formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
			webhookBaseUrl: `${this.webhookBaseUrl.replace(/\/$/, '')}/webhook`,
			webhookWaitingBaseUrl: `${this.webhookBaseUrl.replace(/\/$/, '')}/webhook-waiting`,
			webhookTestBaseUrl: `${this.webhookBaseUrl.replace(/\/$/, '')}/webhook-test`,
			variables: {},
			logAiEvent: () => {},
			startRunnerTask: async () => {
				throw new Error('Task runners are not part of these tests');
			},
			...extra,
		} as IWorkflowExecuteAdditionalData;
	}

	/** A one-node workflow holding `setup`, with the given static data (as n8n loads it from its database). */
	workflow(
		setup: NodeSetup,
		staticData: IDataObject = {},
		id = 'wf-1',
	): { workflow: Workflow; node: INode } {
		const typeName = `${PACKAGE_NAME}.${setup.nodeType.description.name}`;
		const node: INode = {
			id: setup.name ?? 'node-1',
			name: setup.name ?? setup.nodeType.description.defaults.name ?? 'Node',
			type: typeName,
			typeVersion: setup.typeVersion ?? newNodeVersion(setup.nodeType),
			position: [0, 0],
			parameters: setup.parameters,
			credentials: { quoApi: { id: CREDENTIAL_ID, name: 'Quo account' } },
			webhookId: setup.webhookId,
			...(setup.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		};
		const workflow = new Workflow({
			id,
			name: 'Quo test workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: new InMemoryNodeTypes({ [typeName]: setup.nodeType }),
			staticData,
		});
		return { workflow, node };
	}

	/** Runs `execute()` of an action node on `items`, in n8n-core's `ExecuteContext`. */
	async execute(
		setup: NodeSetup,
		items: INodeExecutionData[] = [{ json: {} }],
	): Promise<INodeExecutionData[][]> {
		const { workflow, node } = this.workflow(setup);
		return await this.executeIn(setup, workflow, node, items, 'manual');
	}

	/** Runs `execute()` of a node of this workflow on `items` (a trigger's: what its `webhook()` returned). */
	async executeIn(
		setup: NodeSetup,
		workflow: Workflow,
		node: INode,
		items: INodeExecutionData[],
		mode: WorkflowExecuteMode,
	): Promise<INodeExecutionData[][]> {
		const inputData = { main: [items] };
		const runExecutionData = createRunExecutionData();
		const context = new ExecuteContext(
			workflow,
			node,
			this.additionalData(),
			mode,
			runExecutionData,
			0,
			items,
			inputData,
			{ node, data: inputData, source: null },
			[],
		);
		const nodeType = setup.nodeType;
		if (!nodeType.execute) throw new Error(`${nodeType.description.name} has no execute()`);
		const { resource, operation } = setup.parameters;
		const where = {
			source: nodeType.description.name,
			operation: resource === undefined ? undefined : `${String(resource)}.${String(operation)}`,
		};
		try {
			const output = (await nodeType.execute.call(context)) as INodeExecutionData[][];
			examine({ ...where, channel: 'output' }, output.flat());
			return output;
		} catch (error) {
			examine({ ...where, channel: 'error' }, error);
			throw error;
		} finally {
			examine({ ...where, channel: 'execution data' }, runExecutionData);
			examine({ ...where, channel: 'static data' }, workflow.staticData);
		}
	}

	/** Runs a webhook lifecycle method (`checkExists`, `create`, `delete`) in n8n-core's `HookContext`. */
	async hook(
		setup: NodeSetup,
		method: 'checkExists' | 'create' | 'delete',
		workflow: Workflow,
		node: INode,
		options: {
			mode?: WorkflowExecuteMode;
			activation?: WorkflowActivateMode;
			webhookName?: 'default' | 'setup';
		} = {},
	): Promise<boolean | undefined> {
		const webhookData = this.webhookData(setup, workflow, node, options.webhookName);
		const context = new HookContext(
			workflow,
			node,
			this.additionalData(),
			options.mode ?? 'trigger',
			options.activation ?? 'activate',
			webhookData,
		);
		const methods = setup.nodeType.webhookMethods?.[options.webhookName ?? 'default'];
		if (!methods) throw new Error(`${setup.nodeType.description.name} has no webhook methods`);
		const source = setup.nodeType.description.name;
		try {
			return await methods[method].call(context);
		} catch (error) {
			examine({ source, operation: method, channel: 'error' }, error);
			throw error;
		} finally {
			examine({ source, operation: method, channel: 'static data' }, workflow.staticData);
		}
	}

	/** n8n's description of the node's webhook, as the server builds it before calling lifecycle methods. */
	webhookData(
		setup: NodeSetup,
		workflow: Workflow,
		node: INode,
		webhookName: string = 'default',
	): IWebhookData {
		const description = setup.nodeType.description.webhooks?.find(
			(webhook) => webhook.name === webhookName,
		);
		if (!description) throw new Error(`No webhook named ${webhookName}`);
		const path = `${node.webhookId}/${String(description.path)}`;
		return {
			httpMethod: 'POST',
			node: node.name,
			path,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: this.additionalData(),
			webhookId: node.webhookId,
		};
	}

	/** A `WebhookContext` for one delivery: `httpRequest`/`httpResponse` are what n8n's server passes in. */
	webhookContext(
		setup: NodeSetup,
		workflow: Workflow,
		node: INode,
		http: Pick<IWorkflowExecuteAdditionalData, 'httpRequest' | 'httpResponse'>,
		mode: WorkflowExecuteMode = 'webhook',
	): WebhookContext {
		return new WebhookContext(
			workflow,
			node,
			this.additionalData(http),
			mode,
			this.webhookData(setup, workflow, node),
			[],
			null,
		);
	}

	/** Runs a load-options or list-search method in n8n-core's `LoadOptionsContext`. */
	loadOptionsContext(setup: NodeSetup): LoadOptionsContext {
		const { workflow, node } = this.workflow(setup);
		return new LoadOptionsContext(
			workflow,
			node,
			this.additionalData({ currentNodeParameters: setup.parameters }),
			'',
		);
	}
}

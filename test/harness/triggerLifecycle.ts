import type {
	IDataObject,
	INode,
	Workflow,
	WorkflowActivateMode,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import type { N8nRuntime, NodeSetup } from './runtime';

/**
 * What n8n does when a workflow with this trigger is activated (or n8n starts with it active, `init`):
 * `checkExists`, then `create` when that answered false. If `create` throws, n8n runs `delete` and fails.
 */
export async function activate(
	runtime: N8nRuntime,
	setup: NodeSetup,
	workflow: Workflow,
	node: INode,
	activation: WorkflowActivateMode = 'activate',
	mode: WorkflowExecuteMode = 'trigger',
): Promise<void> {
	const options = { activation, mode };
	if (await runtime.hook(setup, 'checkExists', workflow, node, options)) return;
	try {
		await runtime.hook(setup, 'create', workflow, node, options);
	} catch (error) {
		await runtime.hook(setup, 'delete', workflow, node, options).catch(() => undefined);
		throw error;
	}
}

export async function deactivate(
	runtime: N8nRuntime,
	setup: NodeSetup,
	workflow: Workflow,
	node: INode,
): Promise<void> {
	await runtime.hook(setup, 'delete', workflow, node, { activation: 'activate' });
}

/** The workflow's static data as n8n saves it to its database and loads it after a restart. */
export function savedStaticData(workflow: Workflow): IDataObject {
	return JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
}

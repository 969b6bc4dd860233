// The example workflows of examples/ imported into the n8n under test, one report row each. A row fails when a node's
// type or typeVersion is unknown to this n8n, when a parameter is not one the node defines and shows with its other
// settings, or a fixed choice is not among the node's, when the editor would mark a parameter the example does not
// leave to the user on purpose (LEFT_FOR_THE_USER), or when n8n refuses or changes the import. The descriptions are
// the ones this n8n serves (GET /types/nodes.json), read with this n8n's own n8n-workflow.
//
// Imported both ways users do, then deleted again: as the editor saves a file it imported (parameters completed with
// the defaults, a webhookId for webhook nodes, POST /rest/workflows) and as the public API takes the file
// (POST /api/v1/workflows).
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';

import type { INodeTypeDescription } from 'n8n-workflow';

import {
	descriptionFor,
	type Example,
	type ExampleWorkflow,
	LEFT_FOR_THE_USER,
	type NodeHelpersApi,
	parameterIssues,
	parameterProblems,
	readExamples,
	unknownTypeProblem,
} from '../examples/workflowCheck';
import type { Bootstrapped } from '../real-n8n/bootstrap';
import { layout } from '../real-n8n/layout';
import type { Workflow, WorkflowInput, WorkflowNode } from '../real-n8n/n8n-public-api';
import { assert, jsonDifferences } from '../real-n8n/checks';
import type { Report } from '../real-n8n/report';
import type { Target } from './scenarios';

/** NodeHelpers of the n8n-workflow that this n8n version runs on (from its install in the e2e cache). */
function nodeHelpersOf(version: string): NodeHelpersApi {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return (
		require(path.join(layout.n8nDir(version), 'node_modules', 'n8n-workflow')) as {
			NodeHelpers: NodeHelpersApi;
		}
	).NodeHelpers;
}

/** Everything in the example that does not fit the node types this n8n serves; empty when the example is clean. */
function problemsOf(
	example: Example,
	served: INodeTypeDescription[],
	helpers: NodeHelpersApi,
): string[] {
	const problems: string[] = [];
	const issues: Record<string, string[]> = {};
	for (const node of example.workflow.nodes) {
		const unknown = unknownTypeProblem(served, node);
		if (unknown) {
			problems.push(unknown);
			continue;
		}
		const description = descriptionFor(served, node.type, node.typeVersion)!;
		problems.push(...parameterProblems(helpers, description, node));
		Object.assign(issues, parameterIssues(helpers, description, node));
	}
	const leftForTheUser = LEFT_FOR_THE_USER[example.file] ?? [];
	for (const [at, messages] of Object.entries(issues)) {
		if (!leftForTheUser.includes(at))
			problems.push(`${at}: the editor marks it: ${messages.join(' ')}`);
	}
	for (const at of leftForTheUser) {
		if (!(at in issues))
			problems.push(
				`${at}: listed as left for the user, but the editor does not mark it (update LEFT_FOR_THE_USER)`,
			);
	}
	return problems;
}

/**
 * What the editor saves after "Import from File": each node's parameters completed with the defaults of its
 * description (the editor's resolveNodeParameters) and a new webhookId on nodes with webhooks (resolveNodeWebhook).
 */
function asTheEditorSavesIt(
	workflow: ExampleWorkflow,
	served: INodeTypeDescription[],
	helpers: NodeHelpersApi,
): WorkflowInput {
	const nodes = workflow.nodes.map((node): WorkflowNode => {
		const description = descriptionFor(served, node.type, node.typeVersion)!;
		const parameters =
			helpers.getNodeParameters(
				description.properties,
				node.parameters,
				true,
				false,
				node,
				description,
			) ?? {};
		return {
			...(node as WorkflowNode),
			parameters,
			...(description.webhooks?.length ? { webhookId: randomUUID() } : {}),
		};
	});
	return {
		name: workflow.name,
		nodes,
		connections: workflow.connections,
		settings: workflow.settings,
	};
}

/** Differences between the nodes sent and the nodes n8n stored (by name: type, typeVersion, parameters). */
function storedDifferences(
	sent: Array<Pick<WorkflowNode, 'name' | 'type' | 'typeVersion'> & { parameters: object }>,
	stored: WorkflowNode[],
): string[] {
	const differences: string[] = [];
	if (stored.length !== sent.length)
		differences.push(`${stored.length} nodes stored, ${sent.length} sent`);
	for (const node of sent) {
		const kept = stored.find((candidate) => candidate.name === node.name);
		if (!kept) {
			differences.push(`${node.name}: not stored`);
			continue;
		}
		const { name, type, typeVersion, parameters } = node;
		differences.push(
			...jsonDifferences(
				{ type: kept.type, typeVersion: kept.typeVersion, parameters: kept.parameters },
				{ type, typeVersion, parameters },
				6,
				name,
			),
		);
	}
	return differences;
}

/** Imports the example as the editor saves it and through the public API; fails unless both store it as sent. */
async function importBothWays(
	ctx: Bootstrapped,
	example: Example,
	served: INodeTypeDescription[],
	helpers: NodeHelpersApi,
): Promise<void> {
	const created: string[] = [];
	try {
		const editorSaved = asTheEditorSavesIt(example.workflow, served, helpers);
		// The editor sends `active: false` with a new workflow; n8n 1.x's database needs it.
		const viaEditor = await ctx.rest.request<Workflow>('POST', '/workflows', {
			...editorSaved,
			active: false,
		});
		created.push(viaEditor.id);
		const storedFromEditor = await ctx.rest.request<Workflow>('GET', `/workflows/${viaEditor.id}`);
		const editorDifferences = storedDifferences(editorSaved.nodes, storedFromEditor.nodes);
		assert(
			editorDifferences.length === 0,
			`POST /rest/workflows stored something else: ${editorDifferences.join('; ')}`,
		);

		const viaApi = await ctx.api.createWorkflow(example.workflow as WorkflowInput);
		created.push(viaApi.id);
		const apiDifferences = storedDifferences(
			example.workflow.nodes,
			(await ctx.api.getWorkflow(viaApi.id)).nodes,
		);
		assert(
			apiDifferences.length === 0,
			`POST /api/v1/workflows stored something else: ${apiDifferences.join('; ')}`,
		);
	} finally {
		for (const id of created) await ctx.api.deleteWorkflow(id);
	}
}

export async function runExampleImports(target: Target, report: Report): Promise<void> {
	const { version, route, ctx } = target;
	const helpers = nodeHelpersOf(version);
	let served: INodeTypeDescription[] | undefined;
	for (const example of readExamples()) {
		await report.run(version, route, `E examples/${example.file} imports cleanly`, async () => {
			served ??= await ctx.rest.nodeTypes();
			const problems = problemsOf(example, served, helpers);
			assert(problems.length === 0, problems.join('; '));
			await importBothWays(ctx, example, served, helpers);
			const types = [
				...new Set(example.workflow.nodes.map((node) => `${node.type}@${node.typeVersion}`)),
			];
			const leftForTheUser = LEFT_FOR_THE_USER[example.file];
			const toFillIn = leftForTheUser ? `; left to fill in: ${leftForTheUser.join(', ')}` : '';
			return `${example.workflow.nodes.length} nodes known, parameters as n8n defines them; editor and public API imports stored as sent, deleted${toFillIn}; ${types.join(', ')}`;
		});
	}
}

// The example workflows of examples/ and the checks both their test suites run on them: does each node's type and
// typeVersion exist, is every parameter one the node defines and shows with the node's other settings (n8n's
// displayOptions), and is every fixed choice one of the node's choices. The jest test runs them against our own
// node descriptions, the end-to-end run against the descriptions a real n8n serves, with that n8n's n8n-workflow.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

import type {
	INode,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodePropertyOptions,
	INodeTypeDescription,
	NodeHelpers,
} from 'n8n-workflow';

export const EXAMPLES_DIR = path.resolve(__dirname, '..', '..', 'examples');

/** A workflow as n8n's "Download" writes it, limited to what n8n's public API accepts on import. */
export interface ExampleWorkflow {
	name: string;
	nodes: INode[];
	connections: Record<string, Record<string, Array<Array<{ node: string; type: string; index: number }> | null>>>;
	settings: Record<string, unknown>;
}

export interface Example {
	file: string;
	workflow: ExampleWorkflow;
}

export function readExamples(): Example[] {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as ExampleWorkflow }));
}

/**
 * Required parameters an example leaves empty on purpose, as `<node name>.<parameter>`: the user fills them in
 * after importing, and n8n marks them until then. Any other parameter n8n marks is a mistake in the example.
 */
export const LEFT_FOR_THE_USER: Readonly<Record<string, readonly string[]>> = {
	// The Quo number the agent texts from is the user's choice; the model must not pick it.
	'ai-agent-quo-tool.json': ['Send text.from'],
};

/** The parts of n8n-workflow's NodeHelpers the checks use: the repository's copy, or the one of the n8n under test. */
export type NodeHelpersApi = Pick<typeof NodeHelpers, 'displayParameter' | 'getNodeParameters' | 'getNodeParametersIssues'>;

/** The description of `type` that covers `typeVersion`, as n8n picks it (one entry per version or list of versions). */
export function descriptionFor(descriptions: INodeTypeDescription[], type: string, typeVersion: number): INodeTypeDescription | undefined {
	return descriptions.find((description) => description.name === type && [description.version].flat().includes(typeVersion));
}

/** Why n8n would not know this node's type and version, or undefined when it does. */
export function unknownTypeProblem(descriptions: INodeTypeDescription[], node: INode): string | undefined {
	if (descriptionFor(descriptions, node.type, node.typeVersion)) return undefined;
	const versions = descriptions.filter((description) => description.name === node.type).flatMap((description) => [description.version].flat());
	if (versions.length === 0) return `${node.name}: n8n knows no node type ${node.type}`;
	return `${node.name}: ${node.type} has no typeVersion ${node.typeVersion} (it has ${versions.sort((a, b) => a - b).join(', ')})`;
}

interface CheckContext {
	helpers: NodeHelpersApi;
	description: INodeTypeDescription;
	node: INode;
	/** The node's parameters with defaults filled in, as the editor holds them: what `/name` display rules read. */
	root: INodeParameters;
}

type ParameterValues = Record<string, unknown>;

function isObject(value: unknown): value is ParameterValues {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isExpression(value: unknown): boolean {
	return typeof value === 'string' && value.startsWith('=');
}

/** A nested level's values with the defaults of its plain parameters, which sibling display rules read. */
function withDefaults(properties: INodeProperties[], values: ParameterValues): INodeParameters {
	const defaults = properties.filter((property) => typeof property.default !== 'object').map((property) => [property.name, property.default]);
	return { ...Object.fromEntries(defaults), ...values } as INodeParameters;
}

function choiceProblems(property: INodeProperties, values: unknown[], at: string): string[] {
	// Choices loaded from the service at edit time (`loadOptionsMethod`, `loadOptions`) cannot be checked offline.
	if (property.typeOptions?.loadOptionsMethod || property.typeOptions?.loadOptions) return [];
	const allowed = ((property.options ?? []) as INodePropertyOptions[]).map((option) => option.value);
	return values
		.filter((value) => !isExpression(value) && !allowed.includes(value as string))
		.map((value) => `${at}: ${JSON.stringify(value)} is not ${allowed.length > 10 ? `among its ${allowed.length} choices` : `one of ${allowed.map((choice) => JSON.stringify(choice)).join(', ')}`}`);
}

function valueProblems(context: CheckContext, property: INodeProperties, value: unknown, at: string): string[] {
	if (isExpression(value)) return [];
	switch (property.type) {
		case 'options':
			return choiceProblems(property, [value], at);
		case 'multiOptions':
			return Array.isArray(value) ? choiceProblems(property, value, at) : [`${at}: expected a list, got ${JSON.stringify(value)}`];
		case 'boolean':
			return typeof value === 'boolean' ? [] : [`${at}: expected true or false, got ${JSON.stringify(value)}`];
		case 'number':
			return typeof value === 'number' ? [] : [`${at}: expected a number, got ${JSON.stringify(value)}`];
		case 'resourceLocator': {
			// A plain value is accepted too; a locator object must use one of the parameter's modes.
			if (!isObject(value)) return [];
			const modes = (property.modes ?? []).map((mode) => mode.name);
			return modes.includes(String(value.mode)) ? [] : [`${at}: mode ${JSON.stringify(value.mode)} is not one of ${modes.join(', ')}`];
		}
		case 'collection': {
			const options = property.options as INodeProperties[];
			const entries = property.typeOptions?.multipleValues ? [value].flat() : [value];
			return entries.flatMap((entry, index) => {
				const where = property.typeOptions?.multipleValues ? `${at}[${index}]` : at;
				return isObject(entry) ? levelProblems(context, options, entry, `${where}.`) : [`${where}: expected an object, got ${JSON.stringify(entry)}`];
			});
		}
		case 'fixedCollection': {
			if (!isObject(value)) return [`${at}: expected an object, got ${JSON.stringify(value)}`];
			const groups = property.options as INodePropertyCollection[];
			return Object.entries(value).flatMap(([groupName, groupValue]) => {
				const group = groups.find((candidate) => candidate.name === groupName);
				if (!group) return [`${at}.${groupName}: not a group of ${property.name} (${groups.map((candidate) => candidate.name).join(', ')})`];
				const entries = property.typeOptions?.multipleValues ? [groupValue].flat() : [groupValue];
				return entries.flatMap((entry, index) => {
					const where = property.typeOptions?.multipleValues ? `${at}.${groupName}[${index}]` : `${at}.${groupName}`;
					return isObject(entry) ? levelProblems(context, group.values, entry, `${where}.`) : [`${where}: expected an object, got ${JSON.stringify(entry)}`];
				});
			});
		}
		default:
			return [];
	}
}

/**
 * The problems of one level of parameters (the node's, or a collection's): every name must be defined at this
 * level and shown given the other values, and its value must suit one of the shown definitions (a name can be
 * defined several times, each shown for other settings).
 */
function levelProblems(context: CheckContext, properties: INodeProperties[], values: ParameterValues, prefix: string): string[] {
	const { helpers, description, node, root } = context;
	const displayValues = prefix === '' ? root : withDefaults(properties, values);
	return Object.entries(values).flatMap(([name, value]) => {
		const at = `${prefix}${name}`;
		const defined = properties.filter((property) => property.name === name);
		if (defined.length === 0) return [`${at}: not a parameter of ${description.name} v${node.typeVersion}`];
		const shown = defined.filter((property) => helpers.displayParameter(displayValues, property, node, description, root));
		if (shown.length === 0) {
			const rules = defined.map((property) => JSON.stringify(property.displayOptions ?? {}));
			const more = rules.length > 2 ? ` or ${rules.length - 2} more` : '';
			return [`${at}: not shown with the node's other settings (shown when ${rules.slice(0, 2).join(' or ')}${more})`];
		}
		const candidates = shown.map((property) => valueProblems(context, property, value, at));
		return candidates.some((problems) => problems.length === 0) ? [] : candidates[0];
	});
}

/** What in the node's parameters does not fit its type's description; empty when everything does. */
export function parameterProblems(helpers: NodeHelpersApi, description: INodeTypeDescription, node: INode): string[] {
	const root = helpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
	return levelProblems({ helpers, description, node, root }, description.properties, node.parameters, '').map(
		(problem) => `${node.name}: ${problem}`,
	);
}

/**
 * The issues n8n's editor marks on the node once it has filled in the defaults (a required parameter left empty, an
 * ID that fails its format), by `<node name>.<parameter>`.
 */
export function parameterIssues(helpers: NodeHelpersApi, description: INodeTypeDescription, node: INode): Record<string, string[]> {
	const parameters = helpers.getNodeParameters(description.properties, node.parameters, true, false, node, description) ?? {};
	const issues = helpers.getNodeParametersIssues(description.properties, { ...node, parameters }, description)?.parameters ?? {};
	return Object.fromEntries(Object.entries(issues).map(([parameter, messages]) => [`${node.name}.${parameter}`, messages]));
}

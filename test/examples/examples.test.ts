// The example workflows of examples/ against our own nodes: a renamed parameter, operation or event, or a changed
// item shape, fails here before a user imports a broken example. (The end-to-end run imports them into real n8n
// and checks every node, n8n's own included, against what that n8n serves: test/e2e/examples.ts.)
import {
	NodeConnectionTypes,
	NodeHelpers,
	type IDataObject,
	type INode,
	type INodeProperties,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { QuoApi } from '../../credentials/QuoApi.credentials';

import { eventsForApiVersion, type WebhookApiVersion } from '../../nodes/Quo/events/catalog';
import { normalizeEvent } from '../../nodes/Quo/events/normalize';
import { Quo } from '../../nodes/Quo/Quo.node';
import { QuoTrigger } from '../../nodes/Quo/QuoTrigger.node';
import { sampleEnvelope2026 } from '../fixtures/events';
import { N8nRuntime } from '../harness/runtime';
import {
	type ExampleWorkflow,
	LEFT_FOR_THE_USER,
	parameterIssues,
	parameterProblems,
	readExamples,
	unknownTypeProblem,
} from './workflowCheck';

const PACKAGE = 'n8n-nodes-quo';

/**
 * The Quo node as n8n offers it to AI agents (n8n's convertNodeToAiTool, the same in 1.123 and 2.41): the
 * description copied under the name `<name>Tool`, with "Tool Description" and "Description" put first (after the
 * last callout; the Quo node has none).
 */
function asTool(description: INodeTypeDescription): INodeTypeDescription {
	return {
		...description,
		name: `${description.name}Tool`,
		displayName: `${description.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		properties: [
			{
				displayName: 'Tool Description',
				name: 'descriptionType',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Set Automatically', value: 'auto' },
					{ name: 'Set Manually', value: 'manual' },
				],
				default: 'auto',
			},
			{
				displayName: 'Description',
				name: 'toolDescription',
				type: 'string',
				default: description.description,
				required: true,
				typeOptions: { rows: 2 },
				displayOptions: { show: { descriptionType: ['manual'] } },
			},
			...description.properties,
		],
	};
}

const quo = new Quo().description;
/** Our node types under the names workflows use (`<package>.<node>`). */
const ourDescriptions: INodeTypeDescription[] = [quo, asTool(quo), new QuoTrigger().description].map((description) => ({
	...description,
	name: `${PACKAGE}.${description.name}`,
}));

const isOurs = (node: INode) => node.type.startsWith(`${PACKAGE}.`);
const examples = readExamples();
const exampleNamed = (file: string) => examples.find((example) => example.file === file)!.workflow;

const runtime = new N8nRuntime({ baseUrl: 'http://127.0.0.1:9', apiKey: 'examples-test-key' });

/** An expression evaluated by n8n's expression engine on one input item, as a node sees it. */
function evaluate(expression: string, json: object): unknown {
	const { workflow, node } = runtime.workflow({ nodeType: new Quo(), parameters: {} });
	return workflow.expression.getParameterValue(expression, null, 0, 0, node.name, [{ json: json as IDataObject }], 'internal', {});
}

/** The node that feeds `nodeName` through a main connection. */
function sourceOf(workflow: ExampleWorkflow, nodeName: string): INode | undefined {
	const source = Object.entries(workflow.connections).find(([, outputs]) =>
		(outputs.main ?? []).some((targets) => (targets ?? []).some((target) => target.node === nodeName)),
	)?.[0];
	return workflow.nodes.find((node) => node.name === source);
}

/**
 * Samples of the items a node's expressions see as `$json`, when the example says: the Quo Trigger's items for each
 * selected event, passed on unchanged by IF and Filter, or the fields a Set node makes. Undefined otherwise.
 */
function itemsSeenBy(workflow: ExampleWorkflow, nodeName: string): object[] | undefined {
	const source = sourceOf(workflow, nodeName);
	if (!source) return undefined;
	switch (source.type) {
		case `${PACKAGE}.quoTrigger`:
			return (source.parameters.events as string[]).map((event) => normalizeEvent(sampleEnvelope2026(event), { deliveryId: 'msg_sample' }));
		case 'n8n-nodes-base.if':
		case 'n8n-nodes-base.filter':
			return itemsSeenBy(workflow, source.name);
		case 'n8n-nodes-base.set': {
			const { assignments } = source.parameters.assignments as { assignments: Array<{ name: string }> };
			return [Object.fromEntries(assignments.map((assignment) => [assignment.name, 'sample']))];
		}
		default:
			return undefined;
	}
}

/** Every string in a parameter tree, expressions included. */
function parameterStrings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(parameterStrings);
	if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(parameterStrings);
	return [];
}

/** The paths an expression reads from `$json`: `$json.resource.emails[0]?.value` → resource, emails, 0, value (a method call ends a path). */
function jsonPaths(expression: string): string[][] {
	return [...expression.matchAll(/\$json((?:\??\.[A-Za-z_$][\w$]*(?![\w$(])|(?:\?\.)?\[\d+\])+)/g)].map((match) => match[1].match(/[A-Za-z_$][\w$]*|\d+/g)!);
}

function resolves(item: unknown, path: string[]): boolean {
	let current = item;
	for (const segment of path) {
		if (typeof current !== 'object' || current === null || !(segment in current)) return false;
		current = (current as Record<string, unknown>)[segment];
	}
	return true;
}

describe('example workflows', () => {
	test('examples/ holds the five workflows the README lists', () => {
		expect(examples.map((example) => example.file)).toEqual([
			'ai-agent-quo-tool.json',
			'call-summary-to-sheet.json',
			'contact-changed-upsert.json',
			'inbound-sms-auto-reply.json',
			'missed-call-text-back.json',
		]);
	});

	test('the auto-reply treats a text as an opt-out only when it is just the keyword, in any case and punctuation', () => {
		const optOut = exampleNamed('inbound-sms-auto-reply.json').nodes.find((node) => node.name === 'Opt-out keyword?')!;
		const { conditions } = optOut.parameters.conditions as { conditions: Array<{ leftValue: string }> };
		const isOptOut = (text: string) => {
			const envelope = sampleEnvelope2026('message.received');
			envelope.data.resource.text = text;
			return evaluate(conditions[0].leftValue, normalizeEvent(envelope, { deliveryId: 'msg_sample' }));
		};
		for (const text of ['STOP', 'stop', ' Stop! ', 'Unsubscribe.', 'stopall', 'QUIT', 'cancel', 'End']) expect([text, isOptOut(text)]).toEqual([text, true]);
		for (const text of ['stop it please', 'Can I cancel my order?', 'hello', 'the end is near']) expect([text, isOptOut(text)]).toEqual([text, false]);
	});

	describe.each(examples)('$file', ({ file, workflow }) => {
		test("its sticky note names only the workflow's nodes, the Quo nodes' fields and options, and the credential", () => {
			const names = new Set<string>([new QuoApi().displayName, 'OpenAI', 'Quo']);
			for (const node of workflow.nodes) names.add(node.name);
			const addFields = (properties: INodeProperties[]) => {
				for (const property of properties) {
					names.add(property.displayName);
					for (const option of property.options ?? []) {
						if ('name' in option) names.add(option.name);
						if ('displayName' in option) names.add(option.displayName);
						if ('values' in option) addFields(option.values);
					}
				}
			};
			addFields(new QuoTrigger().description.properties);
			addFields(new Quo().description.properties);
			const notes = workflow.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
			// **Bold** starting with a capital letter names something the user looks for; lower case is emphasis.
			const named = notes.flatMap((note) => [...String(note.parameters.content).matchAll(/\*\*([^*]+)\*\*/g)].map(([, name]) => name));
			expect(named.filter((name) => /^[A-Z0-9]/.test(name) && !names.has(name))).toEqual([]);
			const triggerFields = new Set(new QuoTrigger().description.properties.map((property) => property.displayName));
			const underTheTrigger = notes.flatMap((note) => [...String(note.parameters.content).matchAll(/trigger's \*\*([^*]+)\*\*/g)].map(([, name]) => name));
			expect(underTheTrigger.filter((name) => !triggerFields.has(name))).toEqual([]);
		});

		test('is a workflow file n8n imports as it is, from the editor and from its public API', () => {
			// The public API of n8n 1.x refuses any other top-level key (pinData, meta, id...).
			expect(Object.keys(workflow).sort()).toEqual(['connections', 'name', 'nodes', 'settings']);
			const names = workflow.nodes.map((node) => node.name);
			expect(new Set(names).size).toBe(names.length);
			for (const node of workflow.nodes) {
				// No credential reference: the editor drops one it cannot find, and n8n with credential sharing refuses to
				// save a workflow that names a credential the user has no access to. The user picks theirs.
				expect(node.credentials).toBeUndefined();
				// No webhookId: n8n gives each import its own, so a second import of the same example gets its own URL.
				expect(node.webhookId).toBeUndefined();
			}
			for (const [source, outputs] of Object.entries(workflow.connections)) {
				expect(names).toContain(source);
				for (const [type, targets] of Object.entries(outputs)) {
					for (const target of (targets ?? []).flat()) {
						expect(names).toContain(target!.node);
						expect(target!.type).toBe(type);
					}
				}
			}
		});

		test('uses Quo node types and versions the package has, with parameters, operations and choices they define', () => {
			const ours = workflow.nodes.filter(isOurs);
			expect(ours.length).toBeGreaterThan(0);
			for (const node of ours) expect(unknownTypeProblem(ourDescriptions, node)).toBeUndefined();
			const problems = ours.flatMap((node) => parameterProblems(NodeHelpers, ourDescriptions.find((d) => d.name === node.type)!, node));
			expect(problems).toEqual([]);
		});

		test('leaves empty only the Quo parameters the user must fill in', () => {
			const ours = workflow.nodes.filter(isOurs);
			const issues = Object.assign({}, ...ours.map((node) => parameterIssues(NodeHelpers, ourDescriptions.find((d) => d.name === node.type)!, node)));
			const expected = (LEFT_FOR_THE_USER[file] ?? []).filter((at) => ours.some((node) => at.startsWith(`${node.name}.`)));
			expect(Object.keys(issues).sort()).toEqual([...expected].sort());
		});

		test('triggers only on events the chosen webhook version has', () => {
			for (const node of workflow.nodes.filter((candidate) => candidate.type === `${PACKAGE}.quoTrigger`)) {
				const available = eventsForApiVersion(node.parameters.apiVersion as WebhookApiVersion);
				expect(available).toEqual(expect.arrayContaining(node.parameters.events as string[]));
			}
		});

		test('expressions read only fields the items they get have', () => {
			const unresolved: string[] = [];
			let checked = 0;
			for (const node of workflow.nodes) {
				const items = itemsSeenBy(workflow, node.name);
				if (!items) continue;
				for (const path of parameterStrings(node.parameters).flatMap(jsonPaths)) {
					checked++;
					for (const item of items) {
						if (!resolves(item, path)) unresolved.push(`${node.name}: $json.${path.join('.')} not in ${JSON.stringify(item).slice(0, 120)}`);
					}
				}
			}
			expect(unresolved).toEqual([]);
			// Every example but the chat one reads trigger items.
			if (file !== 'ai-agent-quo-tool.json') expect(checked).toBeGreaterThan(0);
		});
	});
});

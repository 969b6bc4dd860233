import {
	NodeHelpers,
	type INodeParameters,
	type INodePropertyOptions,
	type INodeType,
} from 'n8n-workflow';

import { Quo } from '../../../nodes/Quo/Quo.node';
import { QuoTrigger } from '../../../nodes/Quo/QuoTrigger.node';
import { N8nRuntime } from '../../harness/runtime';

const runtime = new N8nRuntime({ baseUrl: 'http://127.0.0.1:9', apiKey: 'subtitle-test-key' });

/**
 * What the canvas shows under a node, as n8n's editor gets it (getNodeSubtitle): the type's subtitle expression
 * evaluated on the node's parameters, which the editor holds with their defaults filled in.
 */
function subtitleOf(nodeType: INodeType, parameters: INodeParameters): string {
	const { description } = nodeType;
	const withDefaults = NodeHelpers.getNodeParameters(
		description.properties,
		parameters,
		true,
		false,
		null,
		description,
	)!;
	const { workflow, node } = runtime.workflow({ nodeType, parameters: withDefaults });
	return String(
		workflow.expression.getSimpleParameterValue(
			node,
			description.subtitle!,
			'internal',
			{} as never,
		),
	);
}

describe('subtitles on the canvas', () => {
	const quo = new Quo();

	test('a Quo node says what it does, in its operation’s action words', () => {
		expect(subtitleOf(quo, {})).toBe('Send a message');
		expect(subtitleOf(quo, { resource: 'contact', operation: 'findByPhone' })).toBe(
			'Find contacts by phone number',
		);
		expect(subtitleOf(quo, { resource: 'call', operation: 'getTranscript' })).toBe(
			'Get the transcript of a call',
		);
		expect(subtitleOf(quo, { resource: 'conversation', operation: 'markAsDone' })).toBe(
			'Mark a conversation as done',
		);
	});

	test('every resource and operation of the Quo node has its action as subtitle', () => {
		const selectors = quo.description.properties.filter(
			(property) => property.name === 'operation',
		);
		for (const selector of selectors) {
			const [resource] = selector.displayOptions!.show!.resource as string[];
			for (const option of selector.options as INodePropertyOptions[]) {
				expect(subtitleOf(quo, { resource, operation: option.value })).toBe(option.action);
			}
		}
	});

	test('a Quo Trigger lists the labels of its events, the first two and then how many more', () => {
		const trigger = new QuoTrigger();
		expect(subtitleOf(trigger, { events: ['message.received'] })).toBe('Message Received');
		expect(subtitleOf(trigger, { events: ['call.missed', 'message.received'] })).toBe(
			'Call Missed, Message Received',
		);
		expect(
			subtitleOf(trigger, {
				events: ['message.received', 'call.missed', 'contact.updated', 'task.created'],
			}),
		).toBe('Message Received, Call Missed +2 more');
	});
});

// The workflows the Quo scenarios create through the public API. Trigger nodes get fixed webhookIds, so their
// production URLs are known in advance: http://127.0.0.1:<port>/webhook/<webhookId>/webhook.
import type { Bootstrapped } from './bootstrap';
import type { WorkflowInput, WorkflowNode } from './n8n-public-api';

export const PACKAGE_NAME = 'n8n-nodes-quo';
export const TRIGGER_TYPE = `${PACKAGE_NAME}.quoTrigger`;
/** The Quo Trigger's typeVersion as the editor adds it today. */
export const TRIGGER_VERSION = 1.1;
export const ACTION_TYPE = `${PACKAGE_NAME}.quo`;
export const CREDENTIAL_TYPE = 'quoApi';
/** The name the workflows here give the Quo Trigger node, under which executions list its output. */
export const TRIGGER_NODE = 'Quo Trigger';

/** Fixed webhookIds of the trigger nodes (one per workflow; the instances are fresh, so they never clash). */
export const WEBHOOK_IDS = {
	current: '5b0f3c52-2026-4330-9a11-000000000001',
	legacy: '5b0f3c52-0001-4330-9a11-000000000002',
	listen: '5b0f3c52-2026-4330-9a11-000000000003',
	action: '5b0f3c52-7e57-4330-9a11-000000000004',
} as const;

/** The path of the Webhook node that starts the action workflow. */
export const ACTION_WEBHOOK_PATH = 'quo-e2e-action';

export const EVENTS_2026 = ['message.received', 'call.summary.completed', 'contact.updated'];
export const EVENTS_V1 = ['message.received', 'call.completed', 'call.summary.completed'];

export interface CredentialRef {
	id: string;
	name: string;
}

/** n8n's production webhook URL of a trigger with a webhookId and the node's webhook path `webhook`. */
export function triggerProductionUrl(baseUrl: string, webhookId: string): string {
	return `${baseUrl}/webhook/${webhookId}/webhook`;
}
/** The test URL n8n registers while the editor listens for a test event. */
export function triggerTestUrl(baseUrl: string, webhookId: string): string {
	return `${baseUrl}/webhook-test/${webhookId}/webhook`;
}

function setNode(name: string, position: [number, number]): WorkflowNode {
	return {
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: [
					{
						id: 'b5d2a8c4-0e0e-4e7a-9a3f-quo-e2e-0001',
						name: 'receivedEvent',
						value: '={{ $json.event }}',
						type: 'string',
					},
				],
			},
			includeOtherFields: true,
			options: {},
		},
	};
}

export interface TriggerInput {
	name: string;
	webhookId: string;
	apiVersion: '2026-03-30' | 'v1';
	events: string[];
	credential: CredentialRef;
	options?: Record<string, unknown>;
}

/** The Quo Trigger node, named 'Quo Trigger', for one webhook generation. */
function quoTriggerNode(input: TriggerInput): WorkflowNode {
	return {
		name: TRIGGER_NODE,
		type: TRIGGER_TYPE,
		typeVersion: TRIGGER_VERSION,
		position: [0, 0],
		webhookId: input.webhookId,
		parameters: {
			apiVersion: input.apiVersion,
			events: input.events,
			phoneNumberIds: [],
			options: input.options ?? {},
		},
		credentials: { [CREDENTIAL_TYPE]: input.credential },
	};
}

/** Quo Trigger -> Set, for one webhook generation. */
export function triggerWorkflow(input: TriggerInput): WorkflowInput {
	return {
		name: input.name,
		nodes: [quoTriggerNode(input), setNode('Set', [260, 0])],
		connections: { [TRIGGER_NODE]: { main: [[{ node: 'Set', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** Quo Trigger -> No Operation: nothing but the trigger's own work and n8n's (the soak test). */
export function triggerNoOpWorkflow(input: TriggerInput): WorkflowInput {
	return {
		name: input.name,
		nodes: [
			quoTriggerNode(input),
			{
				name: 'No Operation',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				position: [260, 0],
				parameters: {},
			},
		],
		connections: { [TRIGGER_NODE]: { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/**
 * Webhook -> Quo (webhook: getMany, both generations) -> Quo (message: send, once). The Webhook node answers with
 * every item of the last node, so the HTTP response is the send's output.
 */
export function actionWorkflow(input: {
	name: string;
	credential: CredentialRef;
	fromPhoneNumberId: string;
	to: string;
	content: string;
}): WorkflowInput {
	return {
		name: input.name,
		nodes: [
			{
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: WEBHOOK_IDS.action,
				parameters: {
					httpMethod: 'POST',
					path: ACTION_WEBHOOK_PATH,
					responseMode: 'lastNode',
					responseData: 'allEntries',
					options: {},
				},
			},
			{
				name: 'List Webhooks',
				type: ACTION_TYPE,
				typeVersion: 1,
				position: [260, 0],
				parameters: {
					resource: 'webhook',
					operation: 'getMany',
					apiVersion: 'all',
					returnAll: true,
				},
				credentials: { [CREDENTIAL_TYPE]: input.credential },
			},
			{
				name: 'Send Message',
				type: ACTION_TYPE,
				typeVersion: 1,
				position: [520, 0],
				executeOnce: true,
				parameters: {
					resource: 'message',
					operation: 'send',
					from: { __rl: true, mode: 'id', value: input.fromPhoneNumberId },
					to: input.to,
					content: input.content,
				},
				credentials: { [CREDENTIAL_TYPE]: input.credential },
			} as WorkflowNode,
		],
		connections: {
			Webhook: { main: [[{ node: 'List Webhooks', type: 'main', index: 0 }]] },
			'List Webhooks': { main: [[{ node: 'Send Message', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

/** For the README pictures: Quo Trigger -> Quo (send a reply), not activated. */
export function showcaseWorkflow(input: {
	credential: CredentialRef;
	fromPhoneNumberId: string;
}): WorkflowInput {
	return {
		name: 'Quo: reply to incoming texts',
		nodes: [
			{
				name: TRIGGER_NODE,
				type: TRIGGER_TYPE,
				typeVersion: TRIGGER_VERSION,
				position: [0, 0],
				webhookId: WEBHOOK_IDS.listen,
				parameters: {
					apiVersion: '2026-03-30',
					events: ['message.received', 'call.summary.completed'],
					phoneNumberIds: [],
					options: { sendSampleEventOnTest: true },
				},
				credentials: { [CREDENTIAL_TYPE]: input.credential },
			},
			{
				name: 'Send a reply',
				type: ACTION_TYPE,
				typeVersion: 1,
				position: [300, 0],
				parameters: {
					resource: 'message',
					operation: 'send',
					from: { __rl: true, mode: 'id', value: input.fromPhoneNumberId },
					to: '={{ $json.context.senderIdentifier }}',
					content: 'Thanks for your message, we will get back to you shortly.',
				},
				credentials: { [CREDENTIAL_TYPE]: input.credential },
			},
		],
		connections: { [TRIGGER_NODE]: { main: [[{ node: 'Send a reply', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

/**
 * The credential's data for POST /api/v1/credentials. n8n adds `allowedHttpRequestDomains`/`allowedDomains` to
 * every credential with an `authenticate` block; 1.123's schema then demands `allowedDomains` unless
 * `allowedHttpRequestDomains` is given (a JSON-schema `if` that passes when the property is absent), so the
 * default, 'all', is sent whenever the schema knows the property.
 */
export async function credentialData(
	ctx: Bootstrapped,
	data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
	const schema = (await ctx.api.credentialSchema(CREDENTIAL_TYPE)) as {
		properties?: Record<string, unknown>;
	};
	return schema.properties && 'allowedHttpRequestDomains' in schema.properties
		? { ...data, allowedHttpRequestDomains: 'all' }
		: data;
}

import type { NodeMap } from '../../nodes/Quo/actions/node.type';
import type { StandIn, StandInOptions } from '../stand-in';
import { seededParticipant } from '../stand-in/seed';
import { seededContactNumber } from '../stand-in/seed-contacts';
import { callQuo } from '../stand-in/test-support/quo-client';
import { locator, type NodeParameters } from '../nodes/Quo/actions/support';

/** Just enough workspace for every operation below: calls 0 (answered) and 1 (missed), tasks 0 (assigned) and 1 (linked). */
export const SEED: StandInOptions['seed'] = {
	users: 3,
	phoneNumbers: 3,
	messages: 2,
	contacts: 3,
	calls: 2,
	conversations: 1,
	tasks: 2,
};

/** One way to run a node operation with minimal valid parameters, against a stand-in seeded with `SEED`. */
export interface MinimalRun {
	/** Tells variants of one operation apart: "v1, two families". */
	variant?: string;
	/** Puts what the operation works on into the stand-in (a webhook, a delivery, a failed message). */
	prepare?(standIn: StandIn): Promise<void>;
	parameters(standIn: StandIn): NodeParameters;
}

const WEBHOOK_URL = 'https://example.com/quo-events';

const line = (standIn: StandIn) => standIn.state.phoneNumbers[0]!;
const call = (standIn: StandIn, index: number) => standIn.state.calls[index]!.id;
const contact = (standIn: StandIn, index: number) => standIn.state.contacts[index]!.id;
const conversation = (standIn: StandIn) => locator('list', standIn.state.conversations[0]!.id);
const task = (standIn: StandIn, index: number) => standIn.state.tasks[index]!.taskId;
const owner = (standIn: StandIn) => locator('list', standIn.state.users[0]!.id);
const webhookId = (standIn: StandIn) => standIn.state.webhooks2026[0]!.id;
const deliveryId = (standIn: StandIn) => standIn.state.deliveries[0]!.id;

/** A 2026-03-30 webhook whose URL nothing answers, so test events and retried deliveries fail fast. */
async function webhook(standIn: StandIn): Promise<void> {
	const created = await callQuo(standIn, 'POST', '/webhooks', {
		body: { url: 'http://127.0.0.1:9/quo-events', events: ['message.received'] },
	});
	if (created.status !== 201)
		throw new Error(`Could not create the webhook to work on: HTTP ${created.status}`);
}

async function webhookWithDelivery(standIn: StandIn): Promise<void> {
	await webhook(standIn);
	await standIn.deliver({
		webhookId: webhookId(standIn),
		envelope: { id: 'EVfault', type: 'message.received' },
		retry: false,
	});
}

async function failedMessage(standIn: StandIn): Promise<void> {
	standIn.state.failedMessageIds.push(standIn.state.messages[0]!.id);
}

/**
 * Minimal parameters for every operation of the Quo node, typed against the node's operations: a new operation
 * does not compile until it has an entry here, and the fault matrix then runs it under every fault.
 */
export const minimalRuns: { [R in keyof NodeMap]: Record<NodeMap[R], MinimalRun[]> } = {
	call: {
		get: [{ parameters: (s) => ({ callId: call(s, 0) }) }],
		getMany: [
			{
				parameters: (s) => ({
					phoneNumberId: locator('list', line(s).id),
					participant: seededParticipant,
					limit: 2,
				}),
			},
		],
		getRecordings: [{ parameters: (s) => ({ callId: call(s, 0) }) }],
		getSummary: [{ parameters: (s) => ({ callId: call(s, 0) }) }],
		getTranscript: [{ parameters: (s) => ({ callId: call(s, 0) }) }],
		getVoicemail: [{ parameters: (s) => ({ callId: call(s, 1) }) }],
	},
	contact: {
		create: [{ parameters: () => ({ firstName: 'Ada' }) }],
		get: [{ parameters: (s) => ({ contactId: locator('list', contact(s, 0)) }) }],
		getMany: [{ parameters: () => ({ limit: 2 }) }],
		update: [
			{
				parameters: (s) => ({
					contactId: locator('id', contact(s, 0)),
					updateFields: { role: 'CTO' },
				}),
			},
		],
		delete: [{ parameters: (s) => ({ contactId: locator('id', contact(s, 1)) }) }],
		findByPhone: [{ parameters: () => ({ phoneNumber: seededContactNumber(0), returnAll: true }) }],
		upsert: [{ parameters: () => ({ externalId: 'crm-new', firstName: 'Grace' }) }],
	},
	contactCustomField: {
		getMany: [{ parameters: () => ({ returnAll: true }) }],
	},
	conversation: {
		getMany: [{ parameters: () => ({ limit: 1 }) }],
		markAsRead: [{ parameters: (s) => ({ conversationId: conversation(s) }) }],
		markAsDone: [{ parameters: (s) => ({ conversationId: conversation(s) }) }],
		markAsOpen: [{ parameters: (s) => ({ conversationId: conversation(s) }) }],
	},
	message: {
		send: [
			{
				parameters: (s) => ({
					from: locator('list', line(s).id),
					to: seededParticipant,
					content: 'Your table is ready',
				}),
			},
		],
		get: [{ parameters: (s) => ({ messageId: s.state.messages[0]!.id }) }],
		getMany: [
			{
				parameters: (s) => ({
					phoneNumberId: locator('list', line(s).id),
					participants: seededParticipant,
					limit: 2,
				}),
			},
		],
		retry: [
			{ prepare: failedMessage, parameters: (s) => ({ messageId: s.state.messages[0]!.id }) },
		],
	},
	phoneNumber: {
		get: [{ parameters: (s) => ({ phoneNumberId: locator('list', line(s).id) }) }],
		getMany: [{ parameters: () => ({ returnAll: true }) }],
	},
	task: {
		create: [
			{
				parameters: (s) => ({
					title: 'Call back',
					phoneNumberId: locator('list', line(s).id),
					conversationId: locator('list', ''),
					activityId: '',
				}),
			},
		],
		get: [{ parameters: (s) => ({ taskId: task(s, 0) }) }],
		getMany: [{ parameters: () => ({ limit: 2 }) }],
		update: [
			{
				parameters: (s) => ({
					taskId: task(s, 0),
					updateFields: { title: 'New title', description: '' },
				}),
			},
		],
		delete: [{ parameters: (s) => ({ taskId: task(s, 0) }) }],
		complete: [{ parameters: (s) => ({ taskId: task(s, 0) }) }],
		reopen: [{ parameters: (s) => ({ taskId: task(s, 0) }) }],
		assign: [{ parameters: (s) => ({ taskId: task(s, 1), userId: owner(s) }) }],
		unassign: [{ parameters: (s) => ({ taskId: task(s, 0), userId: owner(s) }) }],
		linkConversation: [
			{ parameters: (s) => ({ taskId: task(s, 0), conversationId: conversation(s) }) },
		],
		unlinkConversation: [
			{ parameters: (s) => ({ taskId: task(s, 1), conversationId: conversation(s) }) },
		],
		changeDueDate: [
			{ parameters: (s) => ({ taskId: task(s, 0), dueDate: '2031-01-02T03:04:05Z' }) },
		],
		removeDueDate: [{ parameters: (s) => ({ taskId: task(s, 0) }) }],
	},
	user: {
		get: [{ parameters: (s) => ({ userId: locator('id', s.state.users[1]!.id) }) }],
		getMany: [{ parameters: () => ({ limit: 2 }) }],
	},
	webhook: {
		create: [
			{
				parameters: () => ({
					apiVersion: '2026-03-30',
					url: WEBHOOK_URL,
					events: ['message.received'],
				}),
			},
			{
				variant: 'v1, two families',
				parameters: () => ({
					apiVersion: 'v1',
					url: WEBHOOK_URL,
					events: ['message.received', 'call.completed'],
				}),
			},
		],
		get: [{ prepare: webhook, parameters: (s) => ({ webhookId: webhookId(s) }) }],
		getMany: [{ prepare: webhook, parameters: () => ({ returnAll: true }) }],
		update: [
			{
				prepare: webhook,
				parameters: (s) => ({ webhookId: webhookId(s), updateFields: { label: 'renamed' } }),
			},
		],
		delete: [{ prepare: webhook, parameters: (s) => ({ webhookId: webhookId(s) }) }],
		rotateSecret: [{ prepare: webhook, parameters: (s) => ({ webhookId: webhookId(s) }) }],
		sendTestEvent: [
			{
				prepare: webhook,
				parameters: (s) => ({ webhookId: webhookId(s), eventType: 'message.received' }),
			},
		],
		getDeliveries: [
			{
				prepare: webhookWithDelivery,
				parameters: (s) => ({ webhookId: webhookId(s), returnAll: true }),
			},
		],
		getDelivery: [
			{
				prepare: webhookWithDelivery,
				parameters: (s) => ({ webhookId: webhookId(s), deliveryId: deliveryId(s) }),
			},
		],
		retryDelivery: [
			{
				prepare: webhookWithDelivery,
				parameters: (s) => ({ webhookId: webhookId(s), deliveryId: deliveryId(s) }),
			},
		],
	},
};

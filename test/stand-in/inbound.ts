import { randomId } from './ids';
import type { Message, StandInState, Webhook2026, WebhookV1 } from './state';
import { workspaceOwner } from './state';
import type { DeliveryResult, StandIn } from './types';

export interface InboundText {
	text: string;
	/** The customer's number (E.164); default the first seeded contact's, else +15555550100. */
	from?: string;
	/** The Quo number texted (a `PN…` id or its E.164 number); default the workspace's first. */
	to?: string;
}

export interface InboundTextResult {
	message: Message;
	/** One per subscription that takes `message.received` on that number (both webhook generations). */
	deliveries: DeliveryResult[];
}

const takesEverything = (resourceIds: string[]) =>
	resourceIds.length === 0 || resourceIds.includes('*');

/**
 * A customer texts one of the workspace's numbers, as Quo would see it: the message is stored (Get Many lists it)
 * and Quo delivers a signed `message.received` to every enabled webhook that takes it on that number.
 */
export async function receiveInboundText(
	standIn: StandIn,
	inbound: InboundText,
): Promise<InboundTextResult> {
	const { state } = standIn;
	const line = state.phoneNumbers.find(
		(phoneNumber) =>
			inbound.to === undefined ||
			phoneNumber.id === inbound.to ||
			phoneNumber.number === inbound.to,
	);
	if (!line) throw new Error(`${inbound.to} is not one of the stand-in workspace's numbers`);
	const contact = state.contacts[0];
	const from = inbound.from ?? contact?.defaultFields.phoneNumbers[0]?.value ?? '+15555550100';
	const now = new Date().toISOString();
	const conversation = state.conversations.find(
		(candidate) => candidate.phoneNumberId === line.id && candidate.participants.includes(from),
	);
	const message: Message = {
		id: randomId('AC', 32),
		to: [line.number],
		from,
		text: inbound.text,
		phoneNumberId: line.id,
		conversationId: conversation?.id ?? randomId('CN', 32),
		direction: 'incoming',
		userId: workspaceOwner(state).id,
		status: 'received',
		createdAt: now,
		updatedAt: now,
	};
	state.messages.unshift(message);
	const matchingContacts = state.contacts.filter((candidate) =>
		candidate.defaultFields.phoneNumbers.some((entry) => entry.value === from),
	);

	const current = state.webhooks2026.filter((webhook) => takesText(webhook, line.id));
	const legacy = state.webhooksV1.filter((webhook) => takesText(webhook, line.id));
	const deliveries = await Promise.all([
		...current.map(
			async (webhook) =>
				await standIn.deliver({
					webhookId: webhook.id,
					envelope: currentEnvelope(
						message,
						matchingContacts.map(({ id }) => id),
					),
				}),
		),
		...legacy.map(
			async (webhook) =>
				await standIn.deliver({ webhookId: webhook.id, envelope: legacyEnvelope(message) }),
		),
	]);
	return { message, deliveries };
}

function takesText(webhook: Webhook2026 | WebhookV1, phoneNumberId: string): boolean {
	if ('deletedAt' in webhook && webhook.deletedAt !== null) return false;
	return (
		webhook.status === 'enabled' &&
		webhook.events.includes('message.received') &&
		(takesEverything(webhook.resourceIds) || webhook.resourceIds.includes(phoneNumberId))
	);
}

function currentEnvelope(message: Message, contactIds: string[]): object {
	return {
		id: randomId('EV', 32),
		apiVersion: '2026-03-30',
		createdAt: message.createdAt,
		type: 'message.received',
		data: {
			resource: {
				id: message.id,
				direction: 'incoming',
				text: message.text,
				status: 'received',
				createdAt: message.createdAt,
			},
			context: {
				phoneNumberId: message.phoneNumberId,
				conversationId: message.conversationId,
				userId: message.userId,
				contacts: { ids: contactIds, lookupStatus: contactIds.length > 0 ? 'matched' : 'none' },
				senderIdentifier: message.from,
				recipientIdentifiers: message.to,
			},
			links: {
				quo: `https://my.quo.com/inbox/${message.phoneNumberId}/c/${message.conversationId}?at=${message.id}`,
			},
		},
	};
}

function legacyEnvelope(message: Message): object {
	return {
		id: randomId('EV', 32),
		object: 'event',
		apiVersion: 'v3',
		createdAt: message.createdAt,
		type: 'message.received',
		data: {
			object: {
				id: message.id,
				object: 'message',
				from: message.from,
				to: message.to[0],
				direction: 'incoming',
				body: message.text,
				media: [],
				status: 'received',
				createdAt: message.createdAt,
				userId: message.userId,
				phoneNumberId: message.phoneNumberId,
				conversationId: message.conversationId,
			},
		},
	};
}

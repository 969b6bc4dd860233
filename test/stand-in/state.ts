/** The stand-in's in-memory Quo workspace. Field names and shapes follow the OpenAPI response schemas. */

export type UserRole = 'owner' | 'admin' | 'member';
export type WebhookStatus = 'enabled' | 'disabled';
export type Restriction = 'restricted' | 'unrestricted';
export type DeliveryStatus = 'success' | 'pending' | 'sending' | 'failed';
export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'received';

export interface User {
	id: string;
	email: string;
	firstName: string | null;
	lastName: string | null;
	pictureUrl: string | null;
	role: UserRole;
	createdAt: string;
	updatedAt: string;
}

export interface PhoneNumberUser {
	id: string;
	email: string;
	firstName: string | null;
	lastName: string | null;
	role: UserRole;
	groupId: string;
}

export interface RegionRestrictions {
	CA: Restriction;
	Intl: Restriction;
	US: Restriction;
}

export interface PhoneNumber {
	id: string;
	groupId: string;
	portRequestId: string | null;
	formattedNumber: string | null;
	forward: string | null;
	name: string;
	number: string;
	portingStatus: string | null;
	symbol: string | null;
	users: PhoneNumberUser[];
	createdAt: string;
	updatedAt: string;
	restrictions: { calling: RegionRestrictions; messaging: RegionRestrictions };
}

/** A text message as `/v1/messages` returns it. */
export interface Message {
	id: string;
	to: string[];
	from: string;
	text: string;
	phoneNumberId: string | null;
	conversationId: string;
	direction: 'incoming' | 'outgoing';
	userId: string;
	status: MessageStatus;
	createdAt: string;
	updatedAt: string;
}

/** A webhook of the v1 API (`/v1/webhooks/*`), signed with `openphone-signature`. */
export interface WebhookV1 {
	id: string;
	userId: string;
	orgId: string;
	label: string | null;
	status: WebhookStatus;
	url: string;
	/** base64 signing key. */
	key: string;
	createdAt: string;
	updatedAt: string;
	deletedAt: string | null;
	events: string[];
	resourceIds: string[];
}

/** A webhook of the 2026-03-30 API (`/webhooks`), signed the Standard Webhooks way. */
export interface Webhook2026 {
	id: string;
	orgId: string;
	label: string | null;
	status: WebhookStatus;
	url: string;
	createdAt: string;
	updatedAt: string;
	apiVersion: '2026-03-30';
	events: string[];
	resourceIds: string[];
	/** `whsec_…` signing secret; Quo returns it only on create and rotate. */
	key: string;
}

export interface DeliveryAttempt {
	id: string;
	timestamp: string;
	status: DeliveryStatus;
	/** 0 when no response came. */
	responseStatusCode: number;
	responseBody: string;
	responseDurationMs: number;
	triggerType: 'scheduled' | 'manual';
	url: string;
}

/** A delivery to a 2026-03-30 webhook; its id is the `webhook-id` header. */
export interface WebhookDelivery {
	id: string;
	webhookId: string;
	eventType: string;
	createdAt: string;
	/** The parsed body, or the raw text when it is not JSON. */
	requestBody: unknown;
	rawBody: string;
	status: DeliveryStatus;
	nextAttemptAt: string | null;
	attempts: DeliveryAttempt[];
}

export interface StandInState {
	organization: { id: string };
	/** The first user is the workspace owner. */
	users: User[];
	phoneNumbers: PhoneNumber[];
	webhooksV1: WebhookV1[];
	webhooks2026: Webhook2026[];
	deliveries: WebhookDelivery[];
	/** Newest first. */
	messages: Message[];
	/**
	 * Outgoing messages whose sending failed and that Quo may retry (2026-03-30 `failed` without a permanent
	 * error code). The v1 status enum has no `failed`, so these show there as `undelivered`.
	 */
	failedMessageIds: string[];
	/** The last numeric id handed out to a 2026-03-30 webhook; ids are never reused. */
	lastWebhookNumber: number;
}

export function workspaceOwner(state: StandInState): User {
	const owner = state.users.find((user) => user.role === 'owner') ?? state.users[0];
	if (!owner) throw new Error('The stand-in state has no users');
	return owner;
}

export function clearWebhooks(state: StandInState): void {
	state.webhooksV1.length = 0;
	state.webhooks2026.length = 0;
	state.deliveries.length = 0;
}

/** Back to the seeded conversation: messages sent and failures marked by tests are dropped. */
export function restoreMessages(state: StandInState, seeded: readonly Message[]): void {
	state.messages.splice(0, state.messages.length, ...structuredClone(seeded));
	state.failedMessageIds.length = 0;
}

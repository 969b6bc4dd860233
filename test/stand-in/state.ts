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

export type CustomFieldType =
	'address' | 'boolean' | 'date' | 'multi-select' | 'number' | 'string' | 'url';
export type CustomFieldValue = string | number | boolean | string[] | null;

/** A custom contact field of the workspace, as `GET /v1/contact-custom-fields` lists it. */
export interface CustomFieldDefinition {
	name: string;
	key: string;
	type: CustomFieldType;
}

/** An email or phone number of a contact. */
export interface LabeledValue {
	name: string;
	value: string | null;
	id: string;
}

export interface ContactCustomField {
	name: string;
	key: string;
	id: string;
	type: CustomFieldType;
	value: CustomFieldValue;
}

/** A contact as `/v1/contacts` returns it; contact ids have no type prefix. */
export interface Contact {
	id: string;
	externalId: string | null;
	source: string | null;
	sourceUrl: string | null;
	defaultFields: {
		company: string | null;
		emails: LabeledValue[];
		firstName: string | null;
		lastName: string | null;
		phoneNumbers: LabeledValue[];
		role: string | null;
	};
	customFields: ContactCustomField[];
	createdAt: string;
	updatedAt: string;
	createdByUserId: string;
}

export type CallStatus =
	| 'queued'
	| 'initiated'
	| 'ringing'
	| 'in-progress'
	| 'completed'
	| 'busy'
	| 'failed'
	| 'no-answer'
	| 'canceled'
	| 'missed'
	| 'answered'
	| 'forwarded'
	| 'abandoned';

/** A call as `/v1/calls` returns it. */
export interface Call {
	answeredAt: string | null;
	answeredBy: string | null;
	initiatedBy: string | null;
	direction: 'incoming' | 'outgoing';
	status: CallStatus;
	completedAt: string | null;
	createdAt: string;
	callRoute: string | null;
	duration: number;
	forwardedFrom: string | null;
	forwardedTo: string | null;
	aiHandled: string | null;
	id: string;
	phoneNumberId: string;
	participants: string[];
	updatedAt: string | null;
	userId: string;
}

export type ArtifactStatus = 'absent' | 'in-progress' | 'completed' | 'failed';

/** A recording segment; `url` is a stand-in media path (`/media/…?token=…`), made absolute when answered. */
export interface CallRecording {
	duration: number | null;
	id: string;
	startTime: string | null;
	status:
		| 'absent'
		| 'completed'
		| 'deleted'
		| 'failed'
		| 'in-progress'
		| 'paused'
		| 'processing'
		| 'stopped'
		| 'stopping'
		| null;
	type: string | null;
	url: string | null;
}

export interface CallSummary {
	callId: string;
	nextSteps: string[] | null;
	status: ArtifactStatus;
	summary: string[] | null;
}

export interface CallTranscript {
	callId: string;
	createdAt: string;
	dialogue: Array<{
		content: string;
		start: number;
		end: number;
		identifier: string | null;
		userId: string | null;
	}> | null;
	duration: number;
	status: ArtifactStatus;
}

/** A voicemail; `recordingUrl` is a stand-in media path, made absolute when answered. */
export interface CallVoicemail {
	duration: number | null;
	id: string;
	transcript: string | null;
	recordingUrl: string | null;
	status: 'completed' | 'in-progress';
}

/** An audio file behind a pre-signed link: served without the API key, only with its token. */
export interface MediaFile {
	contentType: string;
	bytes: Buffer;
	token: string;
}

/** A conversation as `/v1/conversations` returns it. */
export interface Conversation {
	assignedTo: string | null;
	createdAt: string | null;
	deletedAt: string | null;
	id: string;
	lastActivityAt: string | null;
	lastActivityId: string | null;
	mutedUntil: string | null;
	name: string | null;
	participants: string[];
	phoneNumberId: string;
	snoozedUntil: string | null;
	updatedAt: string | null;
}

/** Where a conversation stands in the Quo inbox; Quo's conversation object does not show it. */
export interface ConversationInbox {
	read: boolean;
	status: 'open' | 'done';
}

/** A task as `/v1/tasks` returns it. */
export interface Task {
	taskId: string;
	phoneNumberId: string | null;
	conversationId: string | null;
	activityId: string | null;
	phoneNumberGroupId: string | null;
	orgId: string;
	title: string | null;
	description: string | null;
	dueDate: string | null;
	assignedTo: string | null;
	assignedBy: string | null;
	createdAt: string;
	createdBy: string;
	completed: boolean;
	isDeleted: boolean;
	revision: string;
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
	customFields: CustomFieldDefinition[];
	contacts: Contact[];
	/** Newest first. */
	calls: Call[];
	/** By call id. */
	callRecordings: Record<string, CallRecording[]>;
	callSummaries: Record<string, CallSummary>;
	callTranscripts: Record<string, CallTranscript>;
	callVoicemails: Record<string, CallVoicemail>;
	/** By path (`/media/recordings/CR….mp3`). */
	media: Record<string, MediaFile>;
	/** Most recent activity first. */
	conversations: Conversation[];
	/** By conversation id. */
	conversationInbox: Record<string, ConversationInbox>;
	tasks: Task[];
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

/** What requests change of the seeded workspace, kept at start so `reset()` can bring it back. */
export interface WorkspaceSnapshot {
	messages: Message[];
	contacts: Contact[];
	conversations: Conversation[];
	conversationInbox: Record<string, ConversationInbox>;
	tasks: Task[];
}

export function snapshotWorkspace(state: StandInState): WorkspaceSnapshot {
	const { messages, contacts, conversations, conversationInbox, tasks } = state;
	return structuredClone({ messages, contacts, conversations, conversationInbox, tasks });
}

/** Back to the seeded workspace: messages sent, contacts and tasks changed and failures marked by tests are dropped. */
export function restoreWorkspace(state: StandInState, snapshot: WorkspaceSnapshot): void {
	const copy = structuredClone(snapshot);
	state.messages.splice(0, state.messages.length, ...copy.messages);
	state.contacts.splice(0, state.contacts.length, ...copy.contacts);
	state.conversations.splice(0, state.conversations.length, ...copy.conversations);
	state.tasks.splice(0, state.tasks.length, ...copy.tasks);
	for (const id of Object.keys(state.conversationInbox)) delete state.conversationInbox[id];
	Object.assign(state.conversationInbox, copy.conversationInbox);
	state.failedMessageIds.length = 0;
}

import type { INodePropertyOptions } from 'n8n-workflow';

/** The 28 event names of the 2026-03-30 `POST /webhooks` enum, in the order the event pickers list them. */
export const QUO_EVENT_NAMES = [
	'message.received',
	'message.delivered',
	'message.failed',
	'message.undelivered',
	'call.ringing',
	'call.answered',
	'call.forwarded',
	'call.menu.selected',
	'call.missed',
	'call.completed',
	'call.voicemail.completed',
	'call.recording.completed',
	'call.summary.completed',
	'call.transcript.completed',
	'contact.updated',
	'contact.deleted',
	'task.created',
	'task.updated',
	'task.assigned',
	'task.unassigned',
	'task.duedate.updated',
	'task.duedate.removed',
	'task.overdue',
	'task.completed',
	'task.reopened',
	'task.linked',
	'task.unlinked',
	'task.deleted',
] as const;

export type QuoEventName = (typeof QUO_EVENT_NAMES)[number];

export const WEBHOOK_API_VERSIONS = ['2026-03-30', 'v1'] as const;

export type WebhookApiVersion = (typeof WEBHOOK_API_VERSIONS)[number];

/** The path segment of `POST /v1/webhooks/{family}`. */
export const V1_WEBHOOK_FAMILIES = [
	'messages',
	'calls',
	'call-summaries',
	'call-transcripts',
] as const;

export type V1WebhookFamily = (typeof V1_WEBHOOK_FAMILIES)[number];

export type QuoEventGroup = 'Messages' | 'Calls' | 'Contacts' | 'Tasks';

export interface QuoEventDefinition {
	name: QuoEventName;
	label: string;
	description: string;
	group: QuoEventGroup;
	apiVersions: readonly WebhookApiVersion[];
	v1Family: V1WebhookFamily | null;
}

type EventDetails = Omit<QuoEventDefinition, 'name'>;

const BOTH: readonly WebhookApiVersion[] = ['2026-03-30', 'v1'];
const CURRENT_ONLY: readonly WebhookApiVersion[] = ['2026-03-30'];

function messageEvent(
	label: string,
	description: string,
	v1Family: 'messages' | null,
): EventDetails {
	return {
		label,
		description,
		group: 'Messages',
		apiVersions: v1Family ? BOTH : CURRENT_ONLY,
		v1Family,
	};
}

function callEvent(
	label: string,
	description: string,
	v1Family: V1WebhookFamily | null,
): EventDetails {
	return {
		label,
		description,
		group: 'Calls',
		apiVersions: v1Family ? BOTH : CURRENT_ONLY,
		v1Family,
	};
}

function contactEvent(label: string, description: string): EventDetails {
	return { label, description, group: 'Contacts', apiVersions: CURRENT_ONLY, v1Family: null };
}

function taskEvent(label: string, description: string): EventDetails {
	return { label, description, group: 'Tasks', apiVersions: CURRENT_ONLY, v1Family: null };
}

const EVENT_DETAILS: Record<QuoEventName, EventDetails> = {
	'message.received': messageEvent(
		'Message Received',
		'An inbound SMS or MMS reached one of your Quo numbers',
		'messages',
	),
	'message.delivered': messageEvent(
		'Message Delivered',
		'An outbound message from one of your Quo numbers was delivered (a delivery confirmation, not a read receipt)',
		'messages',
	),
	'message.failed': messageEvent(
		'Message Failed',
		'An outbound message could not be sent; it can be retried unless its error code marks it permanent',
		null,
	),
	'message.undelivered': messageEvent(
		'Message Undelivered',
		'An outbound message was sent but could not be delivered to the recipient or was blocked; it cannot be retried',
		null,
	),
	'call.ringing': callEvent(
		'Call Ringing',
		'A call to or from one of your Quo numbers started ringing',
		'calls',
	),
	'call.answered': callEvent(
		'Call Answered',
		'Someone picked up a call on one of your Quo numbers',
		null,
	),
	'call.forwarded': callEvent(
		'Call Forwarded',
		'A call on one of your Quo numbers was forwarded',
		null,
	),
	'call.menu.selected': callEvent(
		'Call Menu Option Selected',
		'A caller chose an option in the phone menu (IVR) of one of your Quo numbers',
		null,
	),
	'call.missed': callEvent(
		'Call Missed',
		'An inbound call to one of your Quo numbers was not answered',
		null,
	),
	'call.completed': callEvent('Call Completed', 'A call on one of your Quo numbers ended', 'calls'),
	'call.voicemail.completed': callEvent(
		'Voicemail Received',
		'A caller finished leaving a voicemail on one of your Quo numbers',
		null,
	),
	'call.recording.completed': callEvent(
		'Call Recording Ready',
		'The recording of a call is ready to download',
		'calls',
	),
	'call.summary.completed': callEvent(
		'Call Summary Ready',
		'Quo finished the AI summary of a call; this may arrive long after the call ended',
		'call-summaries',
	),
	'call.transcript.completed': callEvent(
		'Call Transcript Ready',
		'Quo finished the transcript of a call; it may arrive before or after the summary',
		'call-transcripts',
	),
	'contact.updated': contactEvent(
		'Contact Created or Updated',
		'A contact in your workspace was created or one of its fields changed',
	),
	'contact.deleted': contactEvent('Contact Deleted', 'A contact in your workspace was deleted'),
	'task.created': taskEvent('Task Created', 'A task was created'),
	'task.updated': taskEvent('Task Updated', 'A task was changed'),
	'task.assigned': taskEvent('Task Assigned', 'A task was assigned to a teammate'),
	'task.unassigned': taskEvent('Task Unassigned', 'A task no longer has an assignee'),
	'task.duedate.updated': taskEvent('Task Due Date Changed', 'A task was given a new due date'),
	'task.duedate.removed': taskEvent('Task Due Date Removed', 'The due date of a task was removed'),
	'task.overdue': taskEvent('Task Overdue', 'A task passed its due date'),
	'task.completed': taskEvent('Task Completed', 'A task was marked as done'),
	'task.reopened': taskEvent('Task Reopened', 'A completed task was opened again'),
	'task.linked': taskEvent('Task Linked', 'A task was linked to a conversation'),
	'task.unlinked': taskEvent('Task Unlinked', 'A task was unlinked from its conversation'),
	'task.deleted': taskEvent('Task Deleted', 'A task was deleted'),
};

export const QUO_EVENT_CATALOG: readonly QuoEventDefinition[] = QUO_EVENT_NAMES.map((name) => ({
	name,
	...EVENT_DETAILS[name],
}));

const LEGACY_EVENT_ALIASES: Readonly<Record<string, QuoEventName>> = {
	callSummary: 'call.summary.completed',
	callTranscript: 'call.transcript.completed',
};

export function isQuoEventName(value: string): value is QuoEventName {
	return Object.hasOwn(EVENT_DETAILS, value);
}

/** The event name a delivery's `type` stands for: legacy "callSummary"/"callTranscript" become dotted names. */
export function canonicalEventName(type: string): string {
	return Object.hasOwn(LEGACY_EVENT_ALIASES, type) ? LEGACY_EVENT_ALIASES[type] : type;
}

export function eventsForApiVersion(version: WebhookApiVersion): QuoEventName[] {
	return QUO_EVENT_CATALOG.filter((definition) => definition.apiVersions.includes(version)).map(
		(definition) => definition.name,
	);
}

/** The v1 webhook family an event is subscribed through, or null when v1 has no such event. */
export function v1FamilyOf(event: string): V1WebhookFamily | null {
	const name = canonicalEventName(event);
	return isQuoEventName(name) ? EVENT_DETAILS[name].v1Family : null;
}

/** The selected events that exist on v1, by family; families and events in catalog order. */
export function groupEventsByV1Family(
	events: readonly string[],
): Map<V1WebhookFamily, QuoEventName[]> {
	const selected = new Set(events.map(canonicalEventName));
	const byFamily = new Map<V1WebhookFamily, QuoEventName[]>();
	for (const { name, v1Family } of QUO_EVENT_CATALOG) {
		if (v1Family === null || !selected.has(name)) continue;
		const familyEvents = byFamily.get(v1Family);
		if (familyEvents) familyEvents.push(name);
		else byFamily.set(v1Family, [name]);
	}
	return byFamily;
}

/** Contact events are workspace-wide: a phone-number filter does not apply to a webhook with only those. */
export function isWorkspaceWide(events: readonly string[]): boolean {
	return events.every((event) => event.startsWith('contact.'));
}

/** The event picker's options for one webhook generation, sorted by label. */
export function eventOptions(version: WebhookApiVersion): INodePropertyOptions[] {
	return QUO_EVENT_CATALOG.filter((definition) => definition.apiVersions.includes(version))
		.map(({ label, name, description }) => ({ name: label, value: name, description }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

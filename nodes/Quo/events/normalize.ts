import { canonicalEventName } from './catalog';
import { schemaIssuesFor } from './schemas';
import type { QuoEvent } from './types';

export type { QuoEvent } from './types';

type JsonRecord = Record<string, unknown>;

type EventPayload = Pick<QuoEvent, 'resource' | 'context' | 'links'>;

function isRecord(value: unknown): value is JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
	return typeof value === 'string';
}

function describeType(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'array';
	return typeof value;
}

function expectedObjectIssue(path: string, value: unknown): string {
	return value === undefined
		? `${path}: Required`
		: `${path}: Expected object, received ${describeType(value)}`;
}

/** A missing or mistyped envelope field becomes '' plus an issue, so the item can still be emitted. */
function envelopeString(envelope: JsonRecord, key: string, issues: string[]): string {
	const value = envelope[key];
	if (isString(value)) return value;
	issues.push(
		value === undefined
			? `${key}: Required`
			: `${key}: Expected string, received ${describeType(value)}`,
	);
	return '';
}

/** Legacy `contactIds`: a non-empty list means matched, an empty one none, and no list at all unavailable. */
function contactsFrom(contactIds: unknown): {
	ids: string[];
	lookupStatus: 'matched' | 'none' | 'unavailable';
} {
	if (!Array.isArray(contactIds)) return { ids: [], lookupStatus: 'unavailable' };
	const ids = contactIds.filter(isString);
	return ids.length > 0 ? { ids, lookupStatus: 'matched' } : { ids: [], lookupStatus: 'none' };
}

/** Legacy `to`: an array, a single number, or several joined with commas. */
function identifierList(value: unknown): string[] {
	const entries: unknown[] = Array.isArray(value) ? value : isString(value) ? value.split(',') : [];
	return entries
		.filter(isString)
		.map((entry) => entry.trim())
		.filter((entry) => entry !== '');
}

function mapLegacyMessage(message: JsonRecord): Pick<QuoEvent, 'resource' | 'context'> {
	return {
		resource: {
			id: message.id ?? null,
			direction: message.direction ?? null,
			text: message.text ?? message.body ?? null,
			status: message.status ?? null,
			createdAt: message.createdAt ?? null,
		},
		context: {
			phoneNumberId: message.phoneNumberId ?? null,
			conversationId: message.conversationId ?? null,
			userId: message.userId ?? null,
			contacts: contactsFrom(message.contactIds),
			senderIdentifier: message.from ?? null,
			recipientIdentifiers: identifierList(message.to),
		},
	};
}

/**
 * Only v2 calls say which side is which (`from`/`to` with `direction`). The v4 `participants` list mixes both
 * sides without saying which, so it stays in `resource` and the context reports the split as unavailable.
 */
function legacyCallParticipants(call: JsonRecord) {
	const from = identifierList(call.from);
	const to = identifierList(call.to);
	if (from.length > 0 && to.length > 0) {
		if (call.direction === 'incoming')
			return { workspace: to, external: from, resolution: 'available' };
		if (call.direction === 'outgoing')
			return { workspace: from, external: to, resolution: 'available' };
	}
	return { workspace: [], external: [], resolution: 'unavailable' };
}

const LEGACY_CALL_CONTEXT_FIELDS = [
	'phoneNumberId',
	'conversationId',
	'userId',
	'contactIds',
	'participants',
	'from',
	'to',
];

function legacyCallContext(call: JsonRecord): object | null {
	if (!LEGACY_CALL_CONTEXT_FIELDS.some((field) => call[field] !== undefined)) return null;
	return {
		phoneNumberId: call.phoneNumberId ?? null,
		conversationId: call.conversationId ?? null,
		phoneNumberType: null,
		userId: call.userId ?? null,
		contacts: contactsFrom(call.contactIds),
		participants: legacyCallParticipants(call),
	};
}

function legacyContactContext(contact: JsonRecord): object | null {
	if (contact.userId === undefined && contact.sharedWith === undefined) return null;
	return {
		userId: contact.userId ?? null,
		sharedWithIds: Array.isArray(contact.sharedWith) ? contact.sharedWith.filter(isString) : [],
	};
}

/** Legacy summaries and transcripts say `status` where 2026-03-30 says `processingStatus`. */
function renameStatusToProcessingStatus(object: JsonRecord): JsonRecord {
	return Object.fromEntries(
		Object.entries(object).map(([key, value]) => [
			key === 'status' ? 'processingStatus' : key,
			value,
		]),
	);
}

function mapLegacyObject(
	event: string,
	object: JsonRecord,
): Pick<QuoEvent, 'resource' | 'context'> {
	if (event.startsWith('message.')) return mapLegacyMessage(object);
	if (event === 'call.summary.completed' || event === 'call.transcript.completed') {
		return { resource: renameStatusToProcessingStatus(object), context: legacyCallContext(object) };
	}
	if (event.startsWith('call.')) return { resource: object, context: legacyCallContext(object) };
	if (event.startsWith('contact.'))
		return { resource: object, context: legacyContactContext(object) };
	return { resource: object, context: null };
}

function legacyPayload(event: string, data: JsonRecord, issues: string[]): EventPayload {
	const links = { quo: isString(data.deepLink) ? data.deepLink : null };
	const object = data.object;
	if (!isRecord(object)) {
		issues.push(expectedObjectIssue('data.object', object));
		return { resource: {}, context: null, links };
	}
	issues.push(...schemaIssuesFor(event, 'legacy', object));
	return { ...mapLegacyObject(event, object), links };
}

function currentPayload(event: string, data: JsonRecord, issues: string[]): EventPayload {
	const links = { quo: isRecord(data.links) && isString(data.links.quo) ? data.links.quo : null };
	const context = isRecord(data.context) ? data.context : null;
	const resource = data.resource;
	if (!isRecord(resource)) {
		issues.push(expectedObjectIssue('resource', resource));
		return { resource: {}, context, links };
	}
	issues.push(...schemaIssuesFor(event, 'current', data));
	return { resource, context, links };
}

/** 2026-03-30 payloads carry `data.resource`; legacy ones `data.object` and an `object: "event"` envelope. */
function isLegacyEnvelope(envelope: JsonRecord, data: JsonRecord): boolean {
	return data.resource === undefined && (data.object !== undefined || envelope.object === 'event');
}

/**
 * Turns a webhook body of either generation into a `QuoEvent`. Never throws: whatever does not match the
 * envelope or the event's known schema is described in `schemaIssues`, and the item is still returned.
 */
export function normalizeEvent(body: unknown, headers: { deliveryId: string | null }): QuoEvent {
	if (!isRecord(body)) {
		return {
			event: '',
			eventId: '',
			deliveryId: headers.deliveryId,
			apiVersion: '',
			createdAt: '',
			resource: {},
			context: null,
			links: { quo: null },
			schemaIssues: [expectedObjectIssue('body', body)],
		};
	}
	const issues: string[] = [];
	const event = canonicalEventName(envelopeString(body, 'type', issues));
	const eventId = envelopeString(body, 'id', issues);
	const apiVersion = envelopeString(body, 'apiVersion', issues);
	const createdAt = envelopeString(body, 'createdAt', issues);
	let payload: EventPayload;
	if (!isRecord(body.data)) {
		issues.push(expectedObjectIssue('data', body.data));
		payload = { resource: {}, context: null, links: { quo: null } };
	} else if (isLegacyEnvelope(body, body.data)) {
		payload = legacyPayload(event, body.data, issues);
	} else {
		payload = currentPayload(event, body.data, issues);
	}
	return {
		event,
		eventId,
		deliveryId: headers.deliveryId,
		apiVersion,
		createdAt,
		...payload,
		...(issues.length > 0 ? { schemaIssues: issues } : {}),
	};
}

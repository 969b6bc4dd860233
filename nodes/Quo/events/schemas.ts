import { z } from 'zod';

// Every object schema uses .passthrough(): Quo adds fields over time, and a new field must not become an issue.

const lookupStatus = z.enum(['matched', 'none', 'unavailable']);
const processingStatus = z.enum(['absent', 'in-progress', 'completed', 'failed']);
const nullableString = z.string().nullable();
const stringArray = z.array(z.string());

export const MessageStatusSchema = z.enum([
	'queued',
	'sending',
	'sent',
	'delivered',
	'undelivered',
	'failed',
	'receiving',
	'received',
	'accepted',
	'scheduled',
	'read',
	'partially_delivered',
	'canceled',
]);

export const ContactLookupSchema = z.object({ ids: stringArray, lookupStatus }).passthrough();

export const MessageContextSchema = z
	.object({
		phoneNumberId: nullableString,
		conversationId: nullableString,
		userId: z.string(),
		contacts: ContactLookupSchema,
		senderIdentifier: z.string(),
		recipientIdentifiers: stringArray,
	})
	.passthrough();

export const CallParticipantsSchema = z
	.object({
		workspace: stringArray,
		external: stringArray,
		resolution: z.enum(['available', 'unavailable']),
	})
	.passthrough();

export const CallContextSchema = z
	.object({
		phoneNumberId: nullableString,
		conversationId: nullableString,
		phoneNumberType: z.enum(['shared', 'private', 'external']).nullable(),
		userId: z.string(),
		contacts: ContactLookupSchema,
		participants: CallParticipantsSchema,
	})
	.passthrough();

export const ContactContextSchema = z
	.object({ userId: z.string(), sharedWithIds: stringArray })
	.passthrough();

function messageResource<Direction extends z.ZodTypeAny>(direction: Direction) {
	return z
		.object({
			id: z.string(),
			direction,
			text: z.string(),
			status: MessageStatusSchema,
			createdAt: z.string(),
		})
		.passthrough();
}

export const MessageReceivedResourceSchema = messageResource(z.literal('incoming'));
export const MessageDeliveredResourceSchema = messageResource(z.literal('outgoing'));
/** message.failed / message.undelivered: Quo publishes no schema, so every field is optional. */
export const MessageFailureResourceSchema = messageResource(
	z.enum(['incoming', 'outgoing']),
).partial();

export const AgentCallSummaryJobSchema = z
	.object({
		icon: z.string(),
		name: z.string(),
		result: z
			.object({
				data: z.array(
					z
						.object({ name: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) })
						.passthrough(),
				),
			})
			.passthrough(),
	})
	.passthrough();

export const CallSummaryResourceSchema = z
	.object({
		callId: z.string(),
		processingStatus,
		summary: stringArray.nullable(),
		nextSteps: stringArray.nullable(),
		fromPhoneNumber: nullableString,
		handledByAiAgent: z.boolean(),
		answeredByUserId: nullableString,
		jobs: z.array(AgentCallSummaryJobSchema),
	})
	.passthrough();

export const DialogueEntrySchema = z
	.object({
		userId: nullableString,
		identifier: nullableString,
		content: z.string(),
		start: z.number(),
		end: z.number(),
	})
	.passthrough();

export const CallTranscriptResourceSchema = z
	.object({
		callId: z.string(),
		createdAt: z.string(),
		duration: z.number(),
		processingStatus,
		dialogue: z.array(DialogueEntrySchema).nullable(),
	})
	.passthrough();

/** call.answered, .completed, .forwarded, .menu.selected, .missed, .ringing, .recording.completed, .voicemail.completed. */
export const CallResourceSchema = z
	.object({
		id: z.string(),
		direction: z.enum(['incoming', 'outgoing']),
		status: z.string(),
		duration: z.number(),
		hasVoicemail: z.boolean(),
		answeredAt: nullableString,
		completedAt: nullableString,
		createdAt: z.string(),
		updatedAt: z.string(),
	})
	.passthrough();

const customFieldBase = { name: z.string(), key: z.string(), id: z.string().optional() };

export const CustomFieldSchema = z.discriminatedUnion('type', [
	z
		.object({
			...customFieldBase,
			type: z.enum(['string', 'url', 'address']),
			value: nullableString,
		})
		.passthrough(),
	z
		.object({ ...customFieldBase, type: z.literal('number'), value: z.number().nullable() })
		.passthrough(),
	z.object({ ...customFieldBase, type: z.literal('boolean'), value: z.boolean() }).passthrough(),
	z.object({ ...customFieldBase, type: z.literal('date'), value: nullableString }).passthrough(),
	z
		.object({ ...customFieldBase, type: z.literal('multi-select'), value: stringArray })
		.passthrough(),
]);

export const ContactResourceSchema = z
	.object({
		id: z.string(),
		firstName: nullableString,
		lastName: nullableString,
		company: nullableString,
		role: nullableString,
		location: nullableString,
		source: nullableString,
		externalId: nullableString,
		emails: z.array(z.object({ value: z.string(), type: z.literal('email') }).passthrough()),
		phoneNumbers: z.array(
			z.object({ value: z.string(), type: z.literal('phone-number') }).passthrough(),
		),
		customFields: z.array(CustomFieldSchema),
		createdAt: z.string(),
		updatedAt: z.string(),
	})
	.passthrough();

/** Task events: Quo publishes no payload schema, so any object is accepted. */
export const TaskResourceSchema = z.object({}).passthrough();

// Legacy (`data.object`) payloads, as v1-API and app webhooks send them (v2, v3, v4).

const legacyDirection = z.enum(['incoming', 'outgoing']);

export const LegacyMessageSchema = z
	.object({
		id: z.string(),
		from: z.string(),
		to: z.union([stringArray, z.string()], {
			errorMap: () => ({ message: 'Expected a string or an array of strings' }),
		}),
		text: nullableString.optional(),
		body: nullableString.optional(),
		direction: legacyDirection,
		status: z.string(),
		createdAt: z.string(),
		userId: nullableString.optional(),
		phoneNumberId: nullableString.optional(),
		conversationId: nullableString.optional(),
		contactIds: stringArray.optional(),
	})
	.passthrough()
	.refine((message) => message.text !== undefined || message.body !== undefined, {
		message: 'Expected `text` or `body`',
		path: ['text'],
	});

export const LegacyCallSchema = z
	.object({
		id: z.string(),
		direction: legacyDirection,
		status: z.string(),
		createdAt: z.string(),
		answeredAt: nullableString.optional(),
		completedAt: nullableString.optional(),
		updatedAt: nullableString.optional(),
		duration: z.number().nullable().optional(),
		userId: nullableString.optional(),
		phoneNumberId: nullableString.optional(),
		conversationId: nullableString.optional(),
		participants: stringArray.optional(),
		contactIds: stringArray.optional(),
		from: nullableString.optional(),
		to: nullableString.optional(),
	})
	.passthrough();

export const LegacyCallSummarySchema = z
	.object({
		callId: z.string(),
		status: z.string(),
		summary: stringArray.nullable().optional(),
		nextSteps: stringArray.nullable().optional(),
		jobs: z.array(AgentCallSummaryJobSchema).optional(),
	})
	.passthrough();

export const LegacyDialogueEntrySchema = z
	.object({
		content: z.string(),
		start: z.number(),
		end: z.number(),
		identifier: nullableString.optional(),
		userId: nullableString.optional(),
	})
	.passthrough();

export const LegacyCallTranscriptSchema = z
	.object({
		callId: z.string(),
		status: z.string(),
		createdAt: z.string().optional(),
		duration: z.number().optional(),
		dialogue: z.array(LegacyDialogueEntrySchema).nullable().optional(),
	})
	.passthrough();

/** App contacts (v3) vary widely (`fields` as a map or a list); only the id is relied on. */
export const LegacyContactSchema = z.object({ id: z.string() }).passthrough();

export type MessageStatus = z.infer<typeof MessageStatusSchema>;
export type ContactLookup = z.infer<typeof ContactLookupSchema>;
export type MessageContext = z.infer<typeof MessageContextSchema>;
export type CallParticipants = z.infer<typeof CallParticipantsSchema>;
export type CallContext = z.infer<typeof CallContextSchema>;
export type ContactContext = z.infer<typeof ContactContextSchema>;
export type MessageReceivedResource = z.infer<typeof MessageReceivedResourceSchema>;
export type MessageDeliveredResource = z.infer<typeof MessageDeliveredResourceSchema>;
export type MessageFailureResource = z.infer<typeof MessageFailureResourceSchema>;
export type AgentCallSummaryJob = z.infer<typeof AgentCallSummaryJobSchema>;
export type CallSummaryResource = z.infer<typeof CallSummaryResourceSchema>;
export type DialogueEntry = z.infer<typeof DialogueEntrySchema>;
export type CallTranscriptResource = z.infer<typeof CallTranscriptResourceSchema>;
export type CallResource = z.infer<typeof CallResourceSchema>;
export type CustomField = z.infer<typeof CustomFieldSchema>;
export type ContactResource = z.infer<typeof ContactResourceSchema>;
export type TaskResource = z.infer<typeof TaskResourceSchema>;
export type LegacyMessage = z.infer<typeof LegacyMessageSchema>;
export type LegacyCall = z.infer<typeof LegacyCallSchema>;
export type LegacyCallSummary = z.infer<typeof LegacyCallSummarySchema>;
export type LegacyDialogueEntry = z.infer<typeof LegacyDialogueEntrySchema>;
export type LegacyCallTranscript = z.infer<typeof LegacyCallTranscriptSchema>;
export type LegacyContact = z.infer<typeof LegacyContactSchema>;

function eventData(resource: z.ZodTypeAny, context: z.ZodTypeAny) {
	return z.object({ resource, context });
}

const messageFailureData = eventData(
	MessageFailureResourceSchema,
	MessageContextSchema.partial().nullable().optional(),
);
const callData = eventData(CallResourceSchema, CallContextSchema);
const contactData = eventData(ContactResourceSchema, ContactContextSchema);
const taskData = eventData(TaskResourceSchema, z.object({}).passthrough().nullable().optional());

/** The `{resource, context}` schema of each 2026-03-30 event. */
const CURRENT_SCHEMAS: Readonly<Record<string, z.ZodTypeAny>> = {
	'message.received': eventData(MessageReceivedResourceSchema, MessageContextSchema),
	'message.delivered': eventData(MessageDeliveredResourceSchema, MessageContextSchema),
	'message.failed': messageFailureData,
	'message.undelivered': messageFailureData,
	'call.ringing': callData,
	'call.answered': callData,
	'call.forwarded': callData,
	'call.menu.selected': callData,
	'call.missed': callData,
	'call.completed': callData,
	'call.voicemail.completed': callData,
	'call.recording.completed': callData,
	'call.summary.completed': eventData(CallSummaryResourceSchema, CallContextSchema),
	'call.transcript.completed': eventData(CallTranscriptResourceSchema, CallContextSchema),
	'contact.updated': contactData,
	'contact.deleted': contactData,
	'task.created': taskData,
	'task.updated': taskData,
	'task.assigned': taskData,
	'task.unassigned': taskData,
	'task.duedate.updated': taskData,
	'task.duedate.removed': taskData,
	'task.overdue': taskData,
	'task.completed': taskData,
	'task.reopened': taskData,
	'task.linked': taskData,
	'task.unlinked': taskData,
	'task.deleted': taskData,
};

/** The `data.object` schema of each legacy event (canonical names). */
const LEGACY_SCHEMAS: Readonly<Record<string, z.ZodTypeAny>> = {
	'message.received': LegacyMessageSchema,
	'message.delivered': LegacyMessageSchema,
	'call.ringing': LegacyCallSchema,
	'call.completed': LegacyCallSchema,
	'call.recording.completed': LegacyCallSchema,
	'call.summary.completed': LegacyCallSummarySchema,
	'call.transcript.completed': LegacyCallTranscriptSchema,
	'contact.updated': LegacyContactSchema,
	'contact.deleted': LegacyContactSchema,
};

export type PayloadGeneration = 'current' | 'legacy';

/** The schema a payload of this event and generation is checked against; undefined for unknown events. */
export function schemaFor(event: string, generation: PayloadGeneration): z.ZodTypeAny | undefined {
	const schemas = generation === 'current' ? CURRENT_SCHEMAS : LEGACY_SCHEMAS;
	return Object.hasOwn(schemas, event) ? schemas[event] : undefined;
}

function formatPath(root: string, path: ReadonlyArray<string | number>): string {
	return path.reduce<string>(
		(text, segment) => (typeof segment === 'number' ? `${text}[${segment}]` : `${text}.${segment}`),
		root,
	);
}

function formatIssue(issue: z.ZodIssue, generation: PayloadGeneration): string {
	const [first, ...rest] = issue.path;
	let path: string;
	if (generation === 'legacy') path = formatPath('data.object', issue.path);
	// `current` payloads are checked as `{resource, context}`, so their first segment names the field.
	else path = typeof first === 'string' ? formatPath(first, rest) : 'data';
	return `${path}: ${issue.message}`;
}

/**
 * Readable problems of a payload against the known schema of its event; empty when it matches or when the
 * event has no known schema.
 * - `current`: `payload` is `{resource, context}` (the 2026-03-30 `data`); issues read `resource.text: …`.
 * - `legacy`: `payload` is the legacy `data.object`; issues read `data.object.from: …`.
 */
export function schemaIssuesFor(
	event: string,
	generation: PayloadGeneration,
	payload: unknown,
): string[] {
	const schema = schemaFor(event, generation);
	if (!schema) return [];
	const result = schema.safeParse(payload);
	if (result.success) return [];
	return result.error.issues.map((issue) => formatIssue(issue, generation));
}

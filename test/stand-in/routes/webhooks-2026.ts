import { sampleEnvelope2026 } from '../../fixtures/events';
import { errorFamilies, RouteError, type ErrorCatalog } from '../errors';
import { bodyObject, optionalString, stringList } from '../route-input';
import type { Route } from '../router';
import { workspaceOwner, type StandInState, type Webhook2026 } from '../state';
import { issueStandardSecret } from '../webhooks/signing-keys';

const errors: ErrorCatalog = { family: errorFamilies.webhooks };
export const invalidIdErrors: ErrorCatalog = {
	...errors,
	invalidInput: { code: '0303400', title: 'Invalid Id' },
};
const invalidFormatErrors: ErrorCatalog = {
	...errors,
	invalidInput: { code: '0304400', title: 'Invalid Input Format' },
};

export const webhook2026Routes: Route[] = [
	{
		method: 'GET',
		path: '/webhooks',
		operationId: 'listHeaderVersionedWebhooks',
		errors,
		handle: ({ state }) => ({ status: 200, body: { data: state.webhooks2026.map(withoutKey) } }),
	},
	{
		method: 'POST',
		path: '/webhooks',
		operationId: 'createHeaderVersionedWebhook',
		errors,
		handle: ({ state, body }) => {
			const input = bodyObject(body);
			const now = new Date().toISOString();
			const events = stringList(input.events) ?? [];
			state.lastWebhookNumber += 1;
			const webhook: Webhook2026 = {
				id: String(state.lastWebhookNumber),
				orgId: state.organization.id,
				label: optionalString(input.label) ?? null,
				status: input.status === 'disabled' ? 'disabled' : 'enabled',
				url: optionalString(input.url) ?? '',
				createdAt: now,
				updatedAt: now,
				apiVersion: '2026-03-30',
				events,
				resourceIds: effectiveResourceIds(events, input.resourceIds),
				key: issueStandardSecret(String(state.lastWebhookNumber), 'created'),
			};
			state.webhooks2026.push(webhook);
			return { status: 201, body: { data: webhook } };
		},
	},
	{
		method: 'GET',
		path: '/webhooks/{webhookId}',
		operationId: 'getHeaderVersionedWebhookById',
		errors: invalidIdErrors,
		handle: ({ state, params }) => ({
			status: 200,
			body: { data: withoutKey(findWebhook2026(state, params.webhookId)) },
		}),
	},
	{
		method: 'PATCH',
		path: '/webhooks/{webhookId}',
		operationId: 'updateHeaderVersionedWebhookById',
		errors,
		handle: ({ state, params, body }) => {
			const webhook = findWebhook2026(state, params.webhookId);
			const input = bodyObject(body);
			if (typeof input.url === 'string') webhook.url = input.url;
			if (input.status === 'enabled' || input.status === 'disabled') webhook.status = input.status;
			if ('label' in input) webhook.label = optionalString(input.label) ?? null;
			webhook.events = stringList(input.events) ?? webhook.events;
			webhook.resourceIds = effectiveResourceIds(
				webhook.events,
				'resourceIds' in input ? input.resourceIds : webhook.resourceIds,
			);
			webhook.updatedAt = new Date().toISOString();
			return { status: 200, body: { data: withoutKey(webhook) } };
		},
	},
	{
		method: 'DELETE',
		path: '/webhooks/{webhookId}',
		operationId: 'deleteHeaderVersionedWebhookById',
		errors: invalidIdErrors,
		handle: ({ state, params }) => {
			const webhook = findWebhook2026(state, params.webhookId);
			state.webhooks2026.splice(state.webhooks2026.indexOf(webhook), 1);
			return { status: 204 };
		},
	},
	{
		method: 'POST',
		path: '/webhooks/{webhookId}/rotate',
		operationId: 'rotateHeaderVersionedWebhookSecret',
		errors: invalidIdErrors,
		handle: ({ state, params }) => {
			const webhook = findWebhook2026(state, params.webhookId);
			webhook.key = issueStandardSecret(webhook.id, 'rotated');
			webhook.updatedAt = new Date().toISOString();
			return { status: 200, body: { data: { key: webhook.key } } };
		},
	},
	{
		method: 'POST',
		path: '/webhooks/{webhookId}/events/test',
		operationId: 'sendHeaderVersionedTestWebhookEvent',
		errors: invalidFormatErrors,
		handle: ({ state, params, body, deliverer }) => {
			const webhook = findWebhook2026(state, params.webhookId);
			const eventType = optionalString(bodyObject(body).eventType) ?? '';
			const envelope = {
				...sampleInWorkspace(renderSample(eventType), state, webhook),
				createdAt: new Date().toISOString(),
			};
			deliverer.deliverInBackground({ webhookId: webhook.id, envelope }, 'manual');
			return { status: 200, body: envelope };
		},
	},
];

export function findWebhook2026(state: StandInState, id: string): Webhook2026 {
	const webhook = state.webhooks2026.find((candidate) => candidate.id === id);
	if (!webhook) throw new RouteError(404, 'Webhook not found');
	return webhook;
}

/** Quo returns the signing secret only from create and rotate. */
function withoutKey({ key: _key, ...webhook }: Webhook2026): Omit<Webhook2026, 'key'> {
	return webhook;
}

/** null, [] and ["*"] all mean every number; contact events are workspace-wide, so contact-only webhooks get ["*"]. */
function effectiveResourceIds(events: string[], requested: unknown): string[] {
	const ids = stringList(requested) ?? [];
	const contactOnly = events.length > 0 && events.every((event) => event.startsWith('contact.'));
	return contactOnly || ids.length === 0 ? ['*'] : ids;
}

type SampleContext = Record<string, unknown> & {
	contacts?: { ids: string[]; lookupStatus: string };
};

/**
 * The sample, with the workspace's own ids in its context: the webhook's first number (else the workspace's), the
 * owner, that number's conversation and the first contact. A workflow tried on the sample (a reply from
 * `context.phoneNumberId`) then runs against this workspace; Quo's own samples carry placeholder ids.
 */
function sampleInWorkspace(
	envelope: Record<string, unknown>,
	state: StandInState,
	webhook: Webhook2026,
): Record<string, unknown> {
	const data = envelope.data as {
		resource?: Record<string, unknown>;
		context?: SampleContext | null;
	};
	const context = data.context;
	const line =
		state.phoneNumbers.find((phoneNumber) => webhook.resourceIds.includes(phoneNumber.id)) ??
		state.phoneNumbers[0];
	if (!context || !line) return envelope;
	const conversation = state.conversations.find((candidate) => candidate.phoneNumberId === line.id);
	const contact = state.contacts[0];
	const external = contact?.defaultFields.phoneNumbers[0]?.value ?? undefined;
	const workspaceIds: Array<[unknown, string | undefined]> = [
		[context.phoneNumberId, line.id],
		[context.userId, workspaceOwner(state).id],
		[context.conversationId, conversation?.id],
		[context.contacts?.ids[0], contact?.id],
	];
	let text = JSON.stringify(envelope);
	for (const [sampleId, id] of workspaceIds) {
		if (typeof sampleId === 'string' && sampleId !== '' && id) text = text.split(sampleId).join(id);
	}
	const inWorkspace = JSON.parse(text) as typeof envelope;
	const sampleContext = (inWorkspace.data as typeof data).context as SampleContext;
	if (!contact) sampleContext.contacts &&= { ids: [], lookupStatus: 'none' };
	if (Array.isArray(sampleContext.recipientIdentifiers)) {
		const incoming = data.resource?.direction !== 'outgoing';
		sampleContext.senderIdentifier = incoming
			? (external ?? sampleContext.senderIdentifier)
			: line.number;
		sampleContext.recipientIdentifiers = incoming
			? [line.number]
			: [external ?? sampleContext.recipientIdentifiers[0]];
	}
	const participants = sampleContext.participants as
		{ workspace?: string[]; external?: string[] } | undefined;
	if (participants) {
		participants.workspace = [line.number];
		if (external) participants.external = [external];
	}
	return inWorkspace;
}

function renderSample(eventType: string): Record<string, unknown> {
	try {
		return sampleEnvelope2026(eventType);
	} catch {
		throw new RouteError(400, `Unsupported event type: ${eventType}`);
	}
}

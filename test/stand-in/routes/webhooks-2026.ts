import { sampleEnvelope2026 } from '../../fixtures/events';
import { errorFamilies, RouteError, type ErrorCatalog } from '../errors';
import { bodyObject, optionalString, stringList } from '../route-input';
import type { Route } from '../router';
import type { StandInState, Webhook2026 } from '../state';
import { issueStandardSecret } from '../webhooks/signing-keys';

const errors: ErrorCatalog = { family: errorFamilies.webhooks };
export const invalidIdErrors: ErrorCatalog = { ...errors, invalidInput: { code: '0303400', title: 'Invalid Id' } };
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
			const envelope = { ...renderSample(eventType), createdAt: new Date().toISOString() };
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

function renderSample(eventType: string): Record<string, unknown> {
	try {
		return sampleEnvelope2026(eventType);
	} catch {
		throw new RouteError(400, `Unsupported event type: ${eventType}`);
	}
}

import { errorFamilies, RouteError, type ErrorCatalog } from '../errors';
import { randomId } from '../ids';
import { bodyObject, optionalString, queryValue, stringList } from '../route-input';
import type { Route, RouteContext, RouteResponse } from '../router';
import { workspaceOwner, type StandInState, type WebhookV1 } from '../state';
import { issueLegacyKey } from '../webhooks/signing-keys';

const errors: ErrorCatalog = { family: errorFamilies.webhooks };

const creationEndpoints = [
	{ path: '/v1/webhooks/messages', operationId: 'createMessageWebhook_v1' },
	{ path: '/v1/webhooks/calls', operationId: 'createCallWebhook_v1' },
	{ path: '/v1/webhooks/call-summaries', operationId: 'createCallSummaryWebhook_v1' },
	{ path: '/v1/webhooks/call-transcripts', operationId: 'createCallTranscriptWebhook_v1' },
];

export const webhookV1Routes: Route[] = [
	...creationEndpoints.map(({ path, operationId }): Route => ({
		method: 'POST',
		path,
		operationId,
		errors,
		handle: createWebhook,
	})),
	{
		method: 'GET',
		path: '/v1/webhooks',
		operationId: 'listWebhooks_v1',
		errors,
		handle: ({ state, query }) => {
			const userId = queryValue(query, 'userId') ?? workspaceOwner(state).id;
			return {
				status: 200,
				body: { data: state.webhooksV1.filter((webhook) => webhook.userId === userId) },
			};
		},
	},
	{
		method: 'GET',
		path: '/v1/webhooks/{id}',
		operationId: 'getWebhookById_v1',
		errors,
		handle: ({ state, params }) => ({ status: 200, body: { data: findWebhook(state, params.id) } }),
	},
	{
		method: 'DELETE',
		path: '/v1/webhooks/{id}',
		operationId: 'deleteWebhookById_v1',
		errors,
		handle: ({ state, params }) => {
			const webhook = findWebhook(state, params.id);
			state.webhooksV1.splice(state.webhooksV1.indexOf(webhook), 1);
			return { status: 204 };
		},
	},
];

function createWebhook({ state, body }: RouteContext): RouteResponse {
	const input = bodyObject(body);
	const userId = optionalString(input.userId) ?? workspaceOwner(state).id;
	if (!state.users.some((user) => user.id === userId)) throw new RouteError(404, 'User not found');
	const now = new Date().toISOString();
	const id = randomId('WH', 8);
	const webhook: WebhookV1 = {
		id,
		userId,
		orgId: state.organization.id,
		label: optionalString(input.label) ?? null,
		status: input.status === 'disabled' ? 'disabled' : 'enabled',
		url: optionalString(input.url) ?? '',
		key: issueLegacyKey(id),
		createdAt: now,
		updatedAt: now,
		deletedAt: null,
		events: stringList(input.events) ?? [],
		// The spec states no default; Quo's app and the 2026-03-30 API both mean "every number" by ["*"].
		resourceIds: stringList(input.resourceIds) ?? ['*'],
	};
	state.webhooksV1.push(webhook);
	return { status: 201, body: { data: webhook } };
}

function findWebhook(state: StandInState, id: string): WebhookV1 {
	const webhook = state.webhooksV1.find((candidate) => candidate.id === id);
	if (!webhook) throw new RouteError(404, 'Webhook not found');
	return webhook;
}

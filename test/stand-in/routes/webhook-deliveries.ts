import { RouteError } from '../errors';
import { paginateCursor } from '../pagination';
import { queryInteger, queryList, queryValue } from '../route-input';
import type { QueryValues, Route } from '../router';
import type { StandInState, WebhookDelivery } from '../state';
import { findWebhook2026, invalidIdErrors } from './webhooks-2026';

export const webhookDeliveryRoutes: Route[] = [
	{
		method: 'GET',
		path: '/webhooks/{webhookId}/events',
		operationId: 'listHeaderVersionedWebhookDeliveries',
		errors: invalidIdErrors,
		handle: ({ state, params, query }) => {
			const webhook = findWebhook2026(state, params.webhookId);
			const matching = state.deliveries
				.filter((delivery) => delivery.webhookId === webhook.id && matchesFilters(delivery, query))
				.reverse();
			const page = paginateCursor(
				matching,
				queryInteger(query, 'limit', 10),
				queryValue(query, 'after'),
			);
			return {
				status: 200,
				body: {
					data: page.data.map(({ id, eventType, status, nextAttemptAt, createdAt }) => ({
						id,
						eventType,
						status,
						nextAttemptAt,
						createdAt,
					})),
					nextCursor: page.nextCursor,
				},
			};
		},
	},
	{
		method: 'GET',
		path: '/webhooks/{webhookId}/events/{eventId}',
		operationId: 'getHeaderVersionedWebhookDelivery',
		errors: invalidIdErrors,
		handle: ({ state, params }) => {
			const { id, eventType, createdAt, requestBody, attempts } = findDelivery(
				state,
				params.webhookId,
				params.eventId,
			);
			return { status: 200, body: { data: { id, eventType, createdAt, requestBody, attempts } } };
		},
	},
	{
		method: 'POST',
		path: '/webhooks/{webhookId}/events/{eventId}/retry',
		operationId: 'retryHeaderVersionedWebhookDelivery',
		errors: invalidIdErrors,
		handle: ({ state, params, deliverer }) => {
			const delivery = findDelivery(state, params.webhookId, params.eventId);
			deliverer.deliverInBackground(
				{
					webhookId: delivery.webhookId,
					rawBody: delivery.rawBody,
					deliveryId: delivery.id,
					retry: false,
				},
				'manual',
			);
			return { status: 202, body: {} };
		},
	},
];

function findDelivery(state: StandInState, webhookId: string, deliveryId: string): WebhookDelivery {
	const webhook = findWebhook2026(state, webhookId);
	const delivery = state.deliveries.find(
		(candidate) => candidate.webhookId === webhook.id && candidate.id === deliveryId,
	);
	if (!delivery) throw new RouteError(404, 'Webhook event not found');
	return delivery;
}

function matchesFilters(delivery: WebhookDelivery, query: QueryValues): boolean {
	const status = queryValue(query, 'status');
	const eventTypes = queryList(query, 'eventTypes');
	const createdAt = Date.parse(delivery.createdAt);
	const before = queryValue(query, 'createdBefore');
	const after = queryValue(query, 'createdAfter');
	return (
		(status === undefined || delivery.status === status) &&
		(eventTypes.length === 0 || eventTypes.includes(delivery.eventType)) &&
		(before === undefined || createdAt < Date.parse(before)) &&
		(after === undefined || createdAt > Date.parse(after))
	);
}

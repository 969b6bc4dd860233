import type { IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { isWorkspaceWide, type V1WebhookFamily, type WebhookApiVersion } from '../events/catalog';
import { unexpectedAnswerError } from './errors';
import { quoApiRequest, type QuoApiContext } from './index';
import { quoApiRequestAllItemsCursor } from './pagination';
import { unwrapData, unwrapList } from './responseData';

/** A Quo webhook subscription of either generation, as both list and create return it. */
export interface QuoSubscription {
	id: string;
	url: string;
	events: string[];
	resourceIds: string[];
	status?: string;
	label?: string | null;
	/** Only create (both generations), rotate (2026-03-30) and the v1 list return the signing key. */
	key?: string;
}

export interface SubscriptionSpec {
	url: string;
	events: string[];
	resourceIds: string[];
	label?: string;
	status?: string;
}

/** Every number: how Quo writes a subscription's filter when there is none. */
const ALL_PHONE_NUMBERS = ['*'];

/**
 * The `resourceIds` of a subscription to `events` on these numbers: every number when none are given, and for
 * contact events, which are workspace-wide (Quo answers a contact-only subscription with `["*"]` whatever was asked).
 */
export function resourceIdsFor(
	phoneNumberIds: readonly string[],
	events: readonly string[],
): string[] {
	return phoneNumberIds.length > 0 && !isWorkspaceWide(events)
		? [...phoneNumberIds]
		: ALL_PHONE_NUMBERS;
}

function isSubscription(value: unknown): value is QuoSubscription {
	const candidate = value as Partial<QuoSubscription> | null;
	return (
		typeof candidate?.id === 'string' &&
		typeof candidate.url === 'string' &&
		Array.isArray(candidate.events)
	);
}

/** Quo answered 2xx but not with a subscription: a proxy page or an API change. Say so instead of storing junk. */
function expectSubscription(
	this: QuoApiContext,
	response: IDataObject,
	what: string,
): QuoSubscription {
	if (isSubscription(response.data)) return response.data;
	throw unexpectedAnswerError(
		this.getNode(),
		`Quo's answer to ${what} has no webhook in it`,
		response as JsonObject,
	);
}

function bodyOf(spec: SubscriptionSpec): IDataObject {
	const body: IDataObject = { url: spec.url, events: spec.events, resourceIds: spec.resourceIds };
	if (spec.label) body.label = spec.label;
	if (spec.status) body.status = spec.status;
	return body;
}

/**
 * An id as one path segment. Quo's webhook and delivery ids are letters, digits, `_` and `-`; anything else (a `/`,
 * a `..` from an answer or an expression) would address another resource, so it is refused before any request.
 */
function segment(this: QuoApiContext, id: string, itemIndex?: number): string {
	if (/^[A-Za-z0-9_-]+$/.test(id)) return id;
	throw new NodeOperationError(
		this.getNode(),
		`'${id.slice(0, 64)}' is not a Quo webhook or delivery ID`,
		{
			itemIndex,
		},
	);
}

// 2026-03-30 subscriptions

export async function createSubscription(
	this: QuoApiContext,
	spec: SubscriptionSpec,
): Promise<QuoSubscription> {
	const response = await quoApiRequest.call(this, {
		method: 'POST',
		path: '/webhooks',
		body: bodyOf(spec),
	});
	return expectSubscription.call(this, response, 'creating a webhook');
}

export async function updateSubscription(
	this: QuoApiContext,
	id: string,
	changes: IDataObject,
	itemIndex?: number,
): Promise<QuoSubscription> {
	const response = await quoApiRequest.call(this, {
		method: 'PATCH',
		path: `/webhooks/${segment.call(this, id)}`,
		body: changes,
		itemIndex,
		notFound: `the webhook ${id}`,
	});
	return expectSubscription.call(this, response, 'updating a webhook');
}

/** Quo never returns a 2026-03-30 key again after create; rotating is the only way to get one. */
export async function rotateSubscriptionKey(
	this: QuoApiContext,
	id: string,
	itemIndex?: number,
): Promise<string> {
	const response = await quoApiRequest.call(this, {
		method: 'POST',
		path: `/webhooks/${segment.call(this, id)}/rotate`,
		itemIndex,
		notFound: `the webhook ${id}`,
	});
	const key = (response.data as IDataObject | undefined)?.key;
	if (typeof key === 'string' && key !== '') return key;
	throw unexpectedAnswerError(
		this.getNode(),
		"Quo's answer to rotating the webhook secret has no key in it",
		response as JsonObject,
	);
}

/** One delivery in Quo's log of a 2026-03-30 webhook: the body Quo sent (`requestBody`) and its attempts so far. */
export interface LoggedDelivery {
	id: string;
	eventType: string;
	requestBody: unknown;
	attempts: Array<{ status?: string }>;
}

/**
 * Quo's record of a delivery; its fields are as Quo sent them, unchecked (the whole answer when it has no `data`). The
 * trigger asks once, without retries, while a delivery waits for its answer; the Quo node retries as for any read.
 */
export async function getLoggedDelivery(
	this: QuoApiContext,
	webhookId: string,
	deliveryId: string,
	options: { singleAttempt: boolean; itemIndex?: number },
): Promise<Partial<LoggedDelivery> & IDataObject> {
	const response = await quoApiRequest.call(this, {
		method: 'GET',
		path: `/webhooks/${segment.call(this, webhookId)}/events/${segment.call(this, deliveryId, options.itemIndex)}`,
		...options,
		notFound: `the delivery ${deliveryId} of webhook ${webhookId}`,
	});
	return unwrapData(response) as Partial<LoggedDelivery> & IDataObject;
}

/** A webhook of either API: a v1 one lives under `/v1/webhooks`, a 2026-03-30 one under `/webhooks`. */
function subscriptionPath(
	this: QuoApiContext,
	id: string,
	apiVersion: WebhookApiVersion,
	itemIndex?: number,
): string {
	return `${apiVersion === 'v1' ? '/v1' : ''}/webhooks/${segment.call(this, id, itemIndex)}`;
}

export async function deleteSubscription(
	this: QuoApiContext,
	id: string,
	apiVersion: WebhookApiVersion,
	itemIndex?: number,
): Promise<void> {
	await quoApiRequest.call(this, {
		method: 'DELETE',
		path: subscriptionPath.call(this, id, apiVersion, itemIndex),
		itemIndex,
		notFound: `the webhook ${id}`,
	});
}

// Quo's records as it answers them, unchecked, for the Quo node's webhook operations to show.

export async function getSubscriptionRecord(
	this: QuoApiContext,
	id: string,
	apiVersion: WebhookApiVersion,
	itemIndex?: number,
): Promise<IDataObject> {
	const response = await quoApiRequest.call(this, {
		method: 'GET',
		path: subscriptionPath.call(this, id, apiVersion, itemIndex),
		itemIndex,
		notFound: `the webhook ${id}`,
	});
	return unwrapData(response);
}

/** Every webhook of one API (Quo does not page these lists); v1 can be narrowed to one owner. */
export async function listSubscriptionRecords(
	this: QuoApiContext,
	apiVersion: WebhookApiVersion,
	options: { userId?: string; itemIndex?: number } = {},
): Promise<IDataObject[]> {
	const response = await quoApiRequest.call(this, {
		method: 'GET',
		path: apiVersion === 'v1' ? '/v1/webhooks' : '/webhooks',
		qs: options.userId ? { userId: options.userId } : undefined,
		itemIndex: options.itemIndex,
	});
	return unwrapList(response);
}

/** The webhooks of one API the trigger can work with: those with an id, a URL and events. */
export async function listSubscriptions(
	this: QuoApiContext,
	apiVersion: WebhookApiVersion,
): Promise<QuoSubscription[]> {
	const records: unknown[] = await listSubscriptionRecords.call(this, apiVersion);
	return records.filter(isSubscription);
}

/** A webhook's logged deliveries, newest first, page by page up to `limit` (all without one). */
export async function listLoggedDeliveries(
	this: QuoApiContext,
	webhookId: string,
	options: { qs: IDataObject; limit?: number; pageSize: number; itemIndex?: number },
): Promise<IDataObject[]> {
	return (await quoApiRequestAllItemsCursor.call(this, {
		path: `/webhooks/${segment.call(this, webhookId, options.itemIndex)}/events`,
		notFound: `the webhook ${webhookId}`,
		...options,
	})) as IDataObject[];
}

export async function sendTestEvent(
	this: QuoApiContext,
	id: string,
	eventType: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await quoApiRequest.call(this, {
		method: 'POST',
		path: `/webhooks/${segment.call(this, id, itemIndex)}/events/test`,
		body: { eventType },
		itemIndex,
		notFound: `the webhook ${id}`,
	});
}

/** Has Quo send one logged delivery again, now. */
export async function retryLoggedDelivery(
	this: QuoApiContext,
	webhookId: string,
	deliveryId: string,
	itemIndex?: number,
): Promise<void> {
	await quoApiRequest.call(this, {
		method: 'POST',
		path: `/webhooks/${segment.call(this, webhookId, itemIndex)}/events/${segment.call(this, deliveryId, itemIndex)}/retry`,
		itemIndex,
		notFound: `the delivery ${deliveryId} of webhook ${webhookId}`,
	});
}

// v1 subscriptions: one per event family

async function createV1Subscription(
	this: QuoApiContext,
	family: V1WebhookFamily,
	spec: SubscriptionSpec,
	itemIndex?: number,
): Promise<QuoSubscription & { key: string }> {
	const response = await quoApiRequest.call(this, {
		method: 'POST',
		path: `/v1/webhooks/${family}`,
		body: bodyOf(spec),
		itemIndex,
	});
	return requireKey.call(
		this,
		expectSubscription.call(this, response, `creating a ${family} webhook`),
	);
}

/** Without its key, Quo's deliveries cannot be told from forged ones: a created webhook without one is a failure. */
export function requireKey(
	this: QuoApiContext,
	subscription: QuoSubscription,
): QuoSubscription & { key: string } {
	if (typeof subscription.key === 'string' && subscription.key !== '')
		return subscription as QuoSubscription & { key: string };
	throw new NodeApiError(
		this.getNode(),
		{ id: subscription.id },
		{
			message: `Quo created webhook ${subscription.id} but sent no signing key`,
			description:
				'Without the key, deliveries cannot be verified. Delete the webhook and create it again.',
		},
	);
}

/**
 * v1 has one webhook per event family: creates one per entry, all or none. If Quo refuses one, those this
 * call created are removed again, and the error says which family failed and what became of the others.
 */
export async function createV1Subscriptions(
	this: QuoApiContext,
	specs: Array<[V1WebhookFamily, SubscriptionSpec]>,
	itemIndex?: number,
): Promise<Array<{ family: V1WebhookFamily; subscription: QuoSubscription & { key: string } }>> {
	const created: Array<{
		family: V1WebhookFamily;
		subscription: QuoSubscription & { key: string };
	}> = [];
	for (const [family, spec] of specs) {
		try {
			created.push({
				family,
				subscription: await createV1Subscription.call(this, family, spec, itemIndex),
			});
		} catch (error) {
			const undone = await removeCreated.call(
				this,
				created.map(({ subscription }) => subscription.id),
				itemIndex,
			);
			// Wrapping a NodeApiError returns it as it is; the description gains what happened to the rest.
			const failure = new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
			// No answer, or an unreadable 2xx: Quo may hold this family's webhook though n8n never learned its id.
			const refused = Number(failure.httpCode) >= 400;
			const outcome = refused
				? `Quo refused the "${family}" webhook.`
				: `Quo did not confirm the "${family}" webhook, so it may exist anyway: delete it if Webhook → Get Many lists it.`;
			failure.description = [`${outcome} ${undone}`, failure.description]
				.filter(Boolean)
				.join('\n');
			throw failure;
		}
	}
	return created;
}

async function removeCreated(
	this: QuoApiContext,
	ids: string[],
	itemIndex?: number,
): Promise<string> {
	const leftBehind: string[] = [];
	for (const id of ids) {
		try {
			await deleteSubscription.call(this, id, 'v1', itemIndex);
		} catch (error) {
			this.logger.error(`Could not remove Quo webhook ${id} after a failed create`, { error });
			leftBehind.push(id);
		}
	}
	if (ids.length === 0) return 'No webhook was created.';
	return leftBehind.length === 0
		? `The ${ids.length} created before it were removed again.`
		: `Remove these by hand in Quo, they could not be removed: ${leftBehind.join(', ')}.`;
}

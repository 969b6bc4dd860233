import type { IDataObject } from 'n8n-workflow';

import type { V1WebhookFamily, WebhookApiVersion } from '../events/catalog';

/** What the trigger keeps of one Quo subscription in the workflow's static data. */
export interface StoredSubscription {
	id: string;
	/** The signing key; Quo shows a 2026-03-30 key only once, so losing it means rotating. */
	key: string;
	/** The v1 family; null for a 2026-03-30 subscription. */
	family: V1WebhookFamily | null;
	/** Keys this one replaced, each still accepted until `validUntil` (ms): deliveries Quo signed before a rotation. */
	previousKeys?: PreviousKey[];
}

export interface PreviousKey {
	key: string;
	validUntil: number;
}

/** Which message and call events start the workflow; events without a direction always do. */
export type DirectionFilter = 'both' | 'incoming' | 'outgoing';

/** The node's settings that decide how deliveries are handled, captured when the subscriptions are made. */
export interface DeliverySettings {
	apiVersion: WebhookApiVersion;
	events: string[];
	includeRawBody: boolean;
	direction: DirectionFilter;
}

interface TriggerStaticData extends IDataObject {
	apiVersion?: WebhookApiVersion;
	/** The events the subscriptions were made for: what deliveries are filtered by. */
	events?: string[];
	/** The "Include Raw Body" option when the subscriptions were made. */
	includeRawBody?: boolean;
	direction?: DirectionFilter;
	subscriptions?: StoredSubscription[];
	/** The id of the sample Quo rendered for "Execute step": its delivery's item is marked as a sample. */
	sampleEventId?: string;
}

export function storedSubscriptions(
	staticData: IDataObject,
	apiVersion: WebhookApiVersion,
): StoredSubscription[] {
	const data = staticData as TriggerStaticData;
	return data.apiVersion === apiVersion && Array.isArray(data.subscriptions)
		? data.subscriptions
		: [];
}

/** Replaces the stored subscriptions; assigning (not mutating) makes n8n notice the change and save it. */
export function storeSubscriptions(
	staticData: IDataObject,
	settings: DeliverySettings,
	subscriptions: StoredSubscription[],
): void {
	const data = staticData as TriggerStaticData;
	data.apiVersion = settings.apiVersion;
	data.events = [...settings.events];
	data.includeRawBody = settings.includeRawBody;
	data.direction = settings.direction;
	data.subscriptions = subscriptions.map((subscription) => ({ ...subscription }));
	// Where versions before 0.2 kept their memory of recent deliveries (n8n's processed_data holds it now): static
	// data is read for every delivery, so it is not kept for nothing.
	delete data.recentDeliveries;
}

/**
 * Keeps a subscription's new signing key (after a rotation). The key it replaces stays accepted until
 * `graceUntil`, beside earlier ones still within their grace: keys are added to what is stored, not put in its
 * place, so storing one rotation's key never drops another's. Assigning the list makes n8n save it.
 */
export function storeRotatedKey(
	staticData: IDataObject,
	subscriptionId: string,
	key: string,
	graceUntil: number,
	nowMs: number,
): void {
	const data = staticData as TriggerStaticData;
	if (!Array.isArray(data.subscriptions)) return;
	if (
		!data.subscriptions.some(
			(subscription) => subscription.id === subscriptionId && subscription.key !== key,
		)
	)
		return;
	data.subscriptions = data.subscriptions.map((subscription) => {
		if (subscription.id !== subscriptionId || subscription.key === key) return { ...subscription };
		const stillValid = (subscription.previousKeys ?? []).filter(
			(previous) =>
				previous.validUntil > nowMs && previous.key !== key && previous.key !== subscription.key,
		);
		return {
			...subscription,
			key,
			previousKeys: [...stillValid, { key: subscription.key, validUntil: graceUntil }],
		};
	});
}

export function forgetSubscriptions(staticData: IDataObject): void {
	const data = staticData as TriggerStaticData;
	delete data.apiVersion;
	delete data.events;
	delete data.includeRawBody;
	delete data.direction;
	delete data.subscriptions;
	delete data.sampleEventId;
}

export function storeSampleEventId(staticData: IDataObject, eventId: string): void {
	(staticData as TriggerStaticData).sampleEventId = eventId;
}

export function sampleEventId(staticData: IDataObject): string | undefined {
	return (staticData as TriggerStaticData).sampleEventId;
}

/**
 * What a delivery is checked against, read from static data rather than the node's parameters: n8n resolves
 * an array parameter on every call, and this runs on every delivery. `keys` holds each subscription's key and
 * the previous keys still within their grace at `nowMs`.
 */
export function registeredDeliverySettings(
	staticData: IDataObject,
	nowMs: number,
): Partial<DeliverySettings> & {
	events: string[];
	direction: DirectionFilter;
	keys: string[];
	subscriptionIds: string[];
} {
	const data = staticData as TriggerStaticData;
	// n8n hands static data over wrapped in proxies (to notice changes), and array methods such as map or includes
	// take a slow, generic path on a proxy: each list is read once, with an indexed loop, into a plain array.
	const subscriptions = data.subscriptions;
	const keys: string[] = [];
	const subscriptionIds: string[] = [];
	if (Array.isArray(subscriptions)) {
		for (let i = 0, count = subscriptions.length; i < count; i++) {
			const subscription = subscriptions[i];
			keys.push(subscription.key);
			subscriptionIds.push(subscription.id);
			const previousKeys = subscription.previousKeys;
			if (Array.isArray(previousKeys)) {
				for (let j = 0, previousCount = previousKeys.length; j < previousCount; j++) {
					if (previousKeys[j].validUntil > nowMs) keys.push(previousKeys[j].key);
				}
			}
		}
	}
	const storedEvents = data.events;
	const events: string[] = [];
	if (Array.isArray(storedEvents)) {
		for (let i = 0, count = storedEvents.length; i < count; i++) events.push(storedEvents[i]);
	}
	const direction =
		data.direction === 'incoming' || data.direction === 'outgoing' ? data.direction : 'both';
	return {
		apiVersion: data.apiVersion,
		events,
		includeRawBody: data.includeRawBody === true,
		direction,
		keys,
		subscriptionIds,
	};
}

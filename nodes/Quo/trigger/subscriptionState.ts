import type { IDataObject } from 'n8n-workflow';

import type { V1WebhookFamily, WebhookApiVersion } from '../events/catalog';

/** What the trigger keeps of one Quo subscription in the workflow's static data. */
export interface StoredSubscription {
	id: string;
	/** The signing key; Quo shows a 2026-03-30 key only once, so losing it means rotating. */
	key: string;
	/** The v1 family; null for a 2026-03-30 subscription. */
	family: V1WebhookFamily | null;
}

interface TriggerStaticData extends IDataObject {
	apiVersion?: WebhookApiVersion;
	subscriptions?: StoredSubscription[];
}

export function storedSubscriptions(staticData: IDataObject, apiVersion: WebhookApiVersion): StoredSubscription[] {
	const data = staticData as TriggerStaticData;
	return data.apiVersion === apiVersion && Array.isArray(data.subscriptions) ? data.subscriptions : [];
}

/** Replaces the stored subscriptions; assigning (not mutating) makes n8n notice the change and save it. */
export function storeSubscriptions(
	staticData: IDataObject,
	apiVersion: WebhookApiVersion,
	subscriptions: StoredSubscription[],
): void {
	const data = staticData as TriggerStaticData;
	data.apiVersion = apiVersion;
	data.subscriptions = subscriptions.map((subscription) => ({ ...subscription }));
}

export function forgetSubscriptions(staticData: IDataObject): void {
	const data = staticData as TriggerStaticData;
	delete data.apiVersion;
	delete data.subscriptions;
}

/** Every stored key of any generation: the keys a delivery may be signed with. */
export function storedKeys(staticData: IDataObject): string[] {
	const data = staticData as TriggerStaticData;
	return Array.isArray(data.subscriptions) ? data.subscriptions.map((subscription) => subscription.key) : [];
}

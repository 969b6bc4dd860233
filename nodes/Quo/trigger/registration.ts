import type { IDataObject, IHookFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { groupEventsByV1Family, v1FamilyOf, type WebhookApiVersion } from '../events/catalog';
import {
	createSubscription,
	createV1Subscriptions,
	deleteSubscription,
	listSubscriptions,
	requireKey,
	resourceIdsFor,
	type QuoSubscription,
	rotateSubscriptionKey,
	sendTestEvent,
	type SubscriptionSpec,
	updateSubscription,
} from '../transport/webhooks';
import {
	type DeliverySettings,
	forgetSubscriptions,
	storedSubscriptions,
	storeSubscriptions,
	type StoredSubscription,
	storeSampleEventId,
} from './subscriptionState';
import { isUsableSigningKey, MIN_SIGNING_KEY_BYTES } from './signature';

/** What the trigger's parameters ask Quo for, and how its deliveries are to be handled. */
export interface TriggerConfig extends DeliverySettings {
	phoneNumberIds: string[];
	url: string;
	label: string;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
	const set = new Set(a);
	return set.size === new Set(b).size && b.every((value) => set.has(value));
}

function specFor(config: TriggerConfig, events: string[]): SubscriptionSpec {
	return {
		url: config.url,
		events,
		resourceIds: resourceIdsFor(config.phoneNumberIds, events),
		label: config.label,
	};
}

/** A key that cannot verify deliveries (empty, not base64, under 16 bytes) makes a registration useless: say so. */
function usableKey(
	this: IHookFunctions,
	subscription: { id: string; key: string },
	apiVersion: WebhookApiVersion,
): string {
	if (isUsableSigningKey(subscription.key, apiVersion === 'v1' ? 'legacy' : 'standard'))
		return subscription.key;
	throw new NodeApiError(
		this.getNode(),
		{ id: subscription.id },
		{
			message: `Quo gave webhook ${subscription.id} a signing key that cannot protect deliveries`,
			description: `A signing key must hold at least ${MIN_SIGNING_KEY_BYTES} bytes. Deactivate and activate the workflow to register the webhook again; if this repeats, contact Quo.`,
		},
	);
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '404';
}

/** Deletes a subscription; one that Quo no longer has is already what we want. */
async function removeSubscription(
	this: IHookFunctions,
	id: string,
	apiVersion: WebhookApiVersion,
): Promise<void> {
	try {
		await deleteSubscription.call(this, id, apiVersion);
	} catch (error) {
		if (!isNotFound(error)) throw new NodeApiError(this.getNode(), error as JsonObject);
		this.logger.debug(`Quo webhook ${id} was already gone`);
	}
}

/** Ours first: when Quo holds duplicates for our URL, the one whose key we still have is the one to keep. */
function oursFirst(
	subscriptions: QuoSubscription[],
	stored: StoredSubscription[],
): QuoSubscription[] {
	const storedIds = new Set(stored.map((subscription) => subscription.id));
	return [...subscriptions].sort(
		(a, b) => Number(storedIds.has(b.id)) - Number(storedIds.has(a.id)),
	);
}

/**
 * 2026-03-30: one subscription per trigger. Adopts the one Quo holds for our URL, removes duplicates,
 * brings its events, phone numbers and status in line with the node (PATCH), and rotates its secret when
 * our copy of the key is lost, so there is never a moment without a subscription.
 */
async function adoptSubscription(
	this: IHookFunctions,
	config: TriggerConfig,
	staticData: IDataObject,
): Promise<boolean> {
	const stored = storedSubscriptions(staticData, config.apiVersion);
	const [keep, ...duplicates] = oursFirst(
		(await listSubscriptions.call(this, '2026-03-30')).filter(
			(subscription) => subscription.url === config.url,
		),
		stored,
	);
	if (!keep) {
		forgetSubscriptions(staticData);
		return false;
	}
	for (const duplicate of duplicates)
		await removeSubscription.call(this, duplicate.id, config.apiVersion);

	const wanted = specFor(config, config.events);
	const changes: IDataObject = {};
	if (!sameMembers(keep.events, wanted.events)) changes.events = wanted.events;
	if (!sameMembers(keep.resourceIds, wanted.resourceIds)) changes.resourceIds = wanted.resourceIds;
	if (keep.status !== undefined && keep.status !== 'enabled') changes.status = 'enabled';
	if (Object.keys(changes).length > 0) await updateSubscription.call(this, keep.id, changes);

	const known = stored.find((subscription) => subscription.id === keep.id);
	const key =
		known !== undefined && isUsableSigningKey(known.key, 'standard')
			? known.key
			: usableKey.call(
					this,
					{ id: keep.id, key: await rotateSubscriptionKey.call(this, keep.id) },
					config.apiVersion,
				);
	storeSubscriptions(staticData, config, [{ ...known, id: keep.id, key, family: null }]);
	return true;
}

/**
 * v1: one subscription per event family. Adopts each family's subscription for our URL when its events and
 * phone numbers still match (v1 cannot update one, and its list returns the key); removes the rest.
 * Answers whether every family the node needs is in place.
 */
async function adoptV1Subscriptions(
	this: IHookFunctions,
	config: TriggerConfig,
	staticData: IDataObject,
): Promise<boolean> {
	const wantedByFamily = groupEventsByV1Family(config.events);
	const mine = oursFirst(
		(await listSubscriptions.call(this, 'v1')).filter(
			(subscription) => subscription.url === config.url,
		),
		storedSubscriptions(staticData, config.apiVersion),
	);
	const adopted: StoredSubscription[] = [];
	for (const subscription of mine) {
		const family = v1FamilyOf(subscription.events[0] ?? '');
		const wantedEvents = family ? wantedByFamily.get(family) : undefined;
		const matches =
			family !== null &&
			wantedEvents !== undefined &&
			!adopted.some((other) => other.family === family) &&
			sameMembers(subscription.events, wantedEvents) &&
			sameMembers(subscription.resourceIds, resourceIdsFor(config.phoneNumberIds, wantedEvents)) &&
			subscription.status !== 'disabled' &&
			typeof subscription.key === 'string' &&
			isUsableSigningKey(subscription.key, 'legacy');
		if (matches) adopted.push({ id: subscription.id, key: subscription.key as string, family });
		else await removeSubscription.call(this, subscription.id, config.apiVersion);
	}
	storeSubscriptions(staticData, config, adopted);
	return adopted.length === wantedByFamily.size;
}

/** Subscriptions of the other generation left in static data (the node's API version was switched) are removed. */
async function removeOtherGeneration(
	this: IHookFunctions,
	config: TriggerConfig,
	staticData: IDataObject,
): Promise<void> {
	const other: WebhookApiVersion = config.apiVersion === 'v1' ? '2026-03-30' : 'v1';
	for (const subscription of storedSubscriptions(staticData, other)) {
		await removeSubscription.call(this, subscription.id, other);
	}
}

/** n8n's `checkExists`: true when Quo already holds exactly what the node needs, adopted into static data. */
export async function ensureSubscribed(
	this: IHookFunctions,
	config: TriggerConfig,
): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	await removeOtherGeneration.call(this, config, staticData);
	const complete =
		config.apiVersion === 'v1'
			? await adoptV1Subscriptions.call(this, config, staticData)
			: await adoptSubscription.call(this, config, staticData);
	if (complete) await sendSampleWhenListening.call(this, config);
	return complete;
}

/** n8n's `create`: subscribes what `ensureSubscribed` did not find, and stores ids and keys. */
export async function subscribe(this: IHookFunctions, config: TriggerConfig): Promise<void> {
	const staticData = this.getWorkflowStaticData('node');
	if (config.apiVersion === '2026-03-30') {
		const created = requireKey.call(
			this,
			await createSubscription.call(this, specFor(config, config.events)),
		);
		storeSubscriptions(staticData, config, [
			{ id: created.id, key: usableKey.call(this, created, config.apiVersion), family: null },
		]);
	} else {
		await subscribeMissingV1Families.call(this, config, staticData);
	}
	await sendSampleWhenListening.call(this, config);
}

/** Creates a subscription for each family still missing, all or none, and stores them beside the existing ones. */
async function subscribeMissingV1Families(
	this: IHookFunctions,
	config: TriggerConfig,
	staticData: IDataObject,
): Promise<void> {
	const existing = storedSubscriptions(staticData, config.apiVersion);
	const missing = [...groupEventsByV1Family(config.events)].filter(
		([family]) => !existing.some((subscription) => subscription.family === family),
	);
	const created = await createV1Subscriptions.call(
		this,
		missing.map(([family, events]) => [family, specFor(config, events)]),
	);
	const stored = created.map(({ family, subscription }) => ({
		id: subscription.id,
		key: subscription.key,
		family,
	}));
	// Stored before the check, so that the `delete` n8n runs after a failed `create` removes them again.
	storeSubscriptions(staticData, config, [...existing, ...stored]);
	for (const subscription of stored) usableKey.call(this, subscription, config.apiVersion);
}

/**
 * n8n's `delete`: removes every subscription of this node, stored or found by URL. A subscription Quo no
 * longer has counts as removed; any other failure is raised after trying the rest, and what could not be
 * removed stays in static data, so the next activation cleans it up.
 */
export async function unsubscribe(this: IHookFunctions, config: TriggerConfig): Promise<void> {
	const staticData = this.getWorkflowStaticData('node');
	await removeOtherGeneration.call(this, config, staticData);
	const stored = storedSubscriptions(staticData, config.apiVersion);
	const listed = await listSubscriptions.call(this, config.apiVersion);
	const foundByUrl = listed
		.filter(
			(subscription) =>
				subscription.url === config.url && !stored.some((known) => known.id === subscription.id),
		)
		.map((subscription) => ({
			id: subscription.id,
			key: '',
			family: config.apiVersion === 'v1' ? v1FamilyOf(subscription.events[0] ?? '') : null,
		}));

	const failed: StoredSubscription[] = [];
	let firstError: unknown;
	for (const subscription of [...stored, ...foundByUrl]) {
		try {
			await removeSubscription.call(this, subscription.id, config.apiVersion);
		} catch (error) {
			failed.push(subscription);
			firstError ??= error;
		}
	}
	if (firstError === undefined) {
		forgetSubscriptions(staticData);
		return;
	}
	storeSubscriptions(staticData, config, failed);
	throw firstError;
}

/**
 * While n8n listens for a test event, ask Quo for a signed sample of the first selected event, so the user
 * sees an item at once instead of waiting for real traffic. Only 2026-03-30 has this endpoint.
 */
async function sendSampleWhenListening(this: IHookFunctions, config: TriggerConfig): Promise<void> {
	const wanted = this.getNodeParameter('options.sendSampleEventOnTest', true) as boolean;
	if (!wanted || this.getMode() !== 'manual' || config.apiVersion !== '2026-03-30') return;
	const [subscription] = storedSubscriptions(this.getWorkflowStaticData('node'), config.apiVersion);
	if (!subscription) return;
	try {
		const sample = await sendTestEvent.call(this, subscription.id, config.events[0]);
		if (typeof sample.id === 'string' && sample.id !== '')
			storeSampleEventId(this.getWorkflowStaticData('node'), sample.id);
	} catch (error) {
		// The listener still works for real events; the sample is a convenience.
		this.logger.warn(`Quo did not send a sample ${config.events[0]} event`, { error });
	}
}

import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { getLoggedDelivery, rotateSubscriptionKey } from '../transport/webhooks';
import { isUsableSigningKey, TIMESTAMP_TOLERANCE_MS } from './signature';
import { storeRotatedKey } from './subscriptionState';

/**
 * A fresh, well-formed 2026-03-30 delivery whose signature matches no key the trigger holds is either forged or
 * signed with a key the trigger lost track of (the secret was rotated with the Quo node, or n8n loaded static
 * data older than the last rotation). A failed signature alone cannot tell the two apart, so by itself it changes
 * nothing. Only Quo can: its delivery log (`GET /webhooks/{id}/events/{webhook-id}`) holds every delivery it made.
 * When the log has this one, with the body received and not yet delivered, the trigger's key is stale: it rotates
 * once (Quo shows a
 * 2026-03-30 key only when it creates or rotates one) and keeps the new key. The delivery is still answered 401:
 * n8n 2.x saves static data that `webhook()` wrote only for deliveries that start no run, and the new key must be
 * saved, or every process would have to rotate again. Quo's retry, signed with the new key, then starts the run.
 */

/** Lookups in Quo's log per subscription and n8n process: a burst of forged deliveries costs at most this many. */
export const LOOKUP_BURST = 2;
/** One more lookup becomes available this long after one was spent. */
export const LOOKUP_REFILL_MS = 30_000;
/** A subscription is rotated at most once in this time by one process; deliveries in it share the rotation. */
export const ROTATION_INTERVAL_MS = 60_000;
/**
 * How long a key replaced by a rotation still verifies deliveries. Quo signs each attempt when it sends it, so a
 * delivery signed with the old key was signed before the rotation: after the timestamp tolerance it is refused as
 * stale anyway.
 */
export const PREVIOUS_KEY_GRACE_MS = TIMESTAMP_TOLERANCE_MS;

/** Quo's delivery ids (`msg_2abc…`); anything else is not looked up, as it becomes part of the request path. */
const DELIVERY_ID = /^[A-Za-z0-9_-]{1,128}$/;

interface Rotation {
	/** When Quo answered; undefined while the rotation is in flight (it is joined, never raced). */
	settledAt: number | undefined;
	/** The key the rotation replaced. */
	from: string;
	/** The new key, or undefined when Quo refused the rotation. */
	to: Promise<string | undefined>;
}

interface SubscriptionRecovery {
	lookupsLeft: number;
	/** When `lookupsLeft` was last topped up. */
	refilledAt: number;
	rotation: Rotation | undefined;
}

/** Per credential and subscription, kept by this n8n process alone. */
const recoveries = new Map<string, SubscriptionRecovery>();

/** What the trigger knows of a delivery whose signature matched no key it holds. */
export interface UnverifiedDelivery {
	staticData: IDataObject;
	subscriptionId: string;
	/** The subscription's current key in the static data this delivery was checked against. */
	currentKey: string;
	/** Every key that delivery was checked against (current and previous ones in their grace). */
	heldKeys: string[];
	/** The `webhook-id` header. */
	deliveryId: string;
	/** The body parsed from the signed bytes; undefined when it is not JSON (Quo's deliveries always are). */
	readBody(): unknown;
	/** Checks the delivery's signature with another key. */
	isSignedWith(key: string): boolean;
}

/**
 * `verified`: the delivery is signed with the key of a rotation this process made, now kept: run it.
 * `rotated`: Quo's log proves the delivery, the key was stale and is rotated: answer 401, Quo's retry runs it.
 * `refused`: nothing proves the delivery: answer 401, nothing changed.
 */
export type RecoveryOutcome = 'verified' | 'rotated' | 'refused';

function recoveryFor(slot: string, nowMs: number): SubscriptionRecovery {
	let recovery = recoveries.get(slot);
	if (recovery === undefined) {
		recovery = { lookupsLeft: LOOKUP_BURST, refilledAt: nowMs, rotation: undefined };
		recoveries.set(slot, recovery);
	}
	const earned = Math.floor((nowMs - recovery.refilledAt) / LOOKUP_REFILL_MS);
	if (earned > 0) {
		recovery.lookupsLeft = Math.min(LOOKUP_BURST, recovery.lookupsLeft + earned);
		recovery.refilledAt =
			recovery.lookupsLeft === LOOKUP_BURST
				? nowMs
				: recovery.refilledAt + earned * LOOKUP_REFILL_MS;
	}
	return recovery;
}

/** A rotation still in flight, or answered within the grace: its key may be one this delivery's copy lacks. */
async function recentRotationKey(
	recovery: SubscriptionRecovery,
	nowMs: number,
): Promise<string | undefined> {
	const { rotation } = recovery;
	if (rotation === undefined) return undefined;
	if (rotation.settledAt !== undefined && nowMs - rotation.settledAt > PREVIOUS_KEY_GRACE_MS)
		return undefined;
	return await rotation.to;
}

/** Equal as JSON values: the same members in any order, the same array items in the same order. */
function sameJson(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (
		typeof a !== 'object' ||
		typeof b !== 'object' ||
		a === null ||
		b === null ||
		Array.isArray(a) !== Array.isArray(b)
	) {
		return false;
	}
	const aKeys = Object.keys(a);
	if (aKeys.length !== Object.keys(b).length) return false;
	return aKeys.every(
		(key) => Object.hasOwn(b, key) && sameJson((a as IDataObject)[key], (b as IDataObject)[key]),
	);
}

/**
 * Whether Quo's log holds this delivery with this body, not yet delivered: an attempt n8n answered with a 2xx shows
 * the key was fine then, and a copy of such a delivery (its id and body are in its item) proves nothing now. Any
 * failure to learn it counts as no.
 */
async function quoStillSending(
	this: IWebhookFunctions,
	delivery: UnverifiedDelivery,
): Promise<boolean> {
	try {
		const logged = await getLoggedDelivery.call(
			this,
			delivery.subscriptionId,
			delivery.deliveryId,
			{
				singleAttempt: true,
			},
		);
		const delivered =
			Array.isArray(logged.attempts) &&
			logged.attempts.some((attempt) => attempt?.status === 'success');
		return (
			logged.id === delivery.deliveryId &&
			!delivered &&
			sameJson(logged.requestBody, delivery.readBody())
		);
	} catch (error) {
		// A 404 is the usual answer for a forged delivery's invented id.
		this.logger.debug(`Quo Trigger: Quo's log has no delivery ${delivery.deliveryId}`, { error });
		return false;
	}
}

async function rotate(
	this: IWebhookFunctions,
	subscriptionId: string,
): Promise<string | undefined> {
	try {
		const key = await rotateSubscriptionKey.call(this, subscriptionId);
		if (!isUsableSigningKey(key, 'standard')) {
			this.logger.warn(
				`Quo Trigger rotated the signing key of Quo webhook ${subscriptionId}, but Quo's new key cannot protect deliveries; deactivate and activate the workflow`,
			);
			return undefined;
		}
		this.logger.warn(
			`Quo Trigger received a delivery from Quo signed with a key it no longer held, so it rotated the signing key of Quo webhook ${subscriptionId}; Quo's next attempt is signed with the new key. This happens after the secret was rotated outside this workflow.`,
		);
		return key;
	} catch (error) {
		this.logger.warn(
			`Quo Trigger could not rotate the signing key of Quo webhook ${subscriptionId}`,
			{ error },
		);
		return undefined;
	}
}

/** Rotates, or joins the rotation this process made from the same key within the last minute. */
async function rotateOnce(
	this: IWebhookFunctions,
	recovery: SubscriptionRecovery,
	delivery: UnverifiedDelivery,
	nowMs: number,
): Promise<string | undefined> {
	const { rotation } = recovery;
	const recent =
		rotation !== undefined &&
		(rotation.settledAt === undefined || nowMs - rotation.settledAt < ROTATION_INTERVAL_MS);
	if (recent) return rotation.from === delivery.currentKey ? await rotation.to : undefined;
	const started: Rotation = {
		settledAt: undefined,
		from: delivery.currentKey,
		to: rotate.call(this, delivery.subscriptionId),
	};
	void started.to.finally(() => {
		started.settledAt = Date.now();
	});
	recovery.rotation = started;
	return await started.to;
}

/** Keeps `key` as the subscription's signing key, the key it replaces still valid for the grace. */
function keepKey(delivery: UnverifiedDelivery, key: string): void {
	const nowMs = Date.now();
	storeRotatedKey(
		delivery.staticData,
		delivery.subscriptionId,
		key,
		nowMs + PREVIOUS_KEY_GRACE_MS,
		nowMs,
	);
}

/** Decides what a delivery that matched no held key may do; see the comment at the top of this file. */
export async function recoverSigningKey(
	this: IWebhookFunctions,
	delivery: UnverifiedDelivery,
): Promise<RecoveryOutcome> {
	const slot = `${this.getNode().credentials?.quoApi?.id ?? ''}:${delivery.subscriptionId}`;
	const recovery = recoveryFor(slot, Date.now());

	// Signed with the key of a rotation this process made (or is making), which this delivery's copy of static
	// data does not hold yet: checked again with that key.
	const rotatedKey = await recentRotationKey(recovery, Date.now());
	if (
		rotatedKey !== undefined &&
		!delivery.heldKeys.includes(rotatedKey) &&
		delivery.isSignedWith(rotatedKey)
	) {
		keepKey(delivery, rotatedKey);
		return 'verified';
	}

	if (!DELIVERY_ID.test(delivery.deliveryId)) return 'refused';
	if (recovery.lookupsLeft === 0) {
		this.logger.debug(
			`Quo Trigger refused a delivery without asking Quo: ${LOOKUP_BURST} lookups were spent recently`,
		);
		return 'refused';
	}
	recovery.lookupsLeft--;
	if (!(await quoStillSending.call(this, delivery))) return 'refused';

	const key = await rotateOnce.call(this, recovery, delivery, Date.now());
	if (key === undefined) return 'refused';
	keepKey(delivery, key);
	return 'rotated';
}

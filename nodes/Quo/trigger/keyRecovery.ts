import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { rotateSubscriptionKey } from '../transport/webhooks';
import { replaceStoredKey } from './subscriptionState';

/**
 * A well-formed, fresh 2026-03-30 delivery whose signature matches no key the trigger holds usually means the
 * secret was rotated elsewhere (the Quo node's Rotate Secret, or a static-data copy older than the last
 * rotation). Quo shows a 2026-03-30 key only when it creates or rotates one, so the trigger cannot read the
 * new key: it rotates once more and keeps the result. The delivery that revealed the stale key is still
 * refused with 401; Quo retries it signed with the key the trigger now holds.
 *
 * Anyone can send a delivery that fails this way, so each n8n process rotates a subscription at most once a
 * minute. A rotation a forger causes costs one API call; at worst a genuine delivery signed a moment before it is
 * refused once, and Quo retries it.
 */
export const KEY_RECOVERY_INTERVAL_MS = 60_000;

interface Rotation {
	/** When Quo answered the rotation; undefined while it is in flight (it is joined, never raced). */
	settledAt: number | undefined;
	/** The key the rotation replaced: a delivery whose static data still holds it learns the new one. */
	from: string;
	/** The new key, or undefined when Quo refused the rotation. */
	to: Promise<string | undefined>;
}

/** The latest rotation per credential and subscription, kept by this n8n process alone. */
const rotations = new Map<string, Rotation>();

async function rotate(this: IWebhookFunctions, subscriptionId: string): Promise<string | undefined> {
	try {
		const key = await rotateSubscriptionKey.call(this, subscriptionId);
		this.logger.warn(
			`Quo Trigger received a delivery signed with a key it does not hold, so it rotated the signing key of Quo webhook ${subscriptionId}; Quo's next attempt is signed with the new key. If this repeats, something between Quo and n8n changes the deliveries.`,
		);
		return key;
	} catch (error) {
		this.logger.warn(`Quo Trigger could not rotate the signing key of Quo webhook ${subscriptionId}`, { error });
		return undefined;
	}
}

/**
 * Brings the stored key of the trigger's one 2026-03-30 subscription in line with Quo's after a signature
 * mismatch: rotates, or joins a rotation this process started from the same stale key that is still in flight or
 * was answered less than a minute ago.
 */
export async function recoverSigningKey(
	this: IWebhookFunctions,
	staticData: IDataObject,
	subscriptionId: string,
	heldKey: string,
): Promise<void> {
	const slot = `${this.getNode().credentials?.quoApi?.id ?? ''}:${subscriptionId}`;
	const now = Date.now();
	let rotation = rotations.get(slot);
	if (rotation === undefined || (rotation.settledAt !== undefined && now - rotation.settledAt >= KEY_RECOVERY_INTERVAL_MS)) {
		const started: Rotation = { settledAt: undefined, from: heldKey, to: rotate.call(this, subscriptionId) };
		void started.to.finally(() => {
			started.settledAt = Date.now();
		});
		rotation = started;
		rotations.set(slot, rotation);
	} else if (rotation.from !== heldKey) {
		return;
	}
	const key = await rotation.to;
	if (key !== undefined) replaceStoredKey(staticData, subscriptionId, key);
}

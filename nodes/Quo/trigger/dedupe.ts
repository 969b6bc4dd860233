import type { IDataObject } from 'n8n-workflow';

/** How many deliveries back a repeated `webhook-id` (v1: event `id`) is still recognised. */
export const DEDUPE_MEMORY_SIZE = 1000;

/** Key of the dedupe memory in the node's static data. */
const RECENT_DELIVERIES_KEY = 'recentDeliveries';

/**
 * A ring buffer, stored as plain JSON in the workflow's static data so it survives restarts. It fills by
 * appending; once full, `oldest` is the slot the next key overwrites (and 0 until then).
 */
type RecentDeliveries = { keys: string[]; oldest: number };

/**
 * Lookup sets rebuilt from the stored keys, at most once per stored object. n8n loads static data afresh
 * for each production delivery, so the set mostly saves work when one object serves several deliveries.
 */
const keySets = new WeakMap<RecentDeliveries, Set<string>>();

function isRecentDeliveries(value: unknown): value is RecentDeliveries {
	if (typeof value !== 'object' || value === null) return false;
	const { keys, oldest } = value as Record<string, unknown>;
	if (!Array.isArray(keys) || keys.length > DEDUPE_MEMORY_SIZE) return false;
	if (!keys.every((key) => typeof key === 'string')) return false;
	const slotCount = keys.length === DEDUPE_MEMORY_SIZE ? DEDUPE_MEMORY_SIZE : 1;
	return typeof oldest === 'number' && Number.isInteger(oldest) && oldest >= 0 && oldest < slotCount;
}

interface DedupeMemory {
	recent: RecentDeliveries;
	seen: Set<string>;
}

function openMemory(stored: unknown): DedupeMemory {
	if (isRecentDeliveries(stored)) {
		const cached = keySets.get(stored);
		if (cached !== undefined) return { recent: stored, seen: cached };
		const seen = new Set(stored.keys);
		// Duplicate keys would fall out of step with the set on eviction; we never store any.
		if (seen.size === stored.keys.length) {
			keySets.set(stored, seen);
			return { recent: stored, seen };
		}
	}
	const fresh: DedupeMemory = { recent: { keys: [], oldest: 0 }, seen: new Set() };
	keySets.set(fresh.recent, fresh.seen);
	return fresh;
}

/**
 * Records a delivery in the dedupe memory of `staticData` (the trigger's node static data).
 * Stored memory that is not in the expected shape is started afresh.
 * @returns false when `deliveryKey` is among the last {@link DEDUPE_MEMORY_SIZE} recorded, true otherwise.
 */
export function rememberDelivery(staticData: IDataObject, deliveryKey: string): boolean {
	const { recent, seen } = openMemory(staticData[RECENT_DELIVERIES_KEY]);
	if (seen.has(deliveryKey)) return false;

	if (recent.keys.length < DEDUPE_MEMORY_SIZE) {
		recent.keys.push(deliveryKey);
	} else {
		seen.delete(recent.keys[recent.oldest]);
		recent.keys[recent.oldest] = deliveryKey;
		recent.oldest = (recent.oldest + 1) % DEDUPE_MEMORY_SIZE;
	}
	seen.add(deliveryKey);
	// n8n's ObservableObject only wraps the objects present when static data is loaded, so changes inside an
	// object stored later go unnoticed; assigning the key on the static data itself always marks it changed.
	staticData[RECENT_DELIVERIES_KEY] = recent;
	return true;
}

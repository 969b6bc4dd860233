import type { IDataObject } from 'n8n-workflow';

/** How many deliveries back a repeated `webhook-id` (v1: event `id`) is still recognised. */
export const DEDUPE_MEMORY_SIZE = 1000;

/** Key of the dedupe memory in the node's static data. */
const RECENT_DELIVERIES_KEY = 'recentDeliveries';

/**
 * The last keys as a ring buffer (`keys`; once full, `oldest` is the slot the next key overwrites) plus the
 * same keys as an object, for lookups. Both are plain JSON in the workflow's static data, so the memory
 * survives restarts, and n8n (which loads static data afresh for each production delivery) parses the index
 * into a hash table: no per-delivery rebuild, no scan of a thousand keys.
 */
type RecentDeliveries = { keys: string[]; oldest: number; index: Record<string, 1> };

function isRecentDeliveries(value: unknown): value is RecentDeliveries {
	if (typeof value !== 'object' || value === null) return false;
	const { keys, oldest, index } = value as Record<string, unknown>;
	if (!Array.isArray(keys) || keys.length > DEDUPE_MEMORY_SIZE) return false;
	if (typeof index !== 'object' || index === null || Array.isArray(index)) return false;
	const slotCount = keys.length === DEDUPE_MEMORY_SIZE ? DEDUPE_MEMORY_SIZE : 1;
	return typeof oldest === 'number' && Number.isInteger(oldest) && oldest >= 0 && oldest < slotCount;
}

/**
 * An own property even for `__proto__`, which plain assignment would not create (it sets the prototype). Every other
 * key is assigned: Object.prototype has no other setter nor read-only property, and assigning is the faster path.
 */
function addToIndex(index: Record<string, 1>, key: string): void {
	if (key === '__proto__') Object.defineProperty(index, key, { value: 1, enumerable: true, writable: true, configurable: true });
	else index[key] = 1;
}

/** Deliveries this n8n process has seen, across every Quo Trigger: `scope` + key, oldest first. */
const PROCESS_MEMORY_SIZE = 20_000;
const processKeys: string[] = [];
const processSeen = new Set<string>();
let processOldest = 0;

function rememberInProcess(key: string): boolean {
	if (processSeen.has(key)) return false;
	if (processKeys.length < PROCESS_MEMORY_SIZE) {
		processKeys.push(key);
	} else {
		processSeen.delete(processKeys[processOldest]);
		processKeys[processOldest] = key;
		processOldest = (processOldest + 1) % PROCESS_MEMORY_SIZE;
	}
	processSeen.add(key);
	return true;
}

/**
 * Records a delivery in the dedupe memory, and answers whether it is new.
 *
 * The memory that counts lives in `staticData` (the trigger's node static data), so it survives restarts.
 * n8n 2.x does not save static data that `webhook()` changed when the delivery starts a run (it wraps the
 * same object in a new Workflow before saving, which clears the change flag), so the process also keeps its
 * own memory, keyed by `scope` (the trigger's subscriptions): a repeat is caught while n8n keeps running.
 * @returns false when `deliveryKey` is among the last {@link DEDUPE_MEMORY_SIZE} recorded in static data or
 * was seen by this process for the same scope; true otherwise.
 */
export function rememberDelivery(staticData: IDataObject, deliveryKey: string, scope: string): boolean {
	const newInProcess = rememberInProcess(`${scope}\n${deliveryKey}`);
	return rememberInStaticData(staticData, deliveryKey) && newInProcess;
}

/**
 * Records a delivery in the dedupe memory of `staticData`; stored memory that is not in the expected shape
 * is started afresh. Answers false when `deliveryKey` is already there.
 */
export function rememberInStaticData(staticData: IDataObject, deliveryKey: string): boolean {
	const stored = staticData[RECENT_DELIVERIES_KEY];
	const recent: RecentDeliveries = isRecentDeliveries(stored) ? stored : { keys: [], oldest: 0, index: {} };
	if (Object.hasOwn(recent.index, deliveryKey)) return false;

	if (recent.keys.length < DEDUPE_MEMORY_SIZE) {
		recent.keys.push(deliveryKey);
	} else {
		delete recent.index[recent.keys[recent.oldest]];
		recent.keys[recent.oldest] = deliveryKey;
		recent.oldest = (recent.oldest + 1) % DEDUPE_MEMORY_SIZE;
	}
	addToIndex(recent.index, deliveryKey);
	// n8n's ObservableObject only wraps the objects present when static data is loaded, so changes inside an
	// object stored later go unnoticed; assigning the key on the static data itself always marks it changed.
	staticData[RECENT_DELIVERIES_KEY] = recent;
	return true;
}

import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
} from 'n8n-workflow';

/** How many deliveries back a repeat is still recognised, per trigger. */
export const DEDUPE_MEMORY_SIZE = 1000;

/**
 * What a delivery is known by: its `webhook-id` (2026-03-30), else its event id (v1; for a body without one, the
 * trigger put the hash of the signed bytes there).
 */
export function deliveryKeyOf(event: IDataObject): string {
	return typeof event.deliveryId === 'string' ? event.deliveryId : String(event.eventId);
}

/** Deliveries whose run this n8n process started, per trigger: workflow, node and key. Oldest first. */
const PROCESS_MEMORY_SIZE = 20_000;
const startedKeys: string[] = [];
const started = new Set<string>();
let oldestSlot = 0;

/** One trigger of one workflow, as this process knows it. */
function triggerOf(context: IExecuteFunctions | IWebhookFunctions): string {
	return `${context.getWorkflow().id ?? ''}\n${context.getNode().id}`;
}

function rememberStarted(key: string): void {
	if (started.has(key)) return;
	if (startedKeys.length < PROCESS_MEMORY_SIZE) {
		startedKeys.push(key);
	} else {
		started.delete(startedKeys[oldestSlot]);
		startedKeys[oldestSlot] = key;
		oldestSlot = (oldestSlot + 1) % PROCESS_MEMORY_SIZE;
	}
	started.add(key);
}

/**
 * Whether this process already started the run of this delivery (a cheap check in `webhook()`, which then starts
 * no execution). Only a run that really started is remembered here, so a delivery whose run n8n failed to start is
 * never taken for a repeat: Quo's retry of it runs.
 */
export function runStartedInProcess(this: IWebhookFunctions, deliveryKey: string): boolean {
	return started.has(`${triggerOf(this)}\n${deliveryKey}`);
}

/** The check of each trigger's memory now under way in this process, by workflow and node. */
const checksUnderWay = new Map<string, Promise<void>>();

/**
 * Runs `check` after the ones of the same trigger that this process started before it. n8n reads processed_data,
 * then writes it, without a lock: a delivery and its repeat checked at the same moment would both look new.
 */
async function afterEarlierChecks<T>(trigger: string, check: () => Promise<T>): Promise<T> {
	const earlier = checksUnderWay.get(trigger) ?? Promise.resolve();
	const result = earlier.then(check);
	const done = result.then(
		() => undefined,
		() => undefined,
	);
	checksUnderWay.set(trigger, done);
	try {
		return await result;
	} finally {
		if (checksUnderWay.get(trigger) === done) checksUnderWay.delete(trigger);
	}
}

/**
 * The trigger's `execute()`: n8n runs it with the item `webhook()` returned, once the execution exists. A delivery
 * seen before ends the execution here with no items, so nothing downstream runs. The memory is n8n's own
 * (`processed_data` in its database, the Remove Duplicates node's), which n8n keeps across restarts and shares
 * between the processes of a queue-mode cluster. A test delivery ("Listen for test event") is never remembered, and
 * an execution the user retries runs again.
 */
export async function dropRepeats(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	// Only Quo's deliveries to the production URL: not a test delivery, and not the user retrying an execution.
	if (this.getMode() !== 'webhook') return [items];
	const keys = items.map((item) => deliveryKeyOf(item.json));
	const trigger = triggerOf(this);
	const repeated = await afterEarlierChecks(trigger, async () => {
		try {
			const checked = await this.helpers.checkProcessedAndRecord(keys, 'node', {
				mode: 'entries',
				maxEntries: DEDUPE_MEMORY_SIZE,
			});
			return new Set(checked.processed.map(String));
		} catch (error) {
			// Better a possible repeat than a lost event: the item goes on.
			this.logger.warn(
				'Quo Trigger could not check its memory of recent deliveries, so it lets this one through',
				{ error },
			);
			return new Set<string>();
		}
	});
	for (const key of keys) rememberStarted(`${trigger}\n${key}`);
	return [items.filter((_, index) => !repeated.has(keys[index]))];
}

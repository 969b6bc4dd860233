import type {
	DeduplicationItemTypes,
	DeduplicationScope,
	ICheckProcessedContextData,
	ICheckProcessedOptions,
	IDataDeduplicator,
	IDeduplicationOutput,
} from 'n8n-workflow';

/**
 * n8n's `processed_data` (the memory behind `checkProcessedAndRecord`, which the Remove Duplicates node and the Quo
 * Trigger use) as n8n 1.123 and 2.41 keep it in mode "entries": per workflow and context (`n:<node id>` for scope
 * "node"), the values in the order recorded, the oldest dropped past `maxEntries`. Like n8n, which reads the row and
 * writes it back in two queries without a lock, it reads, lets other work run, then writes what it read plus the
 * new values. Held in memory for the tests.
 */
export class InMemoryProcessedData implements IDataDeduplicator {
	private readonly entries = new Map<string, string[]>();

	private static contextOf(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
	): string {
		if (scope === 'node' && !contextData.node)
			throw new Error("No node information has been provided and so cannot use scope 'node'");
		return `${contextData.workflow.id}\n${scope === 'node' ? `n:${contextData.node!.id}` : ''}`;
	}

	async checkProcessedAndRecord(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
		options: ICheckProcessedOptions,
	): Promise<IDeduplicationOutput> {
		if (options.mode !== 'entries')
			throw new Error(`Only mode "entries" is modelled, not ${options.mode}`);
		const context = InMemoryProcessedData.contextOf(scope, contextData);
		const recorded = [...(this.entries.get(context) ?? [])];
		// n8n's SELECT and UPDATE are two round trips to the database, a few milliseconds apart.
		await new Promise((resolve) => setTimeout(resolve, 20));
		const output: IDeduplicationOutput = { new: [], processed: [] };
		for (const item of items) {
			if (recorded.includes(String(item))) {
				output.processed.push(item);
			} else {
				output.new.push(item);
				recorded.push(String(item));
			}
		}
		if (options.maxEntries) recorded.splice(0, recorded.length - options.maxEntries);
		this.entries.set(context, recorded);
		return output;
	}

	async removeProcessed(
		items: DeduplicationItemTypes[],
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
	): Promise<void> {
		const context = InMemoryProcessedData.contextOf(scope, contextData);
		const removed = new Set(items.map(String));
		this.entries.set(
			context,
			(this.entries.get(context) ?? []).filter((value) => !removed.has(value)),
		);
		await Promise.resolve();
	}

	async clearAllProcessedItems(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
	): Promise<void> {
		this.entries.delete(InMemoryProcessedData.contextOf(scope, contextData));
		await Promise.resolve();
	}

	async getProcessedDataCount(
		scope: DeduplicationScope,
		contextData: ICheckProcessedContextData,
	): Promise<number> {
		return await Promise.resolve(
			this.entries.get(InMemoryProcessedData.contextOf(scope, contextData))?.length ?? 0,
		);
	}

	/** Forgets everything, as a new database would. */
	clear(): void {
		this.entries.clear();
	}
}

/** The one n8n-core's execution contexts use in a test file (set up in test/setup/n8nServices.ts). */
export const processedData = new InMemoryProcessedData();

/**
 * Runs `task(0)` … `task(count - 1)` with at most `limit` in flight and returns the results in index
 * order. After a failure no further task starts; once the running ones settle, the failure of the
 * lowest index is thrown, so the error reported does not depend on timing.
 */
export async function mapItemsConcurrently<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	const failures = new Map<number, unknown>();
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < count && failures.size === 0) {
			const index = next++;
			try {
				results[index] = await task(index);
			} catch (error) {
				failures.set(index, error);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
	if (failures.size > 0) throw failures.get(Math.min(...failures.keys()));
	return results;
}

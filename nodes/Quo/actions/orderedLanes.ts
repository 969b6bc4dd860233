/**
 * Runs work in the order it was queued, one at a time per key, while different keys run side by side.
 * Items run concurrently, but two texts to the same recipients must reach Quo in item order.
 */
export class OrderedLanes {
	private readonly tails = new Map<string, Promise<unknown>>();

	async run<T>(key: string, work: () => Promise<T>): Promise<T> {
		const previous = this.tails.get(key) ?? Promise.resolve();
		const result = previous.then(work);
		// The next in line waits for this one to settle, whether it succeeds or fails.
		const tail = Promise.allSettled([result]);
		this.tails.set(key, tail);
		try {
			return await result;
		} finally {
			if (this.tails.get(key) === tail) this.tails.delete(key);
		}
	}
}

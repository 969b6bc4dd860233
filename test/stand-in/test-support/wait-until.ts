import { setTimeout as sleep } from 'node:timers/promises';

/** Polls until the condition holds; for effects the stand-in produces in the background. */
export async function waitUntil(condition: () => boolean, timeoutMs = 3000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!condition()) {
		if (Date.now() > deadline) throw new Error('Condition not met in time');
		await sleep(10);
	}
}

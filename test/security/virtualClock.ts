/**
 * A virtual clock for tests that are about waiting: only `Date` is faked, and n8n-workflow's `sleep`, which the
 * transport waits with, moves it forward by exactly the time asked and returns at once. Sockets and every timer keep
 * running in real time, so requests travel normally while the waits between them cost nothing and are exact.
 *
 * In the test file, before any import that loads n8n-workflow:
 *   jest.mock('n8n-workflow', () => jest.requireActual<typeof import('./virtualClock')>('./virtualClock').n8nWorkflowOnVirtualClock());
 */

/** n8n-workflow, with `sleep` moving the fake `Date` forward instead of waiting. */
export function n8nWorkflowOnVirtualClock(): object {
	const actual = jest.requireActual<object>('n8n-workflow');
	return {
		...actual,
		__esModule: true,
		sleep: async (ms: number) => {
			jest.setSystemTime(Date.now() + ms);
		},
	};
}

const REAL_TIMERS = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
] as const;

/** Fakes `Date` alone for the file's tests, starting at `start`. */
export function useVirtualClock(start: Date): void {
	beforeAll(() => {
		jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], now: start });
	});
	afterAll(() => {
		jest.useRealTimers();
	});
}

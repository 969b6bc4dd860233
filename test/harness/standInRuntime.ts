import type { StandIn, StandInOptions } from '../stand-in';
import { startStandIn } from '../stand-in';
import { N8nRuntime } from './runtime';

export interface StandInSession {
	standIn: StandIn;
	runtime: N8nRuntime;
}

/**
 * Starts a Quo stand-in before the file's tests and stops it after them; `reset()` between tests keeps
 * each test's recorded requests and subscriptions its own.
 */
export function useStandIn(options: StandInOptions = {}): StandInSession {
	const session = {} as StandInSession;
	beforeAll(async () => {
		session.standIn = await startStandIn(options);
		session.runtime = new N8nRuntime({
			baseUrl: session.standIn.url,
			apiKey: session.standIn.apiKey,
		});
	});
	beforeEach(() => session.standIn.reset());
	afterAll(async () => await session.standIn?.close());
	return session;
}

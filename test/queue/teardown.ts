// Stops what a queue run started (PostgreSQL, Redis, n8n processes, the proxy), last started first, also on ctrl-C.
interface TeardownStep {
	what: string;
	stop: () => Promise<void>;
}

function runStep(step: TeardownStep, log: (message: string) => void): Promise<void> {
	return step.stop().catch((error: Error) => log(`teardown: ${step.what}: ${error.message}`));
}

/** Stops everything the run started, last started first, once: at the end, on a failure, or on ctrl-C. */
export class Teardown {
	private readonly steps: TeardownStep[] = [];
	private stopping: Promise<void> | undefined;

	constructor(private readonly log: (message: string) => void) {}

	get started(): boolean {
		return this.stopping !== undefined;
	}

	/** Registers how to stop what was just started; once the teardown has begun (ctrl-C), stops it right away. */
	add(what: string, stop: () => Promise<void>): void {
		const step = { what, stop };
		if (this.stopping) this.stopping = this.stopping.then(() => runStep(step, this.log));
		else this.steps.push(step);
	}

	/** Resolves when everything registered so far, including late additions, is stopped. */
	run(): Promise<void> {
		this.stopping ??= (async () => {
			for (const step of [...this.steps].reverse()) await runStep(step, this.log);
		})();
		return this.stopping;
	}
}

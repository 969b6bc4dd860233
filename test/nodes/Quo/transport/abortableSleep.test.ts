// The n8n-workflow that runs the nodes is n8n's own: n8n 1.x's has `sleepWithAbort`, n8n 2.41's only
// `sleep(ms, signal)`. The deadline of every request and the stall guard of downloads need one of the two.
type AbortableSleep = (ms: number, abortSignal: AbortSignal) => Promise<void>;

function loadedWith(host: object): AbortableSleep {
	let loaded: AbortableSleep | undefined;
	jest.isolateModules(() => {
		jest.doMock('n8n-workflow', () => host);
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = (
			require('../../../../nodes/Quo/transport/abortableSleep') as {
				abortableSleep: AbortableSleep;
			}
		).abortableSleep;
	});
	return loaded!;
}

/** n8n-workflow 2.41's `sleep`: a signal makes it stop early with the signal's reason. */
async function sleepOf241(ms: number, abortSignal?: AbortSignal): Promise<void> {
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(resolve, ms);
		abortSignal?.addEventListener('abort', () => {
			clearTimeout(timer);
			reject(abortSignal.reason);
		});
	});
}

afterEach(() => jest.dontMock('n8n-workflow'));

test.each([
	[
		'n8n 1.x (sleepWithAbort)',
		{
			sleep: async () => await Promise.reject(new Error('no signal here')),
			sleepWithAbort: sleepOf241,
		},
	],
	['n8n 2.41 (sleep with a signal, no sleepWithAbort)', { sleep: sleepOf241 }],
])('with the n8n-workflow of %s, a wait is called off by its signal', async (_host, host) => {
	const abortableSleep = loadedWith(host);
	const calledOff = new AbortController();

	const waiting = abortableSleep(60_000, calledOff.signal);
	calledOff.abort(new Error('answered'));

	await expect(waiting).rejects.toThrow('answered');
});

import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';

import { heapAfterGcMb } from './heap-probe';

/** A Node process with the inspector on that keeps (`keep`) or lets go of (`drop`) 40 MB of objects on command. */
const TARGET_SCRIPT = `
globalThis.kept = [];
process.stdin.setEncoding('utf8');
process.stdin.on('data', (line) => {
	if (line.trim() === 'keep') for (let i = 0; i < 400; i++) globalThis.kept.push(Array.from({ length: 12500 }, (_, j) => ({ j })));
	if (line.trim() === 'drop') globalThis.kept = [];
	process.stdout.write('done\\n');
});
`;

describe('heap probe (the soak checks n8n memory with it)', () => {
	let target: ChildProcessWithoutNullStreams;
	let inspectorUrl: string;

	const command = async (what: 'keep' | 'drop') => {
		target.stdin.write(`${what}\n`);
		await once(target.stdout, 'data');
	};

	beforeAll(async () => {
		target = spawn(process.execPath, ['--inspect=127.0.0.1:0', '-e', TARGET_SCRIPT]);
		inspectorUrl = await new Promise<string>((resolve) => {
			let stderr = '';
			target.stderr.on('data', (chunk: Buffer) => {
				stderr += chunk.toString();
				const url = /Debugger listening on (ws:\/\/\S+)/.exec(stderr)?.[1];
				if (url) resolve(url);
			});
		});
	});
	afterAll(() => target.kill());

	it('sees memory a process keeps, and not garbage it has let go of', async () => {
		const before = await heapAfterGcMb(inspectorUrl, process.execPath);
		await command('keep');
		const keeping = await heapAfterGcMb(inspectorUrl, process.execPath);
		await command('drop');
		const dropped = await heapAfterGcMb(inspectorUrl, process.execPath);

		expect(keeping - before).toBeGreaterThan(30);
		expect(dropped - before).toBeLessThan(5);
	}, 60_000);
});

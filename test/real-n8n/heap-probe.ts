// What a running n8n really keeps in its heap: through Node's inspector (n8n started with `inspect`), a full
// garbage collection, then the V8 heap in use. Unlike RSS, this does not depend on when V8 chooses to give memory
// back to the system.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

import { layout } from './layout';

const run = promisify(execFile);

/**
 * Runs in a child Node (WebSocket client built in from Node 22, behind a flag in Node 20): the inspector protocol's
 * HeapProfiler.collectGarbage (twice, so objects freed by the first collection's finalizers go too), then
 * Runtime.getHeapUsage. Prints `{ usedSize, totalSize }` in bytes.
 */
/**
 * The start of a script for a child Node (a WebSocket client, built in from Node 22, behind a flag in Node 20) that
 * talks to the inspector at its first argument: `socket`, and `send(method, params)` resolving with the result. The
 * script goes on with `socket.onopen = async () => { ... }`.
 */
export const INSPECTOR_CLIENT = `
const socket = new WebSocket(process.argv[1]);
let id = 0;
const pending = new Map();
const send = (method, params) => new Promise((resolve, reject) => {
	pending.set(++id, { resolve, reject });
	socket.send(JSON.stringify({ id, method, params }));
});
socket.onmessage = ({ data }) => {
	const message = JSON.parse(data);
	const waiting = pending.get(message.id);
	if (!waiting) return;
	pending.delete(message.id);
	if (message.error) waiting.reject(new Error(message.error.message));
	else waiting.resolve(message.result);
};
socket.onerror = () => { console.error('cannot reach the inspector at ' + process.argv[1]); process.exit(1); };
`;

const PROBE_SCRIPT = `${INSPECTOR_CLIENT}
socket.onopen = async () => {
	await send('HeapProfiler.collectGarbage');
	await send('HeapProfiler.collectGarbage');
	const usage = await send('Runtime.getHeapUsage');
	process.stdout.write(JSON.stringify(usage));
	socket.close();
	process.exit(0);
};
`;

/**
 * MB of V8 heap in use in the process behind `inspectorUrl`, right after a full garbage collection. The probe runs
 * in `nodeBin` (default: the e2e runtime's Node 24).
 */
export async function heapAfterGcMb(
	inspectorUrl: string,
	nodeBin = layout.nodeBin(),
): Promise<number> {
	const { stdout } = await run(
		nodeBin,
		['--experimental-websocket', '-e', PROBE_SCRIPT, inspectorUrl],
		{ timeout: 60_000 },
	);
	const { usedSize } = JSON.parse(stdout) as { usedSize: number };
	return usedSize / 1048576;
}

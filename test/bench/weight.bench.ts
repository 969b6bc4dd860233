/**
 * Issue 8, table 4: what the package weighs on an n8n instance.
 *
 * - Load time: in fresh child processes that have already required n8n-workflow and zod (n8n has them loaded
 *   before it loads community nodes), the time to require dist/nodes/Quo/Quo.node.js, QuoTrigger.node.js and the
 *   credential, as `npm run build` leaves them; the median of several children.
 * - Size: the tarball `npm pack` would publish (`npm pack --dry-run --json`).
 * - Memory: in a child process with `--expose-gc`, 100,000 deliveries with distinct webhook-ids through the Quo
 *   Trigger's `webhook()` in n8n-core's WebhookContext (as the delivery-cost benchmark runs it); the heap retained
 *   after a forced GC, against the heap before the first delivery.
 *
 * Alone: npm run bench -- --only weight
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';

import { type Figure, metWord, type Table } from './figures';

const run = promisify(execFile);
const REPO_ROOT = path.resolve(__dirname, '../..');
const LOAD_CHILDREN = 9;
export const DELIVERIES = 100_000;
const MEMORY_TARGET_MB = 20;

const ENTRY_FILES = [
	'dist/nodes/Quo/Quo.node.js',
	'dist/nodes/Quo/QuoTrigger.node.js',
	'dist/credentials/QuoApi.credentials.js',
];

/** Runs in each child: n8n-workflow and zod first (untimed), then each of the package's entry files, timed. */
const LOAD_SCRIPT = `
const { performance } = require('node:perf_hooks');
require('n8n-workflow');
require('zod');
const files = ${JSON.stringify(ENTRY_FILES)};
const times = [];
const started = performance.now();
for (const file of files) {
	const t = performance.now();
	require(require('node:path').resolve(file));
	times.push(performance.now() - t);
}
const total = performance.now() - started;
process.stdout.write(JSON.stringify({ total, times, heapMB: process.memoryUsage().heapUsed / 1048576 }));
`;

/** The same child without the package: what requiring n8n-workflow and zod costs, for scale. */
const BASELINE_SCRIPT = `
const { performance } = require('node:perf_hooks');
const t = performance.now();
require('n8n-workflow');
require('zod');
process.stdout.write(JSON.stringify({ total: performance.now() - t }));
`;

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

async function nodeChild(script: string): Promise<{ total: number; times?: number[] }> {
	const { stdout } = await run(process.execPath, ['-e', script], { cwd: REPO_ROOT });
	return JSON.parse(stdout) as { total: number; times?: number[] };
}

async function build(): Promise<void> {
	try {
		await run('npm', ['run', 'build'], { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
	} catch (error) {
		const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
		throw new Error(
			`npm run build failed:\n${`${stdout}\n${stderr}`.trim().split('\n').slice(-20).join('\n')}`,
		);
	}
	for (const file of ENTRY_FILES) {
		if (!existsSync(path.join(REPO_ROOT, file))) throw new Error(`npm run build left no ${file}`);
	}
}

interface PackInfo {
	size: number;
	unpackedSize: number;
	entryCount: number;
	files: Array<{ path: string }>;
}

/** `npm pack --dry-run`; throws unless the tarball would carry the three entry files. */
async function packInfo(): Promise<PackInfo> {
	const { stdout } = await run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
		cwd: REPO_ROOT,
		maxBuffer: 16 * 1024 * 1024,
	});
	const [info] = JSON.parse(stdout.slice(stdout.indexOf('['))) as PackInfo[];
	const missing = ENTRY_FILES.filter((file) => !info.files.some((entry) => entry.path === file));
	if (missing.length > 0)
		throw new Error(
			`npm pack would not carry ${missing.join(', ')} (was dist/ rebuilt or removed meanwhile?)`,
		);
	return info;
}

export interface MemoryResult {
	deliveries: number;
	baselineMB: number;
	checkpoints: Array<{ deliveries: number; retainedMB: number }>;
	retainedMB: number;
}

async function memoryChild(deliveries: number): Promise<MemoryResult> {
	const { stdout } = await run(
		process.execPath,
		[
			'--expose-gc',
			'-r',
			'ts-node/register',
			path.join(__dirname, 'weightMemory.child.ts'),
			String(deliveries),
		],
		{
			cwd: REPO_ROOT,
			maxBuffer: 16 * 1024 * 1024,
			env: {
				...process.env,
				TS_NODE_PROJECT: path.join(REPO_ROOT, 'tsconfig.test.json'),
				TS_NODE_TRANSPILE_ONLY: 'true',
				TS_NODE_PREFER_TS_EXTS: 'true',
			},
		},
	);
	const lines = stdout.trim().split('\n');
	return JSON.parse(lines[lines.length - 1]) as MemoryResult;
}

export interface WeightOptions {
	/** Measure dist/ as it is, without `npm run build` first. */
	noBuild?: boolean;
	deliveries?: number;
}

export async function measureWeight(
	options: WeightOptions = {},
): Promise<{ table: Table; figures: Record<string, Figure> }> {
	if (!options.noBuild) await build();

	// Children in turns, package and baseline alternating, so both see the same load.
	const loads: Array<{ total: number; times?: number[] }> = [];
	const baselines: number[] = [];
	for (let i = 0; i < LOAD_CHILDREN; i++) {
		loads.push(await nodeChild(LOAD_SCRIPT));
		baselines.push((await nodeChild(BASELINE_SCRIPT)).total);
	}
	const loadMs = median(loads.map((load) => load.total));
	const perFile = ENTRY_FILES.map((_, i) => median(loads.map((load) => load.times?.[i] ?? 0)));
	const baselineMs = median(baselines);

	// dist/ is shared with whatever else builds in this tree: pack right after the load times, and once more after
	// a fresh build if it changed under us.
	const pack = await packInfo().catch(async (error: unknown) => {
		if (options.noBuild) throw error;
		await build();
		return await packInfo();
	});
	const memory = await memoryChild(options.deliveries ?? DELIVERIES);
	const memoryMet = memory.retainedMB < MEMORY_TARGET_MB;

	const figures: Record<string, Figure> = {
		loadMs: {
			value: loadMs,
			unit: 'ms',
			target: 'reported (no target)',
			met: true,
			detail: `median of ${LOAD_CHILDREN} fresh child processes with n8n-workflow and zod already required (those two take ${baselineMs.toFixed(0)} ms); per file: ${ENTRY_FILES.map((file, i) => `${path.basename(file)} ${perFile[i].toFixed(1)} ms`).join(', ')}`,
		},
		tarballBytes: {
			value: pack.size,
			unit: 'bytes',
			target: 'reported (no target)',
			met: true,
			detail: `npm pack: ${pack.entryCount} files, ${pack.unpackedSize} bytes unpacked`,
		},
		retainedHeapMB: {
			value: memory.retainedMB,
			unit: 'MB',
			target: `< ${MEMORY_TARGET_MB} MB retained after ${memory.deliveries.toLocaleString('en-US')} deliveries`,
			met: memoryMet,
			detail: `heap after forced GC minus the heap before the first delivery; at ${memory.checkpoints.map((c) => `${c.deliveries.toLocaleString('en-US')}: ${c.retainedMB.toFixed(2)} MB`).join(', ')}`,
		},
	};
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	const table: Table = {
		title: 'Weight: load time, package size, and memory over many deliveries',
		columns: ['what', 'value', 'measured on', 'target'],
		rows: [
			[
				`load time (${ENTRY_FILES.length} entry files)`,
				`${loadMs.toFixed(1)} ms`,
				`median of ${LOAD_CHILDREN} fresh processes, n8n-workflow + zod already loaded (${baselineMs.toFixed(0)} ms for those)`,
				'reported',
			],
			...ENTRY_FILES.map((file, i): Array<string | number> => [
				`  ${path.basename(file)}`,
				`${perFile[i].toFixed(1)} ms`,
				i === 0 ? 'in this order; shared modules count for the first that needs them' : '',
				'',
			]),
			[
				'packed tarball',
				kb(pack.size),
				`npm pack --dry-run: ${pack.entryCount} files, ${kb(pack.unpackedSize)} unpacked`,
				'reported',
			],
			[
				'retained heap',
				`${memory.retainedMB.toFixed(2)} MB`,
				`${memory.deliveries.toLocaleString('en-US')} deliveries through webhook(), distinct webhook-ids, after forced GC`,
				`< ${MEMORY_TARGET_MB} MB: ${metWord(memoryMet)}`,
			],
			...memory.checkpoints.map((c): Array<string | number> => [
				`  after ${c.deliveries.toLocaleString('en-US')}`,
				`${c.retainedMB.toFixed(2)} MB`,
				'',
				'',
			]),
		],
		notes: [
			`Retained heap: heapUsed after global.gc() minus heapUsed before the first delivery (${memory.baselineMB.toFixed(1)} MB, with n8n-core, the nodes and the harness loaded). webhook() keeps nothing per delivery: repeats are remembered in n8n's processed_data by the trigger's execute(), which also keeps the last 20,000 started runs per process.`,
			`Retained heap < ${MEMORY_TARGET_MB} MB: ${metWord(memoryMet)}.`,
		],
	};
	return { table, figures };
}

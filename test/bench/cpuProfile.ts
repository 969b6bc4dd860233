/**
 * A CPU profile of a running n8n (started with `inspect`), taken through Node's inspector around a piece of work,
 * and the share of it spent in one package's code.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

import { INSPECTOR_CLIENT } from '../real-n8n/heap-probe';
import { layout } from '../real-n8n/layout';

/** The parts of V8's profile (inspector protocol `Profiler.Profile`) read here. */
export interface CpuProfile {
	nodes: Array<{
		id: number;
		callFrame: { functionName: string; url: string };
		children?: number[];
	}>;
	samples: number[];
	/** Microseconds from the previous sample, one per sample. */
	timeDeltas: number[];
}

/**
 * Runs in a child Node (a WebSocket client): starts the profiler at 100 µs sampling, prints "started", and when a
 * line arrives on stdin stops it and writes the profile to the file named by its second argument.
 */
const PROFILER_SCRIPT = `${INSPECTOR_CLIENT}
const out = process.argv[2];
socket.onopen = async () => {
	await send('Profiler.enable');
	await send('Profiler.setSamplingInterval', { interval: 100 });
	await send('Profiler.start');
	process.stdout.write('started\\n');
	process.stdin.once('data', async () => {
		const { profile } = await send('Profiler.stop');
		require('node:fs').writeFileSync(out, JSON.stringify(profile));
		socket.close();
		process.exit(0);
	});
};
`;

/**
 * The CPU profile of the process behind `inspectorUrl` while `work` runs, also written to `file` (Chrome's DevTools
 * open it: Performance, Load profile).
 */
export async function profileDuring<T>(
	inspectorUrl: string,
	file: string,
	work: () => Promise<T>,
): Promise<{ result: T; profile: CpuProfile }> {
	const child = spawn(
		layout.nodeBin(),
		['--experimental-websocket', '-e', PROFILER_SCRIPT, inspectorUrl, file],
		{ stdio: ['pipe', 'pipe', 'inherit'] },
	);
	const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
	await new Promise<void>((resolve, reject) => {
		child.stdout.once('data', () => resolve());
		void exited.then((code) =>
			reject(new Error(`the profiler exited with ${code} before it started`)),
		);
	});
	try {
		const result = await work();
		child.stdin.write('stop\n');
		const code = await exited;
		if (code !== 0) throw new Error(`the profiler exited with ${code}`);
		return { result, profile: JSON.parse(readFileSync(file, 'utf8')) as CpuProfile };
	} finally {
		child.kill();
	}
}

/** Where the busy time of a profile went, in milliseconds of the profiled thread. */
export interface TimeSplit {
	/** Not idle. */
	busyMs: number;
	/** With a frame of the package on the stack: its own code and the libraries it calls (zod, node:crypto, ...). */
	ownMs: number;
	/** Of ownMs, the part spent in n8n's helpers the package calls (n8n-core, n8n-workflow, n8n itself). */
	n8nHelpersMs: number;
}

const N8N_CODE = /\/node_modules\/(n8n-core|n8n-workflow|n8n|@n8n\/[^/]+)\//;

/** How the busy time of `profile` splits between the code of scripts whose URL contains `packageFragment` and the rest. */
export function timeIn(profile: CpuProfile, packageFragment: string): TimeSplit {
	const parent = new Map<number, number>();
	for (const node of profile.nodes)
		for (const child of node.children ?? []) parent.set(child, node.id);
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	/** For each profile node: outside the package, in it, or in an n8n helper that package code called. */
	const placeOf = new Map<number, 'outside' | 'package' | 'n8n helper'>();
	const place = (id: number): 'outside' | 'package' | 'n8n helper' => {
		const known = placeOf.get(id);
		if (known) return known;
		const url = byId.get(id)?.callFrame.url ?? '';
		const parentId = parent.get(id);
		const above = parentId === undefined ? 'outside' : place(parentId);
		let here = above;
		if (url.includes(packageFragment)) here = 'package';
		else if (above === 'package' && N8N_CODE.test(url)) here = 'n8n helper';
		placeOf.set(id, here);
		return here;
	};
	const split: TimeSplit = { busyMs: 0, ownMs: 0, n8nHelpersMs: 0 };
	profile.samples.forEach((id, i) => {
		// As Chrome's DevTools count it: the time until the next sample was spent in what this sample caught.
		const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
		if (byId.get(id)?.callFrame.functionName === '(idle)') return;
		split.busyMs += ms;
		const where = place(id);
		if (where !== 'outside') split.ownMs += ms;
		if (where === 'n8n helper') split.n8nHelpersMs += ms;
	});
	return split;
}

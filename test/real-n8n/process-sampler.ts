// A process's resident set size and CPU time (Linux /proc), sampled while a load runs. CPU time per unit of work
// tells whether the process works harder as the load goes on, however busy the machine is (wall-clock rates on a
// shared machine do not).
import { readFileSync } from 'node:fs';

/** /proc reports CPU time in clock ticks of USER_HZ, which is 100 on Linux. */
const MS_PER_TICK = 10;

export interface ProcessSample {
	atMs: number;
	/** How far the load had got when the sample was taken (e.g. deliveries answered). */
	progress: number;
	rssMb: number;
	/** User + system CPU time of the process so far. */
	cpuMs: number;
}

/** RSS and CPU time of a live process, or undefined once it is gone. */
export function readProcess(pid: number): { rssMb: number; cpuMs: number } | undefined {
	let status: string;
	let stat: string;
	try {
		status = readFileSync(`/proc/${pid}/status`, 'utf8');
		stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	} catch {
		return undefined;
	}
	const rss = /^VmRSS:\s+(\d+) kB$/m.exec(status);
	if (!rss) return undefined;
	return { rssMb: Number(rss[1]) / 1024, cpuMs: cpuMsOf(stat) };
}

/** User + system CPU time from a /proc `stat` line (a process's or a thread's). */
function cpuMsOf(stat: string): number {
	// The fields after the command (which may hold spaces), from field 3 on: utime and stime are fields 14 and 15.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/**
 * User + system CPU time of one thread of a live process (its main thread: `tid` = `pid`), or undefined once it is
 * gone. Node's main thread runs the JavaScript; V8's helpers, libuv's pool and n8n's expression isolates have
 * threads of their own.
 */
export function readThreadCpuMs(pid: number, tid = pid): number | undefined {
	try {
		return cpuMsOf(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8'));
	} catch {
		return undefined;
	}
}

export class ProcessSampler {
	readonly samples: ProcessSample[] = [];
	private timer: NodeJS.Timeout | undefined;

	constructor(
		private readonly pid: number,
		private readonly progress: () => number,
		private readonly intervalMs = 200,
	) {}

	start(): void {
		this.sample();
		this.timer = setInterval(() => this.sample(), this.intervalMs);
	}

	/** Stops sampling, with one last sample. */
	stop(): void {
		clearInterval(this.timer);
		this.sample();
	}

	/** The highest RSS sampled. */
	get peakMb(): number {
		return Math.max(...this.samples.map((s) => s.rssMb));
	}

	private sample(): void {
		const now = readProcess(this.pid);
		if (now) this.samples.push({ atMs: Date.now(), progress: this.progress(), ...now });
	}
}

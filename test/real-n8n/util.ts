// Small helpers shared by the e2e modules: free loopback ports, polling, child processes.
import { spawn, type SpawnOptions } from 'node:child_process';
import { createServer } from 'node:net';

/** A port that was free on 127.0.0.1 a moment ago (the OS picks it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Thrown from a waitFor() check to stop waiting at once (e.g. the process being waited on has exited). */
export class FatalWaitError extends Error {}

/** Polls `check` until it returns a value other than undefined/false, or throws after `timeoutMs`. */
export async function waitFor<T>(
	what: string,
	check: () => Promise<T | undefined | false> | T | undefined | false,
	{ timeoutMs = 60_000, intervalMs = 250 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: unknown;
	for (;;) {
		try {
			const value = await check();
			if (value !== undefined && value !== false) return value as T;
		} catch (error) {
			if (error instanceof FatalWaitError) throw error;
			lastError = error;
		}
		if (Date.now() > deadline) {
			const detail = lastError instanceof Error ? `: ${lastError.message}` : '';
			throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
		}
		await sleep(intervalMs);
	}
}

export interface RunResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

/** Runs a command to completion and collects its output; rejects on a non-zero exit unless `allowFailure`. */
export function runCommand(
	cmd: string,
	args: string[],
	options: SpawnOptions & { allowFailure?: boolean; timeoutMs?: number } = {},
): Promise<RunResult> {
	const { allowFailure, timeoutMs = 300_000, ...spawnOptions } = options;
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { ...spawnOptions, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
		child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			if (code !== 0 && !allowFailure) {
				reject(
					new Error(
						`${cmd} ${args.join(' ')} exited ${code}\n${stderr.slice(-4000)}\n${stdout.slice(-2000)}`,
					),
				);
			} else resolve({ code, stdout, stderr });
		});
	});
}

export function seconds(sinceMs: number): number {
	return Math.round((Date.now() - sinceMs) / 100) / 10;
}

// The rows of an e2e run (version, route, scenario, result, seconds), the printed table and the closing count.
import { writeFileSync } from 'node:fs';

import { seconds } from './util';

export type Outcome = 'ok' | 'FAIL' | 'SKIP';

export interface Row {
	version: string;
	route: string;
	scenario: string;
	outcome: Outcome;
	detail: string;
	seconds: number;
}

/** A scenario that depends on a failed one is not run; it counts as failed. */
export class Skipped extends Error {}

export function log(message: string): void {
	process.stdout.write(`[e2e ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export class Report {
	readonly rows: Row[] = [];

	/**
	 * Runs one scenario and records its row. A scenario returns a short detail for the table; it throws to fail, or
	 * Skipped when a prerequisite failed.
	 * Returns whether it passed.
	 */
	async run(version: string, route: string, scenario: string, fn: () => Promise<string | void>): Promise<boolean> {
		const started = Date.now();
		let outcome: Outcome = 'ok';
		let detail = '';
		try {
			detail = (await fn()) ?? '';
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			outcome = error instanceof Skipped ? 'SKIP' : 'FAIL';
			detail = message;
			if (outcome === 'FAIL' && error instanceof Error && error.stack && process.env.QUO_E2E_STACKS === '1') detail += `\n${error.stack}`;
		}
		const row: Row = { version, route, scenario, outcome, detail, seconds: seconds(started) };
		this.rows.push(row);
		log(`${version} ${route} ${outcome.padEnd(4)} ${scenario} ${row.seconds}s${detail ? `\n    ${detail.split('\n').join('\n    ')}` : ''}`);
		return outcome === 'ok';
	}

	get passed(): number {
		return this.rows.filter((r) => r.outcome === 'ok').length;
	}
	/** FAIL and SKIP (a scenario that could not run because another failed) both count as failed. */
	get failed(): number {
		return this.rows.filter((r) => r.outcome === 'FAIL' || r.outcome === 'SKIP').length;
	}

	table(): string {
		const header = ['version', 'route', 'scenario', 'result', 'seconds'];
		const body = this.rows.map((r) => {
			const first = r.detail.split('\n')[0];
			const result = r.outcome === 'ok' ? `ok${first ? `: ${first}` : ''}` : `${r.outcome}: ${first}`;
			return [r.version, r.route, r.scenario, result, r.seconds.toFixed(1)];
		});
		const max = [10, 9, 62, 120, 7];
		const widths = header.map((h, i) => Math.min(max[i], Math.max(h.length, ...body.map((b) => b[i].length))));
		const cell = (c: string, i: number) => {
			if (i === 4) return c.padStart(widths[i]);
			return c.length > widths[i] ? `${c.slice(0, widths[i] - 1)}…` : c.padEnd(widths[i]);
		};
		const line = (cells: string[]) => cells.map(cell).join(' | ');
		return ['', line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...body.map(line)].join('\n');
	}
}

/** Writes `{ passed, failed, ...extra }` to `resultsFile` and prints the closing `N passed, N failed`; the exit code. */
export function closeRun(report: Report, resultsFile: string, extra: object = {}): number {
	writeFileSync(resultsFile, JSON.stringify({ passed: report.passed, failed: report.failed, ...extra }, null, 1));
	console.log(`${report.passed} passed, ${report.failed} failed`);
	return report.failed > 0 ? 1 : 0;
}

/** Runs a run's `main`; a crash counts as one failure, in `resultsFile` and in the closing line. */
export function runMain(main: () => Promise<number>, resultsFile: string): void {
	main().then(
		(code) => {
			process.exitCode = code;
		},
		(error: unknown) => {
			console.error(error);
			writeFileSync(resultsFile, JSON.stringify({ passed: 0, failed: 1 }));
			console.log('0 passed, 1 failed');
			process.exitCode = 1;
		},
	);
}

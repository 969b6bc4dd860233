// What every real-n8n run reports: one row per step or scenario (version, route, scenario, result, seconds) logged
// as it ends, the table of them, the closing `N passed, N failed` and the results file `.ci/run` adds up
// (scripts/test-summary.js). formatTable is also the benchmarks' table.
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

/** Thrown by Report.require when its step did not pass: the rest of that scenario cannot run. */
export class StepFailed extends Error {}

/** A log function whose lines carry the run's name and the time: `[e2e 10:42:07] message`. */
export function logger(runName: string): (message: string) => void {
	return (message) =>
		process.stdout.write(`[${runName} ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

export interface Table {
	/** Printed above the table, after a blank line. */
	title?: string;
	columns: string[];
	rows: Array<Array<string | number>>;
	/** Longer cells are cut, with an ellipsis. */
	maxWidths?: number[];
	/** Lines printed under the table (what was measured, on what, and why a target is not met). */
	notes?: string[];
}

function cell(value: string | number): string {
	if (typeof value === 'string') return value;
	if (Number.isInteger(value)) return value.toLocaleString('en-US');
	return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

const isNumeric = (value: string | number) =>
	typeof value === 'number' || /^-?\d[\d,]*(\.\d+)?$/.test(value);

/** A plain-text table with aligned columns (numbers to the right), also valid as a Markdown table. */
export function formatTable(table: Table): string {
	const cut = (text: string, i: number) => {
		const max = table.maxWidths?.[i];
		return max !== undefined && text.length > max ? `${text.slice(0, max - 1)}…` : text;
	};
	const rows = table.rows.map((row) => row.map((value, i) => cut(cell(value), i)));
	const widths = table.columns.map((column, i) =>
		Math.max(column.length, ...rows.map((row) => (row[i] ?? '').length)),
	);
	const line = (values: string[], numeric: boolean[]) =>
		`| ${values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ')} |`;
	const numericColumns = table.columns.map(
		(_, i) => table.rows.length > 0 && table.rows.every((row) => isNumeric(row[i])),
	);
	return [
		...(table.title ? [`\n${table.title}`] : []),
		'',
		line(
			table.columns,
			table.columns.map(() => false),
		),
		`|${widths.map((w, i) => (numericColumns[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
		...rows.map((row) => line(row, numericColumns)),
		...(table.notes?.length ? ['', ...table.notes] : []),
	].join('\n');
}

export class Report {
	readonly rows: Row[] = [];

	constructor(readonly log = logger('e2e')) {}

	/**
	 * Runs one scenario and records its row. A scenario returns a short detail for the table; it throws to fail, or
	 * Skipped when a prerequisite failed.
	 * Returns whether it passed.
	 */
	async run(
		version: string,
		route: string,
		scenario: string,
		fn: () => Promise<string | void>,
	): Promise<boolean> {
		const started = Date.now();
		let outcome: Outcome = 'ok';
		let detail = '';
		try {
			detail = (await fn()) ?? '';
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			outcome = error instanceof Skipped ? 'SKIP' : 'FAIL';
			detail = message;
			if (
				outcome === 'FAIL' &&
				error instanceof Error &&
				error.stack &&
				process.env.QUO_E2E_STACKS === '1'
			)
				detail += `\n${error.stack}`;
		}
		const row: Row = { version, route, scenario, outcome, detail, seconds: seconds(started) };
		this.rows.push(row);
		this.log(
			`${version} ${route} ${outcome.padEnd(4)} ${scenario} ${row.seconds}s${detail ? `\n    ${detail.split('\n').join('\n    ')}` : ''}`,
		);
		return outcome === 'ok';
	}

	/**
	 * run(), for a step the rest of its scenario needs: `fn` gives a value for the next steps (and a detail for the
	 * table); throws StepFailed when the step did not pass.
	 */
	async require<T>(
		version: string,
		route: string,
		scenario: string,
		fn: () => Promise<{ value: T; detail?: string }>,
	): Promise<T> {
		let value: T | undefined;
		const passed = await this.run(version, route, scenario, async () => {
			const out = await fn();
			value = out.value;
			return out.detail;
		});
		if (!passed) throw new StepFailed(scenario);
		return value as T;
	}

	get passed(): number {
		return this.rows.filter((r) => r.outcome === 'ok').length;
	}
	/** FAIL and SKIP (a scenario that could not run because another failed) both count as failed. */
	get failed(): number {
		return this.rows.filter((r) => r.outcome === 'FAIL' || r.outcome === 'SKIP').length;
	}

	/** The table of every row, then each failure in full. */
	summary(): string {
		const rows = this.rows.map((r) => {
			const first = r.detail.split('\n')[0];
			const result =
				r.outcome === 'ok' ? `ok${first ? `: ${first}` : ''}` : `${r.outcome}: ${first}`;
			return [r.version, r.route, r.scenario, result, r.seconds.toFixed(1)];
		});
		const table = formatTable({
			columns: ['version', 'route', 'scenario', 'result', 'seconds'],
			rows,
			maxWidths: [10, 9, 62, 120, 7],
		});
		const failures = this.rows
			.filter((r) => r.outcome === 'FAIL')
			.map((r) => `\nFAIL ${r.version} ${r.route} ${r.scenario}:\n  ${r.detail}`);
		return [table, ...failures].join('\n');
	}
}

function writeTotals(resultsFile: string | undefined, totals: object): void {
	if (resultsFile) writeFileSync(resultsFile, JSON.stringify(totals, null, 1));
}

/** Writes `{ passed, failed, ...extra }` to `resultsFile` (if the run keeps one) and prints `N passed, N failed`; the exit code. */
export function closeRun(report: Report, resultsFile?: string, extra: object = {}): number {
	writeTotals(resultsFile, { passed: report.passed, failed: report.failed, ...extra });
	console.log(`${report.passed} passed, ${report.failed} failed`);
	return report.failed > 0 ? 1 : 0;
}

/** The exit code of a run that did not get to its end: one failure, in `resultsFile` and in the closing line. */
export function failRun(resultsFile: string | undefined, why = ''): number {
	writeTotals(resultsFile, { passed: 0, failed: 1 });
	console.log(`${why}0 passed, 1 failed`);
	return 1;
}

/**
 * Runs a run's `main`; a crash counts as one failure. `cleanUp` runs after either, and may replace the exit code
 * (a run stopped by ctrl-C).
 */
export function runMain(
	main: () => Promise<number>,
	resultsFile?: string,
	cleanUp?: () => Promise<number | void>,
): void {
	main()
		.catch((error: unknown) => {
			console.error(error);
			return failRun(resultsFile);
		})
		.then(async (code) => {
			process.exitCode = (await cleanUp?.()) ?? code;
		});
}

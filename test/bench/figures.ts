/**
 * What every benchmark reports: tables printed to the console, and figures collected into `test/bench/results.json`
 * as `{ value, unit, ratio?, target, met }` so a reader (or a later run) can tell at a glance what is met.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

export const RESULTS_FILE = path.join(__dirname, 'results.json');

export interface Figure {
	value: number;
	unit: string;
	/** The value against its reference (floor, bound, ceiling, peer), where the target is a ratio. */
	ratio?: number;
	/** In words, e.g. "≤ 1.5× the floor" or "< 20 MB retained". */
	target: string;
	met: boolean;
	/** What the figure was measured on, when the name does not say it all. */
	detail?: string;
}

export interface Table {
	title: string;
	columns: string[];
	rows: Array<Array<string | number>>;
	/** Lines printed under the table (what was measured, on what, and why a target is not met). */
	notes?: string[];
}

export type Results = Record<string, Record<string, Figure>>;

function cell(value: string | number): string {
	if (typeof value === 'string') return value;
	if (Number.isInteger(value)) return value.toLocaleString('en-US');
	return Math.abs(value) >= 100 ? value.toFixed(0) : value.toFixed(Math.abs(value) >= 10 ? 1 : 2);
}

/** A plain-text table with aligned columns (numbers to the right), also valid as a Markdown table. */
export function formatTable(table: Table): string {
	const rows = table.rows.map((row) => row.map(cell));
	const widths = table.columns.map((column, i) => Math.max(column.length, ...rows.map((row) => (row[i] ?? '').length)));
	const line = (values: string[], numeric: boolean[]) =>
		`| ${values.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join(' | ')} |`;
	const numericColumns = table.columns.map((_, i) => table.rows.every((row) => typeof row[i] === 'number'));
	return [
		`\n${table.title}`,
		'',
		line(table.columns, table.columns.map(() => false)),
		`|${widths.map((w, i) => (numericColumns[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`,
		...rows.map((row) => line(row, numericColumns)),
		...(table.notes?.length ? ['', ...table.notes] : []),
	].join('\n');
}

export function printTable(table: Table): void {
	console.log(formatTable(table));
}

export function metWord(met: boolean): string {
	return met ? 'met' : 'NOT met';
}

export function writeResults(results: Results): void {
	writeFileSync(RESULTS_FILE, `${JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, '\t')}\n`);
}

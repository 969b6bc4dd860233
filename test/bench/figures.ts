/**
 * What every benchmark reports: tables printed to the console, and figures collected into `test/bench/results.json`
 * as `{ value, unit, ratio?, target, met }` so a reader (or a later run) can tell at a glance what is met.
 */
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { formatTable, type Table } from '../real-n8n/report';

export type { Table };

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

export type Results = Record<string, Record<string, Figure>>;

export function printTable(table: Table): void {
	console.log(formatTable(table));
}

export function metWord(met: boolean): string {
	return met ? 'met' : 'NOT met';
}

export function writeResults(results: Results): void {
	writeFileSync(
		RESULTS_FILE,
		`${JSON.stringify({ measuredAt: new Date().toISOString(), ...results }, null, '\t')}\n`,
	);
}

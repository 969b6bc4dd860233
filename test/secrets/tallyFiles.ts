import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import type { Tally } from './ledger';

/** Set by the global setup: the folder where each test file leaves its tally for the global teardown. */
export const TALLY_DIR_ENV = 'QUO_SECRET_SCAN_TALLY_DIR';

export function writeTally(dir: string, testPath: string, tally: Tally): void {
	const name = `${basename(testPath).replace(/\W+/g, '-')}-${process.pid}-${Date.now()}.json`;
	writeFileSync(join(dir, name), JSON.stringify({ testPath, ...tally }));
}

export interface Totals extends Tally {
	files: number;
}

export function sumTallies(dir: string): Totals {
	const totals: Totals = {
		files: 0,
		apiKeys: 0,
		signingKeys: 0,
		examined: 0,
		strings: 0,
		found: 0,
		leaks: 0,
	};
	for (const name of readdirSync(dir).filter((file) => file.endsWith('.json'))) {
		const tally = JSON.parse(readFileSync(join(dir, name), 'utf8')) as Tally;
		totals.files++;
		totals.apiKeys += tally.apiKeys;
		totals.signingKeys += tally.signingKeys;
		totals.examined += tally.examined;
		totals.strings += tally.strings;
		totals.found += tally.found;
		totals.leaks += tally.leaks;
	}
	return totals;
}

export function describeTotals(totals: Totals): string {
	const n = (value: number) => value.toLocaleString('en-US');
	const planted = totals.found - totals.leaks;
	return [
		`Secret scan: ${n(totals.files)} test files; ${n(totals.examined)} things the nodes returned, threw, logged, printed or stored,`,
		`holding ${n(totals.strings)} strings, examined for ${n(totals.apiKeys + totals.signingKeys)} secrets handed out`,
		`(${n(totals.apiKeys)} API keys, ${n(totals.signingKeys)} signing keys).`,
		`Secrets where they do not belong: ${n(totals.leaks)}. Leaks planted by the scan's own tests, caught: ${n(planted)}.`,
	].join(' ');
}

import { rmSync } from 'node:fs';

import { describeTotals, sumTallies, TALLY_DIR_ENV } from '../secrets/tallyFiles';

/** Jest's global teardown: the secret scan's totals over every test file of the run. */
export default function secretScanReport(): void {
	const dir = process.env[TALLY_DIR_ENV];
	if (!dir) return;
	console.log(`\n${describeTotals(sumTallies(dir))}\n`);
	rmSync(dir, { recursive: true, force: true });
}

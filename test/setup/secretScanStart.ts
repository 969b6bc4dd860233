import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { TALLY_DIR_ENV } from '../secrets/tallyFiles';

/** Jest's global setup: a fresh folder for this run's secret-scan tallies; test workers inherit its name. */
export default function secretScanStart(): void {
	process.env[TALLY_DIR_ENV] = mkdtempSync(join(tmpdir(), 'n8n-nodes-quo-secret-scan-'));
}

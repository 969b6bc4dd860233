import { captureConsole, captureN8nLogs } from '../secrets/captureLogs';
import { takeFindings, tally } from '../secrets/ledger';
import { TALLY_DIR_ENV, writeTally } from '../secrets/tallyFiles';

// What the nodes return, throw and store is examined by the harness (test/harness); what they log, here.
captureN8nLogs();
captureConsole();

function failOnLeaks(when: string): void {
	const findings = takeFindings();
	if (findings.length === 0) return;
	tally.leaks += findings.length;
	throw new Error(
		[
			`A secret leaked ${when}. API keys belong in the credential, signing keys in the workflow's static data:`,
			...findings.map((finding) => `  - ${finding}`),
		].join('\n'),
	);
}

afterEach(() => failOnLeaks('during this test'));

afterAll(() => {
	const dir = process.env[TALLY_DIR_ENV];
	if (dir) writeTally(dir, expect.getState().testPath ?? 'unknown test file', tally);
	failOnLeaks("in this file's hooks");
});

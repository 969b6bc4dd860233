#!/usr/bin/env node
// Prints jest's totals from the JSON result files given as arguments as one plain line,
// `N passed, N failed`, and exits non-zero when a file is missing or nothing was tested.
const { existsSync, readFileSync } = require('node:fs');

let passed = 0;
let failed = 0;
let missing = false;
for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		console.error(`No test results at ${file}: the run did not finish.`);
		missing = true;
		continue;
	}
	const results = JSON.parse(readFileSync(file, 'utf8'));
	passed += results.numPassedTests;
	// A suite that failed to load counts as a failure even though none of its tests ran.
	failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(missing || failed > 0 || passed === 0 ? 1 : 0);

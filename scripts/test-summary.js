#!/usr/bin/env node
// Prints the totals of the result files given as arguments (jest's JSON, or the end-to-end run's
// `{passed, failed}`) as one plain line, `N passed, N failed`, and exits non-zero when a file is missing,
// anything failed, or nothing was tested.
const { existsSync, readFileSync } = require('node:fs');

let passed = 0;
let failed = 0;
let missing = false;
for (const file of process.argv.slice(2)) {
	if (!existsSync(file)) {
		console.error(`No test results at ${file}: that run did not finish.`);
		missing = true;
		continue;
	}
	const results = JSON.parse(readFileSync(file, 'utf8'));
	if ('numPassedTests' in results) {
		passed += results.numPassedTests;
		// A suite that failed to load counts as a failure even though none of its tests ran.
		failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
	} else {
		passed += results.passed;
		failed += results.failed;
	}
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(missing || failed > 0 || passed === 0 ? 1 : 0);

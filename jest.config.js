/**
 * The default run (`npx jest`): every suite but the fault matrix, which takes a minute on its own and has its config,
 * `jest.faults.config.js`. `npm test` runs both.
 * @type {import('jest').Config}
 */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/reliability/'],
	transform: {
		'^.+\\.ts$': [
			'ts-jest',
			{ tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: { warnOnly: false } },
		],
	},
	setupFiles: ['<rootDir>/test/setup/env.ts'],
	setupFilesAfterEnv: ['<rootDir>/test/setup/n8nServices.ts', '<rootDir>/test/setup/secretScan.ts'],
	// Every file's secret scan (test/secrets) leaves a tally; the teardown prints the run's totals.
	globalSetup: '<rootDir>/test/setup/globalSetup.ts',
	globalTeardown: '<rootDir>/test/setup/secretScanReport.ts',
	testTimeout: 60_000,
	// Integration suites each start their own stand-in on a free port; two workers suit the 2-core machine.
	maxWorkers: 2,
};

/**
 * The fault matrix (`npm run test:faults`): every fault the stand-in can inject, into every Quo node operation and
 * the trigger's lifecycle. Slow by nature (timeouts, retries, backoff), so it is not in the default run.
 * @type {import('jest').Config}
 */
const base = require('./jest.config');

module.exports = {
	...base,
	displayName: 'fault matrix',
	roots: ['<rootDir>/test/reliability'],
	testPathIgnorePatterns: ['/node_modules/'],
};

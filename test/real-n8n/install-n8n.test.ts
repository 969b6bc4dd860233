// The runtime installer's sqlite3 build, started the way `npm run test:e2e` starts it: with the npm settings that a
// parent npm exports (the project's .npmrc says ignore-scripts=true). Node 24 is a stand-in script here that records
// what reaches it, so the test needs no network and no compiler.
import {
	chmodSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { layout, SCRIPTS_DIR } from './layout';

type Installer = { buildSqlite(dir: string, logName: string): Promise<void> };

const BINDING = path.join('node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');

describe('install-n8n: the sqlite3 build', () => {
	const savedEnv = { ...process.env };
	let cache: string;
	let n8nFolder: string;
	let installer: Installer;

	beforeEach(() => {
		cache = mkdtempSync(path.join(tmpdir(), 'quo-e2e-cache-'));
		n8nFolder = path.join(cache, 'n8n-test');
		mkdirSync(path.join(n8nFolder, 'node_modules', 'sqlite3'), { recursive: true });
		// What `npm run` exports to its children, as seen under `npm run test:e2e` in this repository.
		Object.assign(process.env, {
			QUO_E2E_CACHE: cache,
			npm_config_ignore_scripts: 'true',
			npm_config_prefix: '/usr',
			npm_config_nodedir: '/usr',
			npm_lifecycle_event: 'test:e2e',
			npm_package_name: 'n8n-nodes-quo',
		});
		// The stand-in for Node 24: records its arguments and environment; builds the binding only when told to.
		const nodeBin = path.join(cache, `node-v${layout.NODE_VERSION}`, 'bin', 'node');
		mkdirSync(path.dirname(nodeBin), { recursive: true });
		writeFileSync(
			nodeBin,
			[
				'#!/bin/sh',
				'printf "%s\\n" "$@" > child-args.txt',
				'env > child-env.txt',
				`if [ -f build-it ]; then mkdir -p "$(dirname '${BINDING}')" && : > '${BINDING}'; fi`,
			].join('\n'),
		);
		chmodSync(nodeBin, 0o755);
		jest.isolateModules(() => {
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			installer = require(path.join(SCRIPTS_DIR, 'install-n8n.js'));
		});
	});

	afterEach(() => {
		for (const key of Object.keys(process.env)) if (!(key in savedEnv)) delete process.env[key];
		Object.assign(process.env, savedEnv);
		rmSync(cache, { recursive: true, force: true });
	});

	function childEnv(): Record<string, string> {
		const lines = readFileSync(path.join(n8nFolder, 'child-env.txt'), 'utf8')
			.split('\n')
			.filter(Boolean);
		return Object.fromEntries(
			lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
		);
	}

	it('runs npm rebuild sqlite3 with none of the npm settings the parent npm exported', async () => {
		writeFileSync(path.join(n8nFolder, 'build-it'), '');
		await installer.buildSqlite(n8nFolder, 'test');

		const args = readFileSync(path.join(n8nFolder, 'child-args.txt'), 'utf8').split('\n');
		expect(args.slice(1, 3)).toEqual(['rebuild', 'sqlite3']);
		const env = childEnv();
		expect(Object.keys(env).filter((key) => /^npm_config_ignore_scripts$/i.test(key))).toEqual([]);
		expect(env.npm_config_prefix).toBeUndefined();
		expect(env.npm_lifecycle_event).toBeUndefined();
		expect(env.npm_package_name).toBeUndefined();
		// What the installer sets itself does reach npm: Node 24's headers, a build from source, Node 24 first on PATH.
		expect(env.npm_config_nodedir).toBe(path.join(cache, `node-v${layout.NODE_VERSION}`));
		expect(env.npm_config_build_from_source).toBe('true');
		expect(env.PATH.split(path.delimiter)[0]).toBe(
			path.join(cache, `node-v${layout.NODE_VERSION}`, 'bin'),
		);
	});

	it('fails right there, naming sqlite3, when npm succeeds without building the binding', async () => {
		await expect(installer.buildSqlite(n8nFolder, 'test')).rejects.toThrow(
			/sqlite3 was not built: .*node_sqlite3\.node/,
		);
		expect(existsSync(path.join(n8nFolder, BINDING))).toBe(false);
	});
});

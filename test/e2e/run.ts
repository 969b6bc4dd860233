// End-to-end test of n8n-nodes-quo in real n8n (1.123.81 and 2.41.1 on Node 24, from the e2e cache) against the
// local Quo stand-in, which runs in this process.
//
//   prepare: install the runtime if missing (scripts/e2e/install-n8n.js, cached), `npm run build`, `npm pack` into a
//            temp folder; for 2.x also Verdaccio with the tarball published to it.
//   routes:  tarball   - the tarball unpacked into ~/.n8n/nodes the way the Community Nodes installer lays it out;
//            community - (2.x) a second instance installs it through Settings > Community Nodes from Verdaccio.
//   each instance: its own stand-in, owner + API key over REST, the example imports (quo/examples.ts), then
//            scenarios 1-8 (quo/scenarios.ts).
// Prints a table (version, route, scenario, result, seconds) and `N passed, N failed`; exit code 1 on any failure.
//
// Run: npm run test:e2e [-- --versions 2.41.1] [--routes tarball] [--no-build] [--rate-limit 0]
//        [--n8n-env N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true,...]   (settings for every n8n the run starts)
//   (= ts-node --transpile-only --prefer-ts-exts -P tsconfig.test.json test/e2e/run.ts)
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startStandIn } from '../stand-in';
import { bootstrap, type Bootstrapped } from '../real-n8n/bootstrap';
import { ensureInstalled, layout, majorOf, N8N_VERSIONS, REPO_ROOT } from '../real-n8n/layout';
import { N8nInstance } from '../real-n8n/n8n-instance';
import { quoProblems, runLogDir } from '../real-n8n/n8n-logs';
import { CUSTOM_REGISTRY_FEATURE } from '../real-n8n/n8n-rest';
import { assertBuilt, assertPackageLoaded, buildPackage, packPackage } from '../real-n8n/package-tarball';
import { assert } from '../real-n8n/checks';
import { PACKAGE_NAME } from '../real-n8n/quo-workflows';
import { closeRun, log, Report, runMain } from '../real-n8n/report';
import { runExampleImports } from './examples';
import { runQuoScenarios, type Route } from './scenarios';
import { seconds } from '../real-n8n/util';
import { Verdaccio } from '../real-n8n/verdaccio';

/** The run's totals, for `.ci/run`'s closing line (next to jest's results). */
const RESULTS_FILE = path.join(REPO_ROOT, 'test-results-e2e.json');

interface Options {
	versions: string[];
	routes: Route[];
	build: boolean;
	rateLimitPerSecond: number;
	/** Extra environment for every n8n the run starts (a setting a user may run n8n with). */
	n8nEnv: Record<string, string>;
}

function parseArgs(argv: string[]): Options {
	const value = (flag: string) => {
		const i = argv.indexOf(flag);
		return i >= 0 ? argv[i + 1] : undefined;
	};
	const list = (flag: string, env: string | undefined) => (value(flag) ?? env)?.split(',').map((v) => v.trim()).filter(Boolean);
	const versions = list('--versions', process.env.QUO_E2E_VERSIONS) ?? N8N_VERSIONS;
	for (const v of versions) if (!N8N_VERSIONS.includes(v)) throw new Error(`Unknown n8n version ${v} (known: ${N8N_VERSIONS.join(', ')})`);
	const routes = (list('--routes', process.env.QUO_E2E_ROUTES) ?? ['tarball', 'community']) as Route[];
	for (const r of routes) if (r !== 'tarball' && r !== 'community') throw new Error(`Unknown route ${r} (tarball, community)`);
	const rate = Number(value('--rate-limit') ?? process.env.QUO_E2E_RATE_LIMIT ?? 10);
	const n8nEnv = Object.fromEntries(
		(list('--n8n-env', undefined) ?? []).map((setting) => {
			const match = /^(N8N_\w+)=(.*)$/.exec(setting);
			if (!match) throw new Error(`--n8n-env takes N8N_NAME=value settings, comma-separated; got ${setting}`);
			return [match[1], match[2]];
		}),
	);
	return { versions, routes, build: !argv.includes('--no-build'), rateLimitPerSecond: rate, n8nEnv };
}

async function prepareInstance(
	version: string,
	route: Route,
	tarball: string,
	packageVersion: string,
	verdaccio: Verdaccio | undefined,
	env: Record<string, string>,
): Promise<{ n8n: N8nInstance; setUp: () => Promise<{ ctx: Bootstrapped; detail: string }> }> {
	const n8n = await N8nInstance.create({
		version,
		env,
		logLevel: 'debug',
		...(route === 'community' ? { e2eTestMode: true, communityPackagesRegistry: verdaccio!.url } : {}),
	});
	return {
		n8n,
		setUp: async () => {
			let how: string;
			let ctx: Bootstrapped;
			if (route === 'tarball') {
				const installed = await n8n.installTarball(tarball);
				const took = await n8n.start();
				ctx = await bootstrap(n8n);
				how = `${installed.name}@${installed.version} in ~/.n8n/nodes; ready in ${took}s`;
			} else {
				const took = await n8n.start();
				ctx = await bootstrap(n8n);
				await ctx.rest.setLicenseFeature(CUSTOM_REGISTRY_FEATURE, true);
				const installed = await ctx.rest.installCommunityPackage(PACKAGE_NAME, packageVersion);
				const packages = await ctx.rest.communityPackages();
				assert(packages.some((p) => p.packageName === PACKAGE_NAME), 'not listed by GET /rest/community-packages');
				how = `POST /rest/community-packages -> ${installed.packageName}@${installed.installedVersion} (${installed.installedNodes.map((n) => n.type).join(', ')}) from ${verdaccio!.url}; ready in ${took}s`;
			}
			return { ctx, detail: `${how}; ${await assertPackageLoaded(ctx)}` };
		},
	};
}

async function runTarget(
	report: Report,
	options: Options,
	version: string,
	route: Route,
	tarball: string,
	packageVersion: string,
	verdaccio: Verdaccio | undefined,
	logDir: string,
	problems: string[],
): Promise<void> {
	const standIn = await startStandIn({ rateLimitPerSecond: options.rateLimitPerSecond });
	const { n8n, setUp } = await prepareInstance(version, route, tarball, packageVersion, verdaccio, options.n8nEnv);
	try {
		let ctx: Bootstrapped | undefined;
		await report.run(version, route, `0 ${route === 'tarball' ? 'tarball into ~/.n8n/nodes' : 'Community Nodes install'}, n8n up`, async () => {
			const out = await setUp();
			ctx = out.ctx;
			return out.detail;
		});
		if (ctx) {
			const target = { version, major: majorOf(version), route, n8n, ctx, standIn };
			await runExampleImports(target, report);
			await runQuoScenarios(target, report);
		}
	} finally {
		const logCopy = path.join(logDir, `n8n-${version}-${route}.log`);
		if (existsSync(n8n.logFile)) copyFileSync(n8n.logFile, logCopy);
		for (const line of quoProblems(n8n.readLog())) problems.push(`${version} ${route}: ${line.slice(0, 400)}`);
		await n8n.dispose();
		await standIn.close();
	}
}

async function main(): Promise<number> {
	const options = parseArgs(process.argv.slice(2));
	const started = Date.now();
	const report = new Report();
	const work = mkdtempSync(path.join(tmpdir(), 'quo-e2e-run-'));
	const logDir = runLogDir('e2e-run');
	const problems: string[] = [];
	const wantsCommunity = options.routes.includes('community') && options.versions.some((v) => majorOf(v) >= 2);
	let verdaccio: Verdaccio | undefined;
	const settings = Object.entries(options.n8nEnv).map(([name, value]) => `${name}=${value}`);
	log(
		`versions ${options.versions.join(', ')}; routes ${options.routes.join(', ')}; stand-in rate limit ${options.rateLimitPerSecond}/s; ` +
			`${settings.length ? `n8n run with ${settings.join(' ')}; ` : ''}logs in ${logDir}`,
	);
	try {
		const prepared = await report.run('all', '-', 'runtime installed (cache)', async () => {
			await ensureInstalled(['node', ...options.versions.map((v) => `n8n@${v}`), ...(wantsCommunity ? ['verdaccio'] : [])]);
			return layout.cacheRoot();
		});
		const built =
			prepared &&
			(await report.run('all', '-', options.build ? 'npm run build' : 'npm run build (skipped: --no-build)', async () => {
				if (options.build) await buildPackage();
				else assertBuilt();
			}));
		let tarball = '';
		let packageVersion = '';
		const packed =
			built &&
			(await report.run('all', '-', 'npm pack', async () => {
				const packedPackage = await packPackage(work);
				tarball = packedPackage.tarball;
				packageVersion = packedPackage.version;
				return `${path.basename(tarball)}, ${packedPackage.fileCount} files`;
			}));
		if (packed && wantsCommunity) {
			const up = await report.run('all', '-', 'Verdaccio up + npm publish', async () => {
				verdaccio = await Verdaccio.create();
				await verdaccio.start();
				return `${await verdaccio.publish(tarball)} on ${verdaccio.url}`;
			});
			if (!up) verdaccio = undefined;
		}
		if (packed) {
			for (const version of options.versions) {
				for (const route of options.routes) {
					if (route === 'community' && majorOf(version) < 2) continue;
					if (route === 'community' && !verdaccio) continue;
					const t = Date.now();
					log(`=== n8n ${version}, route ${route}`);
					try {
						await runTarget(report, options, version, route, tarball, packageVersion, verdaccio, logDir, problems);
					} catch (error) {
						await report.run(version, route, 'harness', () => Promise.reject(error));
					}
					log(`=== n8n ${version}, route ${route}: ${seconds(t)}s`);
				}
			}
		}
	} finally {
		await verdaccio?.dispose();
		rmSync(work, { recursive: true, force: true });
	}
	console.log(report.table());
	for (const row of report.rows.filter((r) => r.outcome === 'FAIL')) console.log(`\nFAIL ${row.version} ${row.route} ${row.scenario}:\n  ${row.detail}`);
	if (problems.length > 0) console.log(`\nn8n log lines mentioning Quo at warn/error level:\n${problems.map((p) => `  ${p}`).join('\n')}`);
	console.log(`\nn8n logs: ${logDir}`);
	console.log(`e2e run: ${seconds(started)}s`);
	return closeRun(report, RESULTS_FILE);
}

runMain(main, RESULTS_FILE);

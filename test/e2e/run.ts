// End-to-end test of n8n-nodes-quo in real n8n (1.123.81 and 2.41.1 on Node 24, from the e2e cache) against the
// local Quo stand-in, which runs in this process.
//
//   prepare: install the runtime if missing (scripts/e2e/install-n8n.js, cached), `npm run build`, `npm pack` into a
//            temp folder; for 2.x also Verdaccio with the tarball published to it.
//   routes:  tarball   - the tarball unpacked into ~/.n8n/nodes the way the Community Nodes installer lays it out;
//            community - (2.x) a second instance installs it through Settings > Community Nodes from Verdaccio.
//   each instance: its own stand-in, owner + API key over REST, the example imports (examples.ts), then
//            scenarios 1-8 (scenarios.ts), then the AI Agent (9, aiAgent.ts); on the tarball route then the user's
//            journey in a browser (journey.ts, rows J1-J7; --screenshots writes the README's pictures from the 2.x
//            journey into docs/images/).
// Prints a table (version, route, scenario, result, seconds) and `N passed, N failed`; exit code 1 on any failure.
//
// Run: npm run test:e2e [-- --versions 2.41.1] [--routes tarball] [--no-build] [--rate-limit 0] [--screenshots]
//        [--n8n-env N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true,...]   (settings for every n8n the run starts)
//   (= ts-node --transpile-only --prefer-ts-exts -P tsconfig.test.json test/e2e/run.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { flag, parseArgs } from '../real-n8n/args';
import { ensureInstalled, layout, majorOf, N8N_VERSIONS, REPO_ROOT } from '../real-n8n/layout';
import { runLogDir } from '../real-n8n/n8n-logs';
import { assertBuilt, buildPackage, packPackage } from '../real-n8n/package-tarball';
import { closeRun, Report, runMain } from '../real-n8n/report';
import { seconds } from '../real-n8n/util';
import { Verdaccio } from '../real-n8n/verdaccio';
import type { Route } from './scenarios';
import { runTarget } from './target';

/** The run's totals, for `.ci/run`'s closing line (next to jest's results). */
const RESULTS_FILE = path.join(REPO_ROOT, 'test-results-e2e.json');

const ROUTES: Route[] = ['tarball', 'community'];

const options = parseArgs('npm run test:e2e', {
	versions: flag.list('n8n versions', {
		defaultValue: N8N_VERSIONS,
		choices: N8N_VERSIONS,
		env: 'QUO_E2E_VERSIONS',
	}),
	routes: flag.list('install routes', {
		defaultValue: ROUTES,
		choices: ROUTES,
		env: 'QUO_E2E_ROUTES',
	}),
	build: flag.boolean('pack dist/ as it is, without `npm run build` first', true),
	rateLimit: flag.integer("the stand-in's requests/s per key (Quo's is 10; 0 = off)", {
		defaultValue: 10,
		min: 0,
		env: 'QUO_E2E_RATE_LIMIT',
	}),
	screenshots: flag.boolean(
		"write the README's pictures (docs/images/) from the 2.x journey in the browser",
		false,
	),
	n8nEnv: flag.n8nSettings(
		'settings for every n8n the run starts (a setting a user may run n8n with)',
	),
});
async function main(): Promise<number> {
	const started = Date.now();
	const report = new Report();
	const work = mkdtempSync(path.join(tmpdir(), 'quo-e2e-run-'));
	const logDir = runLogDir('e2e-run');
	const problems: string[] = [];
	const wantsCommunity =
		options.routes.includes('community') && options.versions.some((v) => majorOf(v) >= 2);
	let verdaccio: Verdaccio | undefined;
	const settings = Object.entries(options.n8nEnv).map(([name, value]) => `${name}=${value}`);
	report.log(
		`versions ${options.versions.join(', ')}; routes ${options.routes.join(', ')}; stand-in rate limit ${options.rateLimit}/s; ` +
			`${settings.length ? `n8n run with ${settings.join(' ')}; ` : ''}logs in ${logDir}`,
	);
	try {
		const prepared = await report.run('all', '-', 'runtime installed (cache)', async () => {
			await ensureInstalled([
				'node',
				...options.versions.map((v) => `n8n@${v}`),
				...(wantsCommunity ? ['verdaccio'] : []),
			]);
			return layout.cacheRoot();
		});
		const built =
			prepared &&
			(await report.run(
				'all',
				'-',
				options.build ? 'npm run build' : 'npm run build (skipped: --no-build)',
				async () => {
					if (options.build) await buildPackage();
					else assertBuilt();
				},
			));
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
					report.log(`=== n8n ${version}, route ${route}`);
					try {
						await runTarget(
							report,
							{
								...options,
								screenshotsDir: options.screenshots
									? path.join(REPO_ROOT, 'docs', 'images')
									: undefined,
							},
							version,
							route,
							tarball,
							packageVersion,
							verdaccio,
							logDir,
							problems,
						);
					} catch (error) {
						await report.run(version, route, 'harness', () => Promise.reject(error));
					}
					report.log(`=== n8n ${version}, route ${route}: ${seconds(t)}s`);
				}
			}
		}
	} finally {
		await verdaccio?.dispose();
		rmSync(work, { recursive: true, force: true });
	}
	console.log(report.summary());
	if (problems.length > 0)
		console.log(
			`\nn8n log lines mentioning Quo at warn/error level:\n${problems.map((p) => `  ${p}`).join('\n')}`,
		);
	console.log(`\nn8n logs: ${logDir}`);
	console.log(`e2e run: ${seconds(started)}s`);
	return closeRun(report, RESULTS_FILE);
}

runMain(main, RESULTS_FILE);

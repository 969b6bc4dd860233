// Soak test of the Quo Trigger in real n8n: thousands of signed deliveries, exactly-once, and n8n's memory.
//
//   One n8n per version (default 2.41.1) with the package installed as the e2e tarball route does, two active
//   workflows, Quo Trigger (2026-03-30) -> No Operation and Quo Trigger (v1, three families) -> No Operation,
//   registered with a Quo stand-in in this process. Then `--deliveries` deliveries (default 2,000) through the
//   stand-in's deliverer (Quo's signing and retries), `--concurrency` at a time, in two halves with a restart of
//   n8n between them: 10 % repeats of an earlier genuine delivery (same webhook-id / event id; in the second half
//   also of first-half ones, across the restart), 5 % forged (another key, a changed body, no signature), the rest
//   genuine. n8n saves every execution with its data (n8n's defaults, pruning included).
//   Memory: n8n runs with Node's inspector; before the deliveries, after each half and after the restart, once its
//   executions have settled, a full garbage collection and the V8 heap in use (test/real-n8n/heap-probe.ts). RSS is sampled
//   throughout and reported, but says little: V8 returns memory to the system when it chooses.
//   Checks: answers (200 / 401), each genuine event ran exactly once (executions matched to events by the trigger
//   item's event id), no forged one ran, every execution succeeded, n8n's heap after a full GC grew at most
//   MEMORY_GROWTH_LIMIT_MB over the second half.
// Prints a table, the counts per version and `N passed, N failed`; writes test-results-soak.json; exit code 1 on
// any failure. n8n's logs and RSS/CPU samples (CSV) go to <cache>/logs/soak-<time>/.
//
// Run: npm run soak [-- --deliveries 300] [--versions 1.123.81,2.41.1] [--concurrency 10] [--no-build]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { flag, parseArgs } from '../real-n8n/args';
import { ensureInstalled, N8N_VERSIONS, REPO_ROOT } from '../real-n8n/layout';
import { runLogDir } from '../real-n8n/n8n-logs';
import { assertBuilt, buildPackage, packPackage } from '../real-n8n/package-tarball';
import { closeRun, Report, runMain } from '../real-n8n/report';
import { ROUTE, type Soaked, soakVersion } from './soak';

const RESULTS_FILE = path.join(REPO_ROOT, 'test-results-soak.json');

const options = parseArgs('npm run soak', {
	deliveries: flag.integer('signed deliveries per version, in two halves around a restart', {
		defaultValue: 2000,
		min: 20,
	}),
	versions: flag.list('n8n versions', { defaultValue: ['2.41.1'], choices: N8N_VERSIONS }),
	concurrency: flag.integer('deliveries in flight at once', { defaultValue: 10, min: 1 }),
	build: flag.boolean('pack dist/ as it is, without `npm run build` first', true),
});

async function main(): Promise<number> {
	const report = new Report();
	const work = mkdtempSync(path.join(tmpdir(), 'quo-soak-'));
	const logDir = runLogDir('soak');
	const printLater: Array<() => void> = [];
	const results: Array<{ version: string } & Soaked> = [];
	report.log(
		`versions ${options.versions.join(', ')}; ${options.deliveries} deliveries, ${options.concurrency} at a time; logs in ${logDir}`,
	);
	try {
		let tarball = '';
		const prepared = await report.run(
			'all',
			'-',
			`runtime installed, ${options.build ? 'npm run build' : 'dist/ reused (--no-build)'}, npm pack`,
			async () => {
				await ensureInstalled(['node', ...options.versions.map((v) => `n8n@${v}`)]);
				if (options.build) await buildPackage();
				else assertBuilt();
				tarball = (await packPackage(work)).tarball;
				return path.basename(tarball);
			},
		);
		if (prepared) {
			for (const version of options.versions) {
				const soaked = await soakVersion(
					report,
					options,
					version,
					tarball,
					logDir,
					printLater,
				).catch(async (error: Error) => {
					await report.run(version, ROUTE, 'harness', () => Promise.reject(error));
					return undefined;
				});
				if (soaked) results.push({ version, ...soaked });
			}
		}
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	console.log(report.summary());
	for (const print of printLater) print();
	console.log(`\nn8n logs: ${logDir}`);
	return closeRun(report, RESULTS_FILE, { soak: results });
}

runMain(main, RESULTS_FILE);

// End-to-end smoke test of the harness itself, on every n8n version in scripts/e2e/layout.js (no Quo code):
//   A. a normal instance: the probe package installed as a tarball in ~/.n8n/nodes before start; owner + API key;
//      a built-in credential (n8n API, pointed at this instance) created and tested (OK and a wrong key); two
//      workflows, Webhook -> E2E Probe and E2E Probe Trigger -> E2E Probe, activated (1.x) / published (2.x) and
//      called on their production URLs, executions read back; n8n restarted with both active (the trigger's
//      lifecycle calls during stop and start are reported) and called again; deactivated/unpublished; stopped.
//   B. a Community Nodes instance: the probe package published to a local Verdaccio and installed through
//      POST /rest/community-packages (n8n's custom-registry setting, license feature switched on via E2E_TESTS),
//      listed, and loaded again after a restart.
// Prints a table (version, route, step, result, seconds) and `N passed, N failed`; exits 1 on any failure.
//
// Run: npm run e2e:smoke [-- --versions 1.123.81,2.41.1]
//   (= ts-node --transpile-only -P tsconfig.test.json test/smoke/run.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { flag, parseArgs } from '../real-n8n/args';
import { ensureInstalled, layout, N8N_VERSIONS } from '../real-n8n/layout';
import { closeRun, logger, Report, runMain, StepFailed } from '../real-n8n/report';
import { seconds } from '../real-n8n/util';
import { packDirectory, Verdaccio } from '../real-n8n/verdaccio';
import { communityNodesInstance, normalInstance, PROBE_DIR } from './scenarios';

const options = parseArgs('npm run e2e:smoke', {
	versions: flag.list('n8n versions', {
		defaultValue: N8N_VERSIONS,
		choices: N8N_VERSIONS,
		env: 'QUO_E2E_VERSIONS',
	}),
});

async function main(): Promise<number> {
	const report = new Report(logger('smoke'));
	const step = <T>(name: string, fn: () => Promise<{ value: T; detail?: string }>) =>
		report.require('all', '-', name, fn);
	const started = Date.now();
	const work = mkdtempSync(path.join(tmpdir(), 'quo-e2e-smoke-'));
	let verdaccio: Verdaccio | undefined;
	try {
		await step('runtime installed (cache)', async () => {
			await ensureInstalled(['node', ...options.versions.map((v) => `n8n@${v}`), 'verdaccio']);
			return { value: undefined, detail: layout.cacheRoot() };
		});
		const probeTarball = await step('pack probe package', async () => ({
			value: await packDirectory(PROBE_DIR, work),
		}));
		const registry = await Verdaccio.create();
		verdaccio = registry;
		await step('Verdaccio up + publish probe', async () => {
			await registry.start();
			return {
				value: undefined,
				detail: `${await registry.publish(probeTarball)} on ${registry.url}`,
			};
		});
		for (const version of options.versions) {
			await normalInstance(report, version, probeTarball);
			await communityNodesInstance(report, version, registry);
		}
	} catch (error) {
		if (!(error instanceof StepFailed)) throw error;
	} finally {
		await verdaccio?.dispose();
		rmSync(work, { recursive: true, force: true });
	}
	console.log(report.summary());
	console.log(`\nsmoke run: ${seconds(started)}s`);
	return closeRun(report);
}

runMain(main);

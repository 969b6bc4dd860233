// The Quo nodes in n8n's queue mode: Debian's PostgreSQL and Redis (installed with apt-get when missing), n8n
// 2.41.1 from the e2e cache as one main, two webhook processes behind a round-robin proxy (WEBHOOK_URL) and one
// worker, the package unpacked into their shared ~/.n8n/nodes, and the local Quo stand-in; then scenarios.ts.
// Prints the rows, the totals (deliveries, executions, duplicates across processes, forged accepted, subscriptions
// left) and `N passed, N failed`; writes test-results-queue.json; exit code 1 on any failure. Everything it started
// is stopped at the end, also on a failure or ctrl-C.
//
// Run: npm run test:queue [-- --version 1.123.81] [--deliveries 6] [--no-build] [--tarball path/to/n8n-nodes-quo.tgz]
//   (= ts-node --transpile-only --prefer-ts-exts -P tsconfig.test.json test/queue/run.ts)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startStandIn, type StandIn } from '../stand-in';
import { bootstrap, type Bootstrapped } from '../real-n8n/bootstrap';
import { flag, parseArgs } from '../real-n8n/args';
import { ensureInstalled, N8N_VERSIONS, REPO_ROOT } from '../real-n8n/layout';
import { runLogDir } from '../real-n8n/n8n-logs';
import {
	assertBuilt,
	assertPackageLoaded,
	buildPackage,
	packPackage,
} from '../real-n8n/package-tarball';
import { closeRun, failRun, Report, runMain } from '../real-n8n/report';
import { seconds } from '../real-n8n/util';
import { createQueueCluster, type QueueCluster } from './queue-cluster';
import { runQueueScenarios, type QueueTotals } from './scenarios';
import {
	ensureDebianPackages,
	type RunningPostgres,
	type RunningService,
	startPostgres,
	startRedis,
} from './services';
import { Teardown } from './teardown';

/** The run's totals, for `.ci/run`'s closing line. */
const RESULTS_FILE = path.join(REPO_ROOT, 'test-results-queue.json');

const options = parseArgs('npm run test:queue', {
	version: flag.text('the n8n version', {
		defaultValue: '2.41.1',
		choices: N8N_VERSIONS,
		placeholder: '<version>',
	}),
	deliveries: flag.integer('deliveries per batch', {
		defaultValue: 6,
		min: 2,
		why: 'they are spread over two processes',
	}),
	build: flag.boolean('pack dist/ as it is, without `npm run build` first', true),
	tarball: flag.text('test this package tarball instead of packing the repo (no build)', {
		defaultValue: undefined,
		placeholder: '<file.tgz>',
	}),
});

function printTotals(version: string, totals: QueueTotals): void {
	const known = (n: number | undefined) => (n === undefined ? 'not measured' : String(n));
	console.log(
		`\nQueue mode, n8n ${version} (main + webhook processes A, B behind a round-robin proxy + worker):`,
	);
	console.log(
		`  deliveries sent                       ${totals.deliveriesSent} signed (+ ${totals.repeatsSent} repeats, ${totals.forgedSent} forged)`,
	);
	console.log(`  executions                            ${known(totals.executions)}`);
	console.log(
		`  duplicates across processes           ${known(totals.crossProcessDuplicates)} of ${totals.crossProcessRepeats}`,
	);
	console.log(
		`  sent to both processes at once        ${known(totals.simultaneousDuplicates)} of ${totals.simultaneousSent} ran twice`,
	);
	console.log(
		`  forged accepted                       ${known(totals.forgedAccepted)} of ${totals.forgedSent}`,
	);
	console.log(`  subscriptions left after deactivation ${known(totals.subscriptionsLeft)}`);
}

const report = new Report();
const teardown = new Teardown(report.log);

async function main(): Promise<number> {
	const { version } = options;
	const started = Date.now();
	const logDir = runLogDir('queue-run');
	const work = mkdtempSync(path.join(tmpdir(), 'quo-queue-run-'));
	teardown.add('temp folder', async () => {
		if (process.env.QUO_E2E_KEEP !== '1') rmSync(work, { recursive: true, force: true });
	});
	const step = (name: string, fn: () => Promise<string | void>) =>
		report.run(version, 'queue', name, fn);
	report.log(
		`n8n ${version} in queue mode; ${options.deliveries} deliveries per batch; logs in ${logDir}`,
	);

	let tarball = options.tarball ? path.resolve(options.tarball) : '';
	let postgres: RunningPostgres | undefined;
	let redis: RunningService | undefined;
	let cluster: QueueCluster | undefined;
	let ctx: Bootstrapped | undefined;
	let standIn: StandIn | undefined;

	const prepared = await step('Q0 runtime, package, PostgreSQL + Redis', async () => {
		const installed = await ensureDebianPackages();
		await ensureInstalled(['node', `n8n@${version}`]);
		if (!options.tarball) {
			if (options.build) await buildPackage();
			else assertBuilt();
			tarball = (await packPackage(work)).tarball;
		}
		postgres = await startPostgres(logDir);
		teardown.add('PostgreSQL', postgres.stop);
		redis = await startRedis(logDir);
		teardown.add('Redis', redis.stop);
		return `${installed}; ${path.basename(tarball)}; ${postgres.version} on :${postgres.port}; ${redis.version.split(' ').slice(0, 3).join(' ')} on :${redis.port}`;
	});

	if (prepared && !teardown.started) {
		await step('Q1 n8n up: main, webhook A, webhook B, worker; the package loaded', async () => {
			const userFolder = path.join(work, 'n8n');
			const c = await createQueueCluster({
				version,
				userFolder,
				logDir,
				postgres: postgres!,
				redis: redis!,
			});
			cluster = c;
			teardown.add('proxy', () => c.proxy.close());
			const installed = await c.main.installTarball(tarball);
			for (const n8n of c.all)
				teardown.add(`n8n ${n8n.command} :${n8n.port}`, async () => void (await n8n.stop()));
			// The main first: it runs the database migrations the others expect.
			const mainSeconds = await c.main.start();
			ctx = await bootstrap(c.main);
			const loaded = await assertPackageLoaded(ctx);
			const others = await Promise.all([...c.webhooks, c.worker].map((n8n) => n8n.start()));
			const ports = `main :${c.main.port}, A :${c.webhooks[0].port}, B :${c.webhooks[1].port}, worker health :${c.worker.port}, proxy ${c.proxy.url}`;
			return `${installed.name}@${installed.version} in the shared ~/.n8n/nodes; ${loaded}; ready in ${mainSeconds}s + ${Math.max(...others)}s; ${ports}`;
		});
	}

	let totals: QueueTotals | undefined;
	if (cluster && ctx && !teardown.started) {
		standIn = await startStandIn({ rateLimitPerSecond: 0 });
		teardown.add('Quo stand-in', standIn.close);
		totals = await runQueueScenarios(
			{ version, cluster, ctx, standIn, postgres: postgres!, batchSize: options.deliveries },
			report,
		);
	}

	console.log(report.summary());
	if (totals) printTotals(version, totals);
	console.log(`\nlogs (n8n per process, PostgreSQL, Redis): ${logDir}`);
	console.log(`queue run: ${seconds(started)}s`);
	return closeRun(report, RESULTS_FILE);
}

let interruptedBy: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
	// Once: a second ctrl-C kills the run at once.
	process.once(signal, () => {
		interruptedBy = signal;
		report.log(`${signal}: stopping everything this run started`);
		// What is still starting fails fast once its services are gone; main() then ends and waits for the rest.
		void teardown.run();
	});
}
runMain(main, RESULTS_FILE, async () => {
	await teardown.run();
	if (!interruptedBy) return undefined;
	failRun(RESULTS_FILE, `interrupted (${interruptedBy}): `);
	return 130;
});

/**
 * `npm run bench`: the package's four benchmarks in one run. Prints four tables, each followed by one line per
 * figure with its target and whether it is met, and writes every figure to test/bench/results.json.
 *
 *   1. delivery  Delivery cost of one Quo Trigger webhook() vs one HMAC-SHA256 + one JSON.parse (delivery.bench.ts)
 *   2. n8n       n8n's Webhook node vs the Quo Trigger in a real n8n (n8nWebhookVsTrigger.bench.ts)
 *   3. rate      The Quo node against Quo's rate limit: Return All and bulk items (rateLimit.bench.ts)
 *   4. weight    Load time, packed size, memory over 100,000 deliveries (weight.bench.ts)
 *
 * Options (after `npm run bench --`):
 *   --only delivery,rate,weight,n8n   run only these tables (default: all four)
 *   --skip n8n                        run all but these
 *   --no-build                        weight: measure dist/ as it is instead of running `npm run build` first
 *   --help                            these options
 *
 * Benchmarks never run as timed jest tests; this is the only entry point.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { flag, parseArgs } from '../real-n8n/args';

const BENCH_NAMES = ['delivery', 'n8n', 'rate', 'weight'] as const;
type BenchName = (typeof BENCH_NAMES)[number];

// Before the temp folder below, which --help (it exits) would leave behind.
const args = parseArgs('npm run bench', {
	only: flag.list('run only these benchmarks', {
		defaultValue: [...BENCH_NAMES],
		choices: BENCH_NAMES,
	}),
	skip: flag.list('run all but these', {
		defaultValue: [],
		choices: BENCH_NAMES,
		defaultText: 'none',
	}),
	build: flag.boolean(
		'weight: measure dist/ as it is instead of running `npm run build` first',
		true,
	),
});

// n8n-core writes an instance key under N8N_USER_FOLDER when first loaded: never into the user's ~/.n8n.
const userFolder = mkdtempSync(path.join(tmpdir(), 'quo-bench-'));
process.env.N8N_USER_FOLDER ??= userFolder;

import {
	type Figure,
	metWord,
	printTable,
	RESULTS_FILE,
	type Results,
	type Table,
	writeResults,
} from './figures';

interface Bench {
	name: BenchName;
	/** Key of its figures in results.json. */
	resultsKey: string;
	title: string;
	measure: (options: RunOptions) => Promise<{ table: Table; figures: Record<string, Figure> }>;
}

interface RunOptions {
	noBuild: boolean;
	/** Set once a benchmark of this run has built dist/ (the n8n one packs the package). */
	built: boolean;
}

const BENCHES: Bench[] = [
	{
		name: 'delivery',
		resultsKey: 'deliveryCost',
		title: '1. Delivery cost',
		measure: async () => {
			const { measureDeliveryCost } = await import('./delivery.bench');
			const { table, figures } = await measureDeliveryCost();
			return { table, figures };
		},
	},
	{
		name: 'n8n',
		resultsKey: 'n8nWebhookVsTrigger',
		title: '2. What a delivery costs n8n: Webhook node vs Quo Trigger',
		measure: async (options) => {
			const { measureN8nWebhookVsTrigger } = await import('./n8nWebhookVsTrigger.bench');
			const result = await measureN8nWebhookVsTrigger();
			// It builds and packs the package first.
			options.built = true;
			return result;
		},
	},
	{
		name: 'rate',
		resultsKey: 'rateLimit',
		title: "3. Against Quo's rate limit",
		measure: async () => {
			const { measureRateLimit } = await import('./rateLimit.bench');
			return await measureRateLimit();
		},
	},
	{
		name: 'weight',
		resultsKey: 'weight',
		title: '4. Weight',
		measure: async (options) => {
			const { measureWeight } = await import('./weight.bench');
			return await measureWeight({ noBuild: options.noBuild || options.built });
		},
	},
];

function figureLine(name: string, figure: Figure): string {
	const value = Math.abs(figure.value) >= 100 ? figure.value.toFixed(0) : figure.value.toFixed(2);
	const ratio = figure.ratio === undefined ? '' : ` (${figure.ratio.toFixed(2)}×)`;
	return `  ${figure.met ? '  met' : 'NOT met'}  ${name}: ${value} ${figure.unit}${ratio}; target ${figure.target}`;
}

function seconds(ms: number): string {
	return `${(ms / 1000).toFixed(0)} s`;
}

async function main(): Promise<number> {
	const selected = BENCHES.filter(
		(bench) => args.only.includes(bench.name) && !args.skip.includes(bench.name),
	);
	const options: RunOptions = { noBuild: !args.build, built: false };

	const results: Results = {};
	const failures: string[] = [];
	const summary: string[] = [];
	const started = Date.now();
	for (const bench of selected) {
		const benchStarted = Date.now();
		console.log(`\n=== ${bench.title} (${bench.name}) ===`);
		try {
			const { table, figures } = await bench.measure(options);
			printTable({
				...table,
				title: `${bench.title.slice(0, bench.title.indexOf('.') + 1)} ${table.title}`,
			});
			console.log('\nFigures:');
			for (const [name, figure] of Object.entries(figures)) console.log(figureLine(name, figure));
			results[bench.resultsKey] = figures;
			const notMet = Object.entries(figures)
				.filter(([, figure]) => !figure.met)
				.map(([name]) => name);
			summary.push(
				`${bench.title}: ${notMet.length === 0 ? 'every target met' : `NOT met: ${notMet.join(', ')}`} (${seconds(Date.now() - benchStarted)})`,
			);
		} catch (error) {
			const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
			console.error(`\n${bench.title} failed:\n${message}`);
			failures.push(bench.title);
			summary.push(`${bench.title}: FAILED (${seconds(Date.now() - benchStarted)})`);
		}
	}

	writeResults(results);
	console.log(`\n=== Summary (${seconds(Date.now() - started)}) ===`);
	for (const line of summary) console.log(line);
	const allFigures = Object.values(results).flatMap((figures) => Object.values(figures));
	console.log(
		`${allFigures.filter((figure) => figure.met).length} of ${allFigures.length} figures ${metWord(true)}; results in ${path.relative(process.cwd(), RESULTS_FILE)}`,
	);
	return failures.length > 0 ? 1 : 0;
}

main().then(
	(code) => {
		rmSync(userFolder, { recursive: true, force: true });
		process.exit(code);
	},
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);

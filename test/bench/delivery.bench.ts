/**
 * `npm run bench`: the cost of one Quo Trigger `webhook()` call (verify, filter, dedupe, normalize) inside
 * n8n-core's real WebhookContext, next to the floor on the same bytes: one HMAC-SHA256 and one JSON.parse.
 * Prints a table; never part of the test suite.
 */
import { createHmac, randomBytes } from 'node:crypto';

import type { INodeExecutionData } from 'n8n-workflow';

import { QuoTrigger } from '../../nodes/Quo/QuoTrigger.node';
import { storeSubscriptions } from '../../nodes/Quo/trigger/subscriptionState';
import { N8nRuntime, type NodeSetup } from '../harness/runtime';
import { contactEvent, messageEvent, transcriptEvent } from './deliveryPayloads';

const ITERATIONS = 3000;
const WARMUP = 500;

interface Signed {
	rawBody: Buffer;
	body: unknown;
	headers: Record<string, string>;
}

type Scheme = '2026-03-30' | 'v1';

const secretBytes = randomBytes(24);
const keys: Record<Scheme, string> = { '2026-03-30': `whsec_${secretBytes.toString('base64')}`, v1: secretBytes.toString('base64') };

function sign(scheme: Scheme, envelope: object, index: number): Signed {
	const withId = { ...envelope, id: `EVbench${index}` };
	const rawBody = Buffer.from(JSON.stringify(withId));
	const now = Date.now();
	if (scheme === 'v1') {
		const timestamp = String(now);
		const signature = createHmac('sha256', secretBytes).update(`${timestamp}.`).update(rawBody).digest('base64');
		return { rawBody, body: JSON.parse(rawBody.toString()), headers: { 'openphone-signature': `hmac;1;${timestamp};${signature}` } };
	}
	const id = `msg_bench_${index}`;
	const timestamp = String(Math.floor(now / 1000));
	const signature = createHmac('sha256', secretBytes).update(`${id}.${timestamp}.`).update(rawBody).digest('base64');
	return {
		rawBody,
		body: JSON.parse(rawBody.toString()),
		headers: { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${signature}` },
	};
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stats(samples: number[]): { median: number; p99: number } {
	const sorted = [...samples].sort((a, b) => a - b);
	return { median: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

function floorSample({ rawBody }: Signed): number {
	const started = process.hrtime.bigint();
	createHmac('sha256', secretBytes).update(rawBody).digest('base64');
	JSON.parse(rawBody.toString('utf8'));
	return Number(process.hrtime.bigint() - started) / 1000;
}

/** Each delivery is timed right after the floor on the same bytes, so both see the same machine load. */
async function sideBySideSamples(scheme: Scheme, event: string, deliveries: Signed[]): Promise<{ webhook: number[]; floor: number[] }> {
	const runtime = new N8nRuntime({ baseUrl: 'http://127.0.0.1:9', apiKey: 'unused' });
	const setup: NodeSetup = { nodeType: new QuoTrigger(), parameters: { apiVersion: scheme, events: [event] }, webhookId: 'bench' };
	// The state an activation leaves behind, as registration stores it.
	const registered = {};
	storeSubscriptions(registered, { apiVersion: scheme, events: [event], includeRawBody: false }, [{ id: scheme === 'v1' ? 'WHbench' : '1', key: keys[scheme], family: scheme === 'v1' ? 'messages' : null }]);
	const { workflow, node } = runtime.workflow(setup, { 'node:Quo Trigger': registered });
	const samples: number[] = [];
	const floor: number[] = [];
	for (const delivery of deliveries) {
		floor.push(floorSample(delivery));
		const httpRequest = { headers: delivery.headers, body: delivery.body, rawBody: delivery.rawBody, query: {} };
		const httpResponse = { status: () => httpResponse, send: () => httpResponse, end: () => httpResponse };
		const context = runtime.webhookContext(setup, workflow, node, { httpRequest: httpRequest as never, httpResponse: httpResponse as never });
		const started = process.hrtime.bigint();
		const result = await setup.nodeType.webhook!.call(context);
		samples.push(Number(process.hrtime.bigint() - started) / 1000);
		const items = result.workflowData?.[0] as INodeExecutionData[] | undefined;
		if (items?.length !== 1) throw new Error(`Expected one item for ${event} (${scheme})`);
	}
	return { webhook: samples, floor };
}

export interface DeliveryCostRow {
	payload: string;
	scheme: Scheme;
	bytes: number;
	webhookMedianUs: number;
	webhookP99Us: number;
	floorMedianUs: number;
	ratio: number;
}

export async function measureDeliveryCost(): Promise<DeliveryCostRow[]> {
	const cases: Array<[string, string, object, Scheme[]]> = [
		['message (300 B)', 'message.received', messageEvent(), ['2026-03-30', 'v1']],
		['contact (3 KB)', 'contact.updated', contactEvent(), ['2026-03-30']],
		['transcript (20 KB)', 'call.transcript.completed', transcriptEvent(), ['2026-03-30', 'v1']],
	];
	const rows: DeliveryCostRow[] = [];
	for (const [payload, event, envelope, schemes] of cases) {
		for (const scheme of schemes) {
			const deliveries = Array.from({ length: WARMUP + ITERATIONS }, (_, index) => sign(scheme, envelope, index));
			const samples = await sideBySideSamples(scheme, event, deliveries);
			const webhook = stats(samples.webhook.slice(WARMUP));
			const floorStats = stats(samples.floor.slice(WARMUP));
			rows.push({
				payload,
				scheme,
				bytes: deliveries[0].rawBody.length,
				webhookMedianUs: webhook.median,
				webhookP99Us: webhook.p99,
				floorMedianUs: floorStats.median,
				ratio: webhook.median / floorStats.median,
			});
		}
	}
	return rows;
}

function printTable(rows: DeliveryCostRow[]): void {
	const format = (n: number) => n.toFixed(1).padStart(8);
	console.log('\nDelivery cost: one webhook() call in n8n-core\'s WebhookContext vs one HMAC-SHA256 + one JSON.parse (µs)');
	console.log('payload              scheme       bytes   median      p99    floor    ratio  target ≤ 1.5×');
	for (const row of rows) {
		console.log(
			`${row.payload.padEnd(20)} ${row.scheme.padEnd(10)} ${String(row.bytes).padStart(7)} ${format(row.webhookMedianUs)} ${format(row.webhookP99Us)} ${format(row.floorMedianUs)} ${row.ratio.toFixed(2).padStart(7)}×  ${row.ratio <= 1.5 ? 'met' : 'NOT met'}`,
		);
	}
}

if (require.main === module) {
	process.env.N8N_USER_FOLDER ??= require('node:fs').mkdtempSync(require('node:path').join(require('node:os').tmpdir(), 'quo-bench-'));
	measureDeliveryCost().then(
		(rows) => {
			printTable(rows);
			process.exit(0);
		},
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}

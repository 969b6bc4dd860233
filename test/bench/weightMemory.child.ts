/**
 * Child process of the weight benchmark (run with --expose-gc): N deliveries with distinct webhook-ids through the
 * Quo Trigger's webhook() in n8n-core's WebhookContext; prints the retained heap as JSON on its last line.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(path.join(tmpdir(), 'quo-bench-'));

import { signDelivery, triggerHarness } from './delivery.bench';
import { messageEvent } from './deliveryPayloads';

const BATCH = 1000;

function gc(): void {
	const collect = (globalThis as { gc?: () => void }).gc;
	if (!collect) throw new Error('Run with --expose-gc');
	collect();
	collect();
}

const heapMB = () => process.memoryUsage().heapUsed / 1048576;

async function main(): Promise<void> {
	const deliveries = Number(process.argv[2] ?? 100_000);
	const { deliver } = triggerHarness('2026-03-30', 'message.received', '4242');
	const envelope = messageEvent();
	// One delivery loads what n8n-core and the trigger load lazily; the baseline is taken after it.
	await deliver(signDelivery('2026-03-30', envelope));
	gc();
	const baselineMB = heapMB();
	const checkpoints: Array<{ deliveries: number; retainedMB: number }> = [];
	const every = deliveries / 4;
	for (let done = 0; done < deliveries;) {
		const batch = Array.from({ length: Math.min(BATCH, deliveries - done) }, () =>
			signDelivery('2026-03-30', envelope),
		);
		for (const delivery of batch) {
			const { items } = await deliver(delivery);
			if (items?.length !== 1) throw new Error(`delivery ${done} emitted no item`);
			done++;
		}
		if (done % every === 0) {
			gc();
			checkpoints.push({ deliveries: done, retainedMB: heapMB() - baselineMB });
		}
	}
	const retainedMB = checkpoints[checkpoints.length - 1]?.retainedMB ?? 0;
	const result = { deliveries, baselineMB, checkpoints, retainedMB };
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
	() => process.exit(0),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	},
);

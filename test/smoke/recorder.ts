// A tiny HTTP server on a free loopback port that keeps every JSON body POSTed to it, in order.
// Used by the probe trigger (fixtures/n8n-nodes-e2e-probe) to report its lifecycle calls.
import { createServer, type Server } from 'node:http';

import { freePort } from '../real-n8n/util';

export interface RecordedCall {
	event: string;
	mode: string;
	activation: string;
	webhookUrl: string;
	workflowId: string;
	staticData: Record<string, unknown>;
	at: number;
}

export class Recorder {
	readonly calls: RecordedCall[] = [];
	private server: Server | undefined;
	private port = 0;

	get url(): string {
		return `http://127.0.0.1:${this.port}/record`;
	}

	async start(): Promise<void> {
		this.port = await freePort();
		this.server = createServer((req, res) => {
			let body = '';
			req.on('data', (chunk: Buffer) => (body += chunk.toString()));
			req.on('end', () => {
				try {
					this.calls.push({ ...(JSON.parse(body) as Omit<RecordedCall, 'at'>), at: Date.now() });
				} catch {
					// ignore non-JSON
				}
				res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
	}

	/** The calls recorded since index `from`, as "event(activation)" strings, e.g. "checkExists(activate)". */
	summary(from = 0): string[] {
		return this.calls.slice(from).map((c) => `${c.event}(${c.activation})`);
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}
}

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INode, INodeExecutionData, IWebhookResponseData, Workflow, WorkflowExecuteMode } from 'n8n-workflow';

import type { N8nRuntime, NodeSetup } from './runtime';

export interface ReceivedDelivery {
	status: number;
	/** The items the trigger emitted, or undefined when it started no run. */
	items: INodeExecutionData[] | undefined;
}

interface Target {
	runtime: N8nRuntime;
	setup: NodeSetup;
	workflow: Workflow;
	node: INode;
	mode: WorkflowExecuteMode;
}

/** The express-style response n8n hands a trigger: `status().send().end()` write straight to the socket. */
function expressStyleResponse(res: ServerResponse) {
	const response = {
		status(code: number) {
			res.statusCode = code;
			return response;
		},
		send(body: string) {
			res.write(body);
			return response;
		},
		end() {
			res.end();
			return response;
		},
		setHeader: res.setHeader.bind(res),
	};
	return response;
}

async function readRawBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/**
 * n8n's side of a delivery, on a real HTTP port: reads the raw body, parses JSON as n8n's body parser does,
 * runs the trigger's `webhook()` inside n8n-core's `WebhookContext`, and answers as n8n does for a webhook
 * with response mode "On Received". Records what each delivery produced.
 */
export class WebhookReceiver {
	readonly deliveries: ReceivedDelivery[] = [];

	private target: Target | undefined;

	private constructor(
		private readonly server: Server,
		readonly baseUrl: string,
	) {}

	static async start(): Promise<WebhookReceiver> {
		let receiver: WebhookReceiver | undefined;
		const server = createServer((req, res) => {
			receiver?.handle(req, res).catch((error: Error) => {
				res.statusCode = 500;
				res.end(error.message);
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const { port } = server.address() as AddressInfo;
		receiver = new WebhookReceiver(server, `http://127.0.0.1:${port}/`);
		return receiver;
	}

	/** Routes deliveries to this workflow's trigger (as n8n does for the webhook path it registered). */
	serve(runtime: N8nRuntime, setup: NodeSetup, workflow: Workflow, node: INode, mode: WorkflowExecuteMode = 'webhook'): void {
		this.target = { runtime, setup, workflow, node, mode };
	}

	/** Items of every run the trigger started, in order. */
	get runs(): INodeExecutionData[][] {
		return this.deliveries.flatMap((delivery) => (delivery.items ? [delivery.items] : []));
	}

	clear(): void {
		this.deliveries.length = 0;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const rawBody = await readRawBody(req);
		const target = this.target;
		if (!target) {
			res.statusCode = 404;
			res.end('No trigger is listening');
			return;
		}
		let body: unknown = {};
		if (String(req.headers['content-type']).includes('json') && rawBody.length > 0) {
			try {
				body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				body = {};
			}
		}
		const httpRequest = Object.assign(req, { body, rawBody, query: {} });
		const context = target.runtime.webhookContext(
			target.setup,
			target.workflow,
			target.node,
			{ httpRequest: httpRequest as never, httpResponse: expressStyleResponse(res) as never },
			target.mode,
		);
		const result: IWebhookResponseData = await target.setup.nodeType.webhook!.call(context);
		const items = result.workflowData?.[0];
		if (result.noWebhookResponse) {
			this.deliveries.push({ status: res.statusCode, items: undefined });
			return;
		}
		res.setHeader('content-type', 'application/json');
		res.statusCode = 200;
		res.end(JSON.stringify(items ? { message: 'Workflow was started' } : (result.webhookResponse ?? { message: 'Webhook call received' })));
		this.deliveries.push({ status: 200, items });
	}
}

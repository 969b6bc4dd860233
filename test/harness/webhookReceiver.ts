import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parse as parseQueryString } from 'node:querystring';

import type {
	INode,
	INodeExecutionData,
	IWebhookResponseData,
	Workflow,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { examine } from '../secrets/ledger';
import type { N8nRuntime, NodeSetup } from './runtime';

export interface ReceivedDelivery {
	status: number;
	/**
	 * What the trigger passed on: the items its `execute()` returned for those of its `webhook()` (empty for a repeat,
	 * whose execution ends there), or undefined when it started no execution.
	 */
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
function expressStyleResponse(res: ServerResponse, source: string) {
	const response = {
		status(code: number) {
			res.statusCode = code;
			return response;
		},
		send(body: string) {
			examine({ source, channel: 'answer to Quo' }, body);
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

async function readAll(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** The content types n8n parses for a webhook node above typeVersion 1 (webhook-helpers' `isParsableContentType`). */
function isParsableContentType(mediaType: string): boolean {
	return (
		['application/json', 'text/plain', 'application/x-www-form-urlencoded'].some((type) =>
			mediaType.startsWith(type),
		) ||
		mediaType.endsWith('/xml') ||
		mediaType.endsWith('+xml')
	);
}

/**
 * The body n8n hands a webhook node (n8n's `parseBody`, the same in 1.123 and 2.41): decoded with the charset the
 * content type names (UTF-8 when it names none; an unknown one is thrown: n8n answers 422), then by its media type
 * JSON parsed (a failure is thrown too), form fields parsed, text as a string; an empty body or any other type is
 * left undefined. n8n reads the body for every node of typeVersion 1; above that, only for the types it parses, and
 * leaves the rest unread (`rawBody` undefined until the node calls `readRawBody()`).
 */
async function parseBodyAsN8nDoes(
	req: IncomingMessage,
	typeVersion: number,
): Promise<{ body: unknown; rawBody?: Buffer }> {
	const [mediaTypeText, ...parameters] = (req.headers['content-type'] ?? '').split(';');
	const mediaType = mediaTypeText.trim().toLowerCase();
	if (typeVersion > 1 && !isParsableContentType(mediaType)) return { body: undefined };
	const rawBody = await readAll(req);
	const charset = parameters
		.map((parameter) => /^\s*charset\s*=\s*"?([^"]*)"?\s*$/i.exec(parameter)?.[1])
		.find(Boolean);
	if (rawBody.length === 0) return { body: undefined, rawBody };
	const text = rawBody.toString((charset ?? 'utf-8').toLowerCase() as BufferEncoding);
	if (mediaType === 'application/json') return { body: JSON.parse(text) as unknown, rawBody };
	if (mediaType === 'application/x-www-form-urlencoded')
		return { body: parseQueryString(text, undefined, undefined, { maxKeys: 1000 }), rawBody };
	if (mediaType === 'text/plain') return { body: text, rawBody };
	return { body: undefined, rawBody };
}

/**
 * n8n's side of a delivery, on a real HTTP port: reads the raw body, parses it as n8n's body parser does,
 * runs the trigger's `webhook()` inside n8n-core's `WebhookContext`, and answers as n8n does for a webhook
 * with response mode "On Received". Records what each delivery produced, and hands what the trigger emitted,
 * answered, threw and stored to the secret scan (test/secrets).
 */
export class WebhookReceiver {
	readonly deliveries: ReceivedDelivery[] = [];

	private target: Target | undefined;

	private executionStartsToFail = 0;

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
	serve(
		runtime: N8nRuntime,
		setup: NodeSetup,
		workflow: Workflow,
		node: INode,
		mode: WorkflowExecuteMode = 'webhook',
	): void {
		this.target = { runtime, setup, workflow, node, mode };
	}

	/** Items of every run in which something after the trigger ran, in order. */
	get runs(): INodeExecutionData[][] {
		return this.deliveries.flatMap((delivery) => (delivery.items?.length ? [delivery.items] : []));
	}

	/** How many executions the trigger started, including those that ended at the trigger with no items. */
	get executions(): number {
		return this.deliveries.filter((delivery) => delivery.items !== undefined).length;
	}

	clear(): void {
		this.deliveries.length = 0;
		this.executionStartsToFail = 0;
	}

	/**
	 * The next delivery whose webhook() returns items is answered 500 and starts no execution, as n8n does when it
	 * cannot store the execution (its database or Redis in trouble).
	 */
	failNextExecutionStart(): void {
		this.executionStartsToFail++;
	}

	async close(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise((resolve) => this.server.close(resolve));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const target = this.target;
		if (!target) {
			res.statusCode = 404;
			res.end('No trigger is listening');
			return;
		}
		let parsed: { body: unknown; rawBody?: Buffer };
		try {
			parsed = await parseBodyAsN8nDoes(req, target.node.typeVersion);
		} catch {
			// n8n answers before the node runs (UnprocessableRequestError).
			res.statusCode = 422;
			res.end('Failed to parse request body');
			this.deliveries.push({ status: 422, items: undefined });
			return;
		}
		const httpRequest = Object.assign(req, {
			...parsed,
			query: {},
			// n8n's rawBodyReader: reads the body the first time, keeps it in rawBody.
			async readRawBody() {
				httpRequest.rawBody ??= await readAll(req);
			},
		});
		const source = target.setup.nodeType.description.name;
		const context = target.runtime.webhookContext(
			target.setup,
			target.workflow,
			target.node,
			{
				httpRequest: httpRequest as never,
				httpResponse: expressStyleResponse(res, source) as never,
			},
			target.mode,
		);
		let result: IWebhookResponseData;
		try {
			result = await target.setup.nodeType.webhook!.call(context);
		} catch (error) {
			examine({ source, channel: 'error' }, error);
			throw error;
		} finally {
			examine({ source, channel: 'static data' }, target.workflow.staticData);
		}
		examine({ source, channel: 'output' }, result);
		const started = result.workflowData?.[0];
		if (result.noWebhookResponse) {
			this.deliveries.push({ status: res.statusCode, items: undefined });
			return;
		}
		if (started && this.executionStartsToFail > 0) {
			this.executionStartsToFail--;
			res.statusCode = 500;
			res.end('{"code":0,"message":"Could not store the execution"}');
			this.deliveries.push({ status: 500, items: undefined });
			return;
		}
		// The execution's first node is the trigger, run with what its webhook() returned. n8n runs it after answering
		// "On Received"; here it runs first, so that a delivery's outcome is recorded by the time Quo has the answer.
		const { nodeType } = target.setup;
		const items =
			started && nodeType.execute
				? (
						await target.runtime.executeIn(
							target.setup,
							target.workflow,
							target.node,
							started,
							target.mode,
						)
					)[0]
				: started;
		res.setHeader('content-type', 'application/json');
		res.statusCode = 200;
		res.end(
			JSON.stringify(
				started
					? { message: 'Workflow was started' }
					: (result.webhookResponse ?? { message: 'Webhook call received' }),
			),
		);
		this.deliveries.push({ status: 200, items });
	}
}

// A chat model for real n8n runs that answers from a script: an HTTP server on 127.0.0.1 that speaks as much of
// OpenAI's API as n8n's OpenAI Chat Model (LangChain's ChatOpenAI) and the `openAiApi` credential test use:
//   GET  /v1/models            -> one model (the credential test, the model picker)
//   POST /v1/chat/completions  -> the script's reply to the request: text or tool calls, as one JSON completion or,
//                                 when the request says `stream: true`, as server-sent chunks ending `data: [DONE]`.
// Requests need `Authorization: Bearer <apiKey>` (401 in OpenAI's error shape otherwise). Every request is recorded
// with the reply it got, so a run can check what the model was given (its tools, the tool results). A script that
// throws answers 500 with its message, which n8n shows as the model's error.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type ChatContent = string | null | Array<{ type: string; text?: string }>;

export interface ChatToolCall {
	id: string;
	type: 'function';
	function: { name: string; arguments: string };
}

export interface ChatMessage {
	role: 'system' | 'user' | 'assistant' | 'tool' | string;
	content?: ChatContent;
	tool_calls?: ChatToolCall[];
	tool_call_id?: string;
}

export interface ChatTool {
	type: 'function';
	function: {
		name: string;
		description?: string;
		parameters?: { properties?: Record<string, unknown>; required?: string[] };
	};
}

export interface ChatRequest {
	model: string;
	messages: ChatMessage[];
	tools?: ChatTool[];
	stream?: boolean;
	stream_options?: { include_usage?: boolean };
}

export type ScriptedReply =
	{ content: string } | { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> };

export type ModelScript = (request: ChatRequest) => ScriptedReply;

export interface RecordedModelRequest {
	method: string;
	path: string;
	authorization: string | null;
	/** The parsed body of a chat completion request. */
	body?: ChatRequest;
	reply?: ScriptedReply;
	status: number;
	error?: string;
}

export const SCRIPTED_MODEL_ID = 'gpt-4.1-mini';

/** The text of a message's content (parts joined). */
export function textOf(content: ChatContent | undefined): string {
	if (typeof content === 'string') return content;
	return (content ?? []).map((part) => part.text ?? '').join('');
}

/** The tool whose parameters include every one of `properties`; the tool names n8n gives follow node names. */
export function toolWith(request: ChatRequest, properties: string[]): ChatTool | undefined {
	return request.tools?.find((tool) =>
		properties.every((name) => name in (tool.function.parameters?.properties ?? {})),
	);
}

/** The messages after the last user message: this turn's tool calls and tool results. */
export function currentTurn(request: ChatRequest): {
	user: string;
	results: Array<{ tool: string; arguments: Record<string, unknown>; content: string }>;
} {
	const lastUser = request.messages.map((m) => m.role).lastIndexOf('user');
	const turn = request.messages.slice(lastUser + 1);
	const calls = new Map<string, ChatToolCall>();
	for (const message of turn) for (const call of message.tool_calls ?? []) calls.set(call.id, call);
	const results = turn
		.filter((message) => message.role === 'tool')
		.map((message) => {
			const call = calls.get(message.tool_call_id ?? '');
			return {
				tool: call?.function.name ?? '',
				arguments: call ? (JSON.parse(call.function.arguments) as Record<string, unknown>) : {},
				content: textOf(message.content),
			};
		});
	return { user: lastUser >= 0 ? textOf(request.messages[lastUser].content) : '', results };
}

function readBody(req: IncomingMessage): Promise<string> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		req.on('error', reject);
	});
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
	res.writeHead(status, { 'content-type': 'application/json' });
	res.end(JSON.stringify(body));
}

function openAiError(res: ServerResponse, status: number, message: string, type: string): void {
	sendJson(res, status, { error: { message, type, param: null, code: null } });
}

export class ScriptedModel {
	readonly requests: RecordedModelRequest[] = [];
	private calls = 0;

	private constructor(
		private readonly server: Server,
		readonly script: ModelScript,
		readonly apiKey: string,
	) {}

	/** Starts the server on a free loopback port. */
	static async start(
		script: ModelScript,
		{ apiKey = 'sk-scripted-model' }: { apiKey?: string } = {},
	): Promise<ScriptedModel> {
		let model: ScriptedModel | undefined;
		const server = createServer((req, res) => {
			void model!.handle(req, res).catch((error: Error) => {
				if (!res.headersSent) openAiError(res, 500, error.message, 'server_error');
				else res.end();
			});
		});
		model = new ScriptedModel(server, script, apiKey);
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		return model;
	}

	/** The base URL to give n8n's `openAiApi` credential (its "Base URL", with /v1). */
	get url(): string {
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
	}

	/** The chat completion requests, in order. */
	get completions(): RecordedModelRequest[] {
		return this.requests.filter((r) => r.path === '/v1/chat/completions');
	}

	close(): Promise<void> {
		this.server.closeAllConnections();
		return new Promise((resolve) => this.server.close(() => resolve()));
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const path = (req.url ?? '/').split('?')[0];
		const authorization = req.headers.authorization ?? null;
		const record: RecordedModelRequest = {
			method: req.method ?? '',
			path,
			authorization,
			status: 0,
		};
		this.requests.push(record);
		const text = await readBody(req);
		const answer = (status: number, body: unknown) => {
			record.status = status;
			sendJson(res, status, body);
		};
		if (authorization !== `Bearer ${this.apiKey}`) {
			record.status = 401;
			return openAiError(res, 401, 'Incorrect API key provided.', 'invalid_request_error');
		}
		if (req.method === 'GET' && path === '/v1/models') {
			return answer(200, {
				object: 'list',
				data: [{ id: SCRIPTED_MODEL_ID, object: 'model', created: 0, owned_by: 'scripted' }],
			});
		}
		if (req.method !== 'POST' || path !== '/v1/chat/completions') {
			record.status = 404;
			return openAiError(res, 404, `No ${req.method} ${path} here`, 'invalid_request_error');
		}
		const body = JSON.parse(text) as ChatRequest;
		record.body = body;
		let reply: ScriptedReply;
		try {
			reply = this.script(body);
		} catch (error) {
			record.error = (error as Error).message;
			record.status = 500;
			return openAiError(res, 500, `scripted model: ${record.error}`, 'server_error');
		}
		record.reply = reply;
		record.status = 200;
		const id = `chatcmpl-scripted-${++this.calls}`;
		const toolCalls =
			'toolCalls' in reply
				? reply.toolCalls.map((call, index) => ({
						id: `call_${this.calls}_${index}`,
						type: 'function',
						function: { name: call.name, arguments: JSON.stringify(call.arguments) },
					}))
				: undefined;
		const message = toolCalls
			? { role: 'assistant', content: null, tool_calls: toolCalls }
			: { role: 'assistant', content: (reply as { content: string }).content };
		const finishReason = toolCalls ? 'tool_calls' : 'stop';
		const usage = { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 };
		const base = { id, created: Math.floor(Date.now() / 1000), model: body.model };
		if (!body.stream) {
			return answer(200, {
				...base,
				object: 'chat.completion',
				choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason }],
				usage,
			});
		}
		res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
		const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
			res.write(
				`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices, ...extra })}\n\n`,
			);
		const delta = toolCalls
			? { ...message, tool_calls: toolCalls.map((call, index) => ({ index, ...call })) }
			: message;
		chunk([{ index: 0, delta, logprobs: null, finish_reason: null }]);
		chunk([{ index: 0, delta: {}, logprobs: null, finish_reason: finishReason }]);
		if (body.stream_options?.include_usage) chunk([], { usage });
		res.end('data: [DONE]\n\n');
	}
}

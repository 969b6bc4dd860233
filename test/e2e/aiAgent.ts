// Row 9: the AI Agent example (examples/ai-agent-quo-tool.json) for real. Its OpenAI Chat Model points at a scripted
// model on loopback (test/real-n8n/scripted-model.ts) and its two Quo tool nodes at a stand-in of its own with seeded
// contacts. A chat message to the Chat Trigger's public URL makes the agent find a contact by phone and text them;
// the stand-in must receive exactly that text. Self-contained: its own stand-in, credentials and workflow, which it
// unpublishes at the end.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

import { startStandIn } from '../stand-in';
import { seededContactNumber } from '../stand-in/seed-contacts';
import {
	assert,
	assertJsonEqual,
	assertValidRequests,
	quoCalls,
	summarizeCalls,
	waitForFinishedExecutions,
} from '../real-n8n/checks';
import { REPO_ROOT } from '../real-n8n/layout';
import type { WorkflowInput, WorkflowNode } from '../real-n8n/n8n-public-api';
import { CREDENTIAL_TYPE, credentialData } from '../real-n8n/quo-workflows';
import type { Report } from '../real-n8n/report';
import {
	currentTurn,
	type ChatRequest,
	ScriptedModel,
	type ScriptedReply,
	toolWith,
} from '../real-n8n/scripted-model';
import { activateWorkflow, deactivateWorkflow } from '../real-n8n/workflows';
import type { Target } from './scenarios';

export const AI_AGENT_ROW = '9 AI Agent: chat -> find contact -> send text';

const EXAMPLE = path.join(REPO_ROOT, 'examples', 'ai-agent-quo-tool.json');
const CHAT_WEBHOOK_ID = '5b0f3c52-a1a1-4330-9a11-000000000009';

/** The parameter names the example's tools give the model with $fromAI(). */
const FIND_ARGS = ['phoneNumber'];
const SEND_ARGS = ['to', 'content'];

/**
 * The model's side of the conversation. Turn 1 (the user's message): find the contact by the number in the message.
 * Turn 2 (the lookup's result): text the number the result holds, greeting the contact by the first name it holds,
 * with the text the user quoted. Turn 3 (the send's result): say what was sent, with the message's ID.
 */
export function quoAgentScript(request: ChatRequest): ScriptedReply {
	const find = toolWith(request, FIND_ARGS);
	const send = toolWith(request, SEND_ARGS);
	if (!find || !send)
		throw new Error(
			`tools offered: ${(request.tools ?? []).map((t) => t.function.name).join(', ') || 'none'}`,
		);
	const { user, results } = currentTurn(request);
	const found = results.find((r) => r.tool === find.function.name);
	const sent = results.find((r) => r.tool === send.function.name);
	if (!found) {
		const phoneNumber = /\+\d{8,15}/.exec(user)?.[0];
		if (!phoneNumber) return { content: 'Which phone number should I look up?' };
		return { toolCalls: [{ name: find.function.name, arguments: { phoneNumber } }] };
	}
	if (!sent) {
		const to = /\+\d{8,15}/.exec(found.content)?.[0];
		const firstName = /"firstName"\s*:\s*"([^"]+)"/.exec(found.content)?.[1];
		const text = /"([^"]+)"/.exec(user)?.[1];
		if (!to || !firstName) return { content: 'I found no contact with that number.' };
		if (!text) return { content: 'What should the text say?' };
		return {
			toolCalls: [
				{ name: send.function.name, arguments: { to, content: `Hi ${firstName}, ${text}` } },
			],
		};
	}
	const messageId = /"id"\s*:\s*"([^"]+)"/.exec(sent.content)?.[1] ?? 'unknown';
	return { content: `Sent to ${String(sent.arguments.to)} (message ${messageId}).` };
}

function nodeNamed(workflow: WorkflowInput, name: string): WorkflowNode {
	const node = workflow.nodes.find((n) => n.name === name);
	assert(node, `the example has no node "${name}"`);
	return node;
}

export async function runAiAgentScenario(target: Target, report: Report): Promise<void> {
	const { version, route, n8n, ctx } = target;
	await report.run(version, route, AI_AGENT_ROW, async () => {
		const standIn = await startStandIn({ seed: { contacts: 6 } });
		const model = await ScriptedModel.start(quoAgentScript);
		let workflowId: string | undefined;
		try {
			const quo = await ctx.api.createCredential({
				name: 'Quo (AI agent stand-in)',
				type: CREDENTIAL_TYPE,
				data: await credentialData(ctx, { apiKey: standIn.apiKey, baseUrl: standIn.url }),
			});
			const openAi = await ctx.api.createCredential({
				name: 'OpenAI (scripted model)',
				type: 'openAiApi',
				data: { apiKey: model.apiKey, url: model.url, header: false },
			});
			const openAiTest = await ctx.rest.testStoredCredential(openAi.id);
			assert(
				openAiTest.status === 'OK',
				`openAiApi credential test: ${JSON.stringify(openAiTest)}`,
			);
			assert(
				model.requests.some((r) => r.path === '/v1/models' && r.status === 200),
				'the openAiApi credential test did not ask the scripted model for its models',
			);

			// The example as a user sets it up: credentials, the Quo number to text from, and the chat made public so
			// its production URL answers (the editor's chat uses the test URL).
			const workflow = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as WorkflowInput;
			const line = standIn.state.phoneNumbers[0];
			const chat = nodeNamed(workflow, 'When chat message received');
			chat.webhookId = CHAT_WEBHOOK_ID;
			chat.parameters = { ...chat.parameters, public: true };
			nodeNamed(workflow, 'OpenAI Chat Model').credentials = {
				openAiApi: { id: openAi.id, name: openAi.name },
			};
			for (const name of ['Find contact by phone', 'Send text'])
				nodeNamed(workflow, name).credentials = {
					[CREDENTIAL_TYPE]: { id: quo.id, name: quo.name },
				};
			nodeNamed(workflow, 'Send text').parameters.from = {
				__rl: true,
				mode: 'id',
				value: line.id,
			};
			const created = await ctx.api.createWorkflow({ ...workflow, name: `e2e: ${workflow.name}` });
			workflowId = created.id;
			await activateWorkflow(ctx, created.id);

			const contact = standIn.state.contacts.find(
				(c) => c.defaultFields.phoneNumbers[0]?.value === seededContactNumber(2),
			);
			assert(contact, 'the stand-in has no seeded contact 2');
			const number = seededContactNumber(2);
			const text = 'your order is ready for pickup';
			const content = `Hi ${contact.defaultFields.firstName}, ${text}`;
			const from = standIn.requests.length;
			const res = await fetch(`${n8n.baseUrl}/webhook/${CHAT_WEBHOOK_ID}/chat`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					action: 'sendMessage',
					sessionId: randomUUID(),
					chatInput: `Please text the contact at ${number}: "${text}"`,
				}),
			});
			const answer = await res.text();
			const [execution] = await waitForFinishedExecutions(ctx, created.id, 1, 120_000);
			const modelCalls = model.completions;
			const seen = `model saw ${modelCalls.length} request(s) (${modelCalls.map((r) => `${r.status}${r.error ? ` ${r.error}` : ''}`).join(', ')}); Quo saw ${summarizeCalls(quoCalls(standIn, from))}`;
			assert(res.status === 200, `the chat URL answered ${res.status}: ${answer.slice(0, 300)}`);
			assert(
				execution.status === 'success',
				`execution ${execution.id} is ${execution.status}: ${JSON.stringify(execution.data?.resultData.error ?? null).slice(0, 400)}; ${seen}`,
			);

			// Quo's side: the lookup read contacts; exactly one text, to the contact's number, with the model's words.
			const lookups = standIn.requests
				.slice(from)
				.filter((r) => r.method === 'GET' && r.path === '/v1/contacts' && r.status === 200);
			assert(lookups.length > 0, `no contact lookup reached Quo; ${seen}`);
			const posts = standIn.requests
				.slice(from)
				.filter((r) => r.method === 'POST' && r.path === '/v1/messages');
			assert(
				posts.length === 1 && posts[0].status === 202,
				`Quo got ${posts.length} POST /v1/messages (${posts.map((p) => p.status).join(', ')}); ${seen}`,
			);
			assertJsonEqual(posts[0].body, { content, from: line.id, to: [number] }, 'the text Quo got');
			assertValidRequests(standIn, from);
			const [message] = standIn.state.messages;

			// The model's side: offered both tools with the example's $fromAI() fields; the lookup's result held the
			// stand-in's contact, the send's result the stand-in's message; its last words are the chat's answer.
			assert(modelCalls.length === 3, `the model was asked ${modelCalls.length} times; ${seen}`);
			const tools = modelCalls[0].body!.tools ?? [];
			const findTool = toolWith(modelCalls[0].body!, FIND_ARGS)!.function.name;
			const sendTool = toolWith(modelCalls[0].body!, SEND_ARGS)!.function.name;
			const lookupResult = currentTurn(modelCalls[1].body!).results.find(
				(r) => r.tool === findTool,
			);
			assert(
				lookupResult?.content.includes(contact.id),
				`the lookup's result the model got: ${JSON.stringify(lookupResult).slice(0, 300)}`,
			);
			const sendResult = currentTurn(modelCalls[2].body!).results.find((r) => r.tool === sendTool);
			assert(
				sendResult?.content.includes(message.id),
				`the send's result the model got: ${JSON.stringify(sendResult).slice(0, 300)}`,
			);
			const finalWords = (modelCalls[2].reply as { content: string }).content;
			const output = (JSON.parse(answer) as { output?: string }).output;
			assert(output === finalWords, `the chat answered ${answer.slice(0, 300)}`);
			const streamed = modelCalls.some((r) => r.body!.stream) ? 'streamed' : 'not streamed';
			return `tools ${tools.map((t) => t.function.name).join(', ')}; ${findTool}(${number}) -> contact ${contact.id}; ${sendTool} -> message ${message.id} "${content}"; chat answered "${output}"; model ${streamed}; Quo saw ${summarizeCalls(quoCalls(standIn, from))}`;
		} finally {
			if (workflowId) await deactivateWorkflow(ctx, workflowId).catch(() => undefined);
			await model.close();
			await standIn.close();
		}
	});
}

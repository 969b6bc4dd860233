// The scripted model of row 9 over HTTP: its three turns, as JSON and as server-sent chunks, and its key check.
import { type ChatRequest, type ChatTool, ScriptedModel } from '../real-n8n/scripted-model';
import { quoAgentScript } from './aiAgent';

const tool = (name: string, properties: string[]): ChatTool => ({
	type: 'function',
	function: {
		name,
		parameters: { properties: Object.fromEntries(properties.map((p) => [p, { type: 'string' }])) },
	},
});
const tools = [
	tool('Send_text', ['to', 'content']),
	tool('Find_contact_by_phone', ['phoneNumber']),
];
const user = {
	role: 'user',
	content: 'Please text the contact at +15555600002: "your order is ready"',
};
const findCall = {
	role: 'assistant',
	content: null,
	tool_calls: [
		{
			id: 'c1',
			type: 'function' as const,
			function: { name: 'Find_contact_by_phone', arguments: '{"phoneNumber":"+15555600002"}' },
		},
	],
};
const found = {
	role: 'tool',
	tool_call_id: 'c1',
	content:
		'[{"id":"abc","defaultFields":{"firstName":"Alan","phoneNumbers":[{"value":"+15555600002"}]}}]',
};

describe('the scripted model with the Quo agent script', () => {
	let model: ScriptedModel;
	beforeAll(async () => {
		model = await ScriptedModel.start(quoAgentScript, { apiKey: 'sk-test' });
	});
	afterAll(() => model.close());

	const complete = (body: Partial<ChatRequest>, key = 'sk-test') =>
		fetch(`${model.url}/chat/completions`, {
			method: 'POST',
			headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
			body: JSON.stringify({ model: 'gpt-4.1-mini', tools, ...body }),
		});

	it('refuses another key and lists its model', async () => {
		expect((await complete({ messages: [user] }, 'sk-wrong')).status).toBe(401);
		const models = await fetch(`${model.url}/models`, {
			headers: { authorization: 'Bearer sk-test' },
		});
		expect(((await models.json()) as { data: Array<{ id: string }> }).data[0].id).toBe(
			'gpt-4.1-mini',
		);
	});

	it('looks the number up, then texts the contact found, then says so', async () => {
		const first = (await (await complete({ messages: [user] })).json()) as {
			choices: Array<{ message: { tool_calls: Array<{ function: unknown }> } }>;
		};
		expect(first.choices[0].message.tool_calls[0].function).toEqual({
			name: 'Find_contact_by_phone',
			arguments: '{"phoneNumber":"+15555600002"}',
		});

		const streamed = await complete({ messages: [user, findCall, found], stream: true });
		expect(streamed.headers.get('content-type')).toBe('text/event-stream');
		const events = (await streamed.text()).split('\n\n').filter(Boolean);
		expect(events.at(-1)).toBe('data: [DONE]');
		const delta = (
			JSON.parse(events[0].slice('data: '.length)) as {
				choices: Array<{ delta: { tool_calls: Array<{ index: number; function: unknown }> } }>;
			}
		).choices[0].delta;
		expect(delta.tool_calls[0]).toMatchObject({
			index: 0,
			function: {
				name: 'Send_text',
				arguments: '{"to":"+15555600002","content":"Hi Alan, your order is ready"}',
			},
		});

		const sendCall = {
			role: 'assistant',
			content: null,
			tool_calls: [
				{
					id: 'c2',
					type: 'function' as const,
					function: { name: 'Send_text', arguments: '{"to":"+15555600002"}' },
				},
			],
		};
		const sent = { role: 'tool', tool_call_id: 'c2', content: '[{"id":"AC1","status":"queued"}]' };
		const last = (await (
			await complete({ messages: [user, findCall, found, sendCall, sent] })
		).json()) as { choices: Array<{ message: { content: string }; finish_reason: string }> };
		expect(last.choices[0]).toMatchObject({
			message: { content: 'Sent to +15555600002 (message AC1).' },
			finish_reason: 'stop',
		});
		expect(model.completions.map((r) => r.status)).toEqual([401, 200, 200, 200]);
	});
});

import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';

const families = [
	{ path: '/v1/webhooks/messages', events: ['message.received', 'message.delivered'] },
	{
		path: '/v1/webhooks/calls',
		events: ['call.completed', 'call.ringing', 'call.recording.completed'],
	},
	{ path: '/v1/webhooks/call-summaries', events: ['call.summary.completed'] },
	{ path: '/v1/webhooks/call-transcripts', events: ['call.transcript.completed'] },
];

describe('stand-in v1 webhooks', () => {
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn({ rateLimitPerSecond: 0 });
	});
	afterAll(() => standIn.close());
	beforeEach(() => standIn.reset());

	const owner = () => standIn.state.users[0]!;

	it.each(families)('creates a webhook with POST $path', async ({ path, events }) => {
		const response = await callQuo(standIn, 'POST', path, {
			body: { url: 'https://example.com/hook', events },
		});

		expect(response.status).toBe(201);
		expect(response.json.data).toEqual({
			id: expect.stringMatching(/^WH[A-Za-z0-9]+$/),
			userId: owner().id,
			orgId: standIn.state.organization.id,
			label: null,
			status: 'enabled',
			url: 'https://example.com/hook',
			key: expect.any(String),
			createdAt: expect.any(String),
			updatedAt: expect.any(String),
			deletedAt: null,
			events,
			resourceIds: ['*'],
		});
		expect(Buffer.from(response.json.data.key, 'base64')).toHaveLength(32);
		expect(standIn.state.webhooksV1).toHaveLength(1);
	});

	it('keeps the given label, status, user and phone numbers', async () => {
		const member = standIn.state.users[2]!;
		const phoneNumberId = standIn.state.phoneNumbers[0]!.id;
		const response = await callQuo(standIn, 'POST', '/v1/webhooks/messages', {
			body: {
				url: 'https://example.com/hook',
				events: ['message.received'],
				label: 'n8n',
				status: 'disabled',
				userId: member.id,
				resourceIds: [phoneNumberId],
			},
		});

		expect(response.json.data).toMatchObject({
			label: 'n8n',
			status: 'disabled',
			userId: member.id,
			resourceIds: [phoneNumberId],
		});
	});

	it('answers 404 for a user that does not exist', async () => {
		const response = await callQuo(standIn, 'POST', '/v1/webhooks/messages', {
			body: { url: 'https://example.com/hook', events: ['message.received'], userId: 'USnobody' },
		});

		expect(response.status).toBe(404);
		expect(response.json).toMatchObject({ code: '0300404', title: 'Not Found' });
	});

	it("lists the owner's webhooks by default and another user's with userId, keys included", async () => {
		const member = standIn.state.users[2]!;
		const create = (userId?: string) =>
			callQuo(standIn, 'POST', '/v1/webhooks/calls', {
				body: { url: 'https://example.com/hook', events: ['call.completed'], userId },
			});
		const ownersWebhook = (await create()).json.data;
		const membersWebhook = (await create(member.id)).json.data;

		const byDefault = await callQuo(standIn, 'GET', '/v1/webhooks');
		const forMember = await callQuo(standIn, 'GET', `/v1/webhooks?userId=${member.id}`);

		expect(byDefault.json).toEqual({ data: [ownersWebhook] });
		expect(forMember.json).toEqual({ data: [membersWebhook] });
	});

	it('gets and deletes a webhook by id', async () => {
		const created = (
			await callQuo(standIn, 'POST', '/v1/webhooks/messages', {
				body: { url: 'https://example.com/hook', events: ['message.received'] },
			})
		).json.data;

		const fetched = await callQuo(standIn, 'GET', `/v1/webhooks/${created.id}`);
		const deleted = await callQuo(standIn, 'DELETE', `/v1/webhooks/${created.id}`);
		const afterwards = await callQuo(standIn, 'GET', `/v1/webhooks/${created.id}`);

		expect(fetched.json).toEqual({ data: created });
		expect(deleted.status).toBe(204);
		expect(deleted.text).toBe('');
		expect(afterwards.status).toBe(404);
		expect(standIn.state.webhooksV1).toHaveLength(0);
	});

	it('answers unknown ids with 404 Webhook not found', async () => {
		const get = await callQuo(standIn, 'GET', '/v1/webhooks/WHunknown');
		const remove = await callQuo(standIn, 'DELETE', '/v1/webhooks/WHunknown');

		expect([get.status, remove.status]).toEqual([404, 404]);
		expect(get.json).toEqual({
			message: 'Webhook not found',
			code: '0300404',
			status: 404,
			docs: 'https://quo.com/docs',
			title: 'Not Found',
			trace: expect.any(String),
		});
	});
});

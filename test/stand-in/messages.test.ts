import { startStandIn, type StandIn } from './index';
import { seededParticipant } from './seed';
import { callQuo } from './test-support/quo-client';

describe('stand-in messages', () => {
	let standIn: StandIn;
	const line = () => standIn.state.phoneNumbers[0]!;
	const listPath = (query: string) =>
		`/v1/messages?phoneNumberId=${line().id}&participants=${encodeURIComponent(seededParticipant)}&${query}`;

	beforeAll(async () => {
		standIn = await startStandIn({ rateLimitPerSecond: 0, seed: { messages: 5 } });
	});
	afterAll(() => standIn.close());
	beforeEach(() => standIn.reset());

	it('seeds a conversation between the first line and one outside number, newest first', () => {
		const messages = standIn.state.messages;

		expect(messages).toHaveLength(5);
		expect(new Set(messages.map((message) => message.conversationId)).size).toBe(1);
		expect(messages[0]).toMatchObject({
			direction: 'outgoing',
			from: line().number,
			to: [seededParticipant],
		});
		expect(messages[1]).toMatchObject({
			direction: 'incoming',
			from: seededParticipant,
			to: [line().number],
		});
		expect(Date.parse(messages[0]!.createdAt)).toBeGreaterThan(Date.parse(messages[4]!.createdAt));
	});

	it('sends from a PN id or the line number with 202, queued, in the existing conversation', async () => {
		const byId = await callQuo(standIn, 'POST', '/v1/messages', {
			body: { content: 'Hello', from: line().id, to: [seededParticipant] },
		});
		const byNumber = await callQuo(standIn, 'POST', '/v1/messages', {
			body: { content: 'Again', from: line().number, to: [seededParticipant] },
		});

		expect(byId.status).toBe(202);
		expect(byId.json.data).toEqual({
			id: expect.stringMatching(/^AC/),
			to: [seededParticipant],
			from: line().number,
			text: 'Hello',
			phoneNumberId: line().id,
			conversationId: standIn.state.messages[2]!.conversationId,
			direction: 'outgoing',
			userId: line().users[0]!.id,
			status: 'queued',
			createdAt: expect.any(String),
			updatedAt: expect.any(String),
		});
		expect(byNumber.json.data.phoneNumberId).toBe(line().id);
		expect(standIn.state.messages[0]!.text).toBe('Again');
	});

	it('starts a new conversation for other recipients and refuses numbers outside the workspace', async () => {
		const group = await callQuo(standIn, 'POST', '/v1/messages', {
			body: { content: 'Hi all', from: line().id, to: ['+15555550201', '+15555550202'] },
		});
		const foreign = await callQuo(standIn, 'POST', '/v1/messages', {
			body: { content: 'Hi', from: '+15555550999', to: [seededParticipant] },
		});

		expect(group.json.data.conversationId).not.toBe(standIn.state.messages[1]!.conversationId);
		expect(foreign.status).toBe(404);
		expect(foreign.json).toMatchObject({ code: '0200404', message: 'Phone number not found' });
	});

	it('lists one conversation the v1 way and filters by time', async () => {
		const first = await callQuo(standIn, 'GET', listPath('maxResults=3'));
		const second = await callQuo(
			standIn,
			'GET',
			listPath(`maxResults=3&pageToken=${first.json.nextPageToken}`),
		);
		const seeded = standIn.state.messages;
		const recent = await callQuo(
			standIn,
			'GET',
			listPath(`maxResults=10&createdAfter=${seeded[2]!.createdAt}`),
		);
		const otherPeople = await callQuo(
			standIn,
			'GET',
			`/v1/messages?phoneNumberId=${line().id}&participants=%2B15555550201&maxResults=10`,
		);

		expect(first.json.data).toEqual(seeded.slice(0, 3));
		expect(second.json).toEqual({ data: seeded.slice(3), totalItems: 5, nextPageToken: null });
		expect(recent.json.data).toEqual(seeded.slice(0, 2));
		expect(otherPeople.json.data).toEqual([]);
	});

	it('gets a message by id, or 404', async () => {
		const message = standIn.state.messages[3]!;

		const found = await callQuo(standIn, 'GET', `/v1/messages/${message.id}`);
		const missing = await callQuo(standIn, 'GET', '/v1/messages/ACmissing');

		expect(found.json).toEqual({ data: message });
		expect(missing.json).toMatchObject({ status: 404, message: 'Message not found' });
	});

	it('retries a failed message once (2026-03-30) and refuses any other', async () => {
		const failed = standIn.state.messages[0]!;
		standIn.state.failedMessageIds.push(failed.id);

		const retried = await callQuo(standIn, 'POST', `/messages/${failed.id}/retry`);
		const again = await callQuo(standIn, 'POST', `/messages/${failed.id}/retry`);

		expect(retried.status).toBe(202);
		expect(retried.json).toEqual({});
		expect(failed.status).toBe('queued');
		expect(again.status).toBe(422);
	});

	it('reset drops sent messages and restores the seeded ones', async () => {
		await callQuo(standIn, 'POST', '/v1/messages', {
			body: { content: 'Extra', from: line().id, to: [seededParticipant] },
		});
		standIn.state.messages[1]!.status = 'queued';

		standIn.reset();

		expect(standIn.state.messages).toHaveLength(5);
		expect(standIn.state.messages[0]!.status).toBe('delivered');
	});
});

import { startStandIn, type StandIn } from './index';
import { seededParticipant } from './seed';
import { seededCustomFields, seededSharedContactNumber } from './seed-contacts';
import { callQuo } from './test-support/quo-client';

describe('stand-in contacts, calls, conversations and tasks', () => {
	let standIn: StandIn;
	const seed = { contacts: 12, calls: 8, conversations: 9, tasks: 6, messages: 2 };

	beforeAll(async () => {
		standIn = await startStandIn({ rateLimitPerSecond: 0, seed });
	});
	afterAll(() => standIn.close());
	beforeEach(() => standIn.reset());

	it('seeds what was asked for, on the first line, with one custom field of every type', () => {
		const { state } = standIn;
		const line = state.phoneNumbers[0]!;

		expect([
			state.contacts.length,
			state.calls.length,
			state.conversations.length,
			state.tasks.length,
		]).toEqual([12, 8, 9, 6]);
		expect(state.customFields).toEqual(seededCustomFields);
		expect(
			state.calls.every(
				(call) => call.phoneNumberId === line.id && call.participants.includes(seededParticipant),
			),
		).toBe(true);
		expect(state.conversations[0]).toMatchObject({
			id: state.messages[0]!.conversationId,
			participants: [seededParticipant],
		});
		expect(state.contacts[3]!.defaultFields.phoneNumbers[0]!.value).toBe(seededSharedContactNumber);
		expect(state.contacts[11]!.defaultFields.phoneNumbers[0]!.value).toBe('(555) 555-0199');
		expect(
			new Set(
				state.tasks.map((task) =>
					task.conversationId ? 'conversation' : task.activityId ? 'activity' : 'phone',
				),
			),
		).toEqual(new Set(['conversation', 'activity', 'phone']));
	});

	it('serves recordings and voicemails behind their pre-signed links: no API key needed, a wrong token is a 403', async () => {
		const callId = standIn.state.calls[0]!.id;
		const recordings = await callQuo(standIn, 'GET', `/v1/call-recordings/${callId}`);
		const link = recordings.json.data[0].url as string;
		const voicemail = await callQuo(
			standIn,
			'GET',
			`/v1/call-voicemails/${standIn.state.calls[1]!.id}`,
		);

		const mp3 = await fetch(link);
		const wav = await fetch(voicemail.json.data.recordingUrl as string);
		const expired = await fetch(link.replace(/token=\w+/, 'token=old'));
		const missing = await fetch(`${standIn.url}/media/recordings/none.mp3`);

		expect(link.startsWith(`${standIn.url}/media/recordings/`)).toBe(true);
		expect([mp3.status, mp3.headers.get('content-type')]).toEqual([200, 'audio/mpeg']);
		expect(Buffer.from(await mp3.arrayBuffer()).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfb]));
		expect(Number(mp3.headers.get('content-length'))).toBe(4170);
		expect([wav.status, wav.headers.get('content-type')]).toEqual([200, 'audio/wav']);
		expect(
			Buffer.from(await wav.arrayBuffer())
				.subarray(0, 4)
				.toString('ascii'),
		).toBe('RIFF');
		expect([expired.status, missing.status]).toEqual([403, 404]);
		expect(
			standIn.requests
				.filter((request) => request.path.startsWith('/media/'))
				.map((request) => request.apiKey),
		).toEqual([null, null, null, null]);
	});

	it('keeps external IDs unique and refuses unknown custom fields and reserved sources', async () => {
		const taken = await callQuo(standIn, 'POST', '/v1/contacts', {
			body: { defaultFields: { firstName: 'A' }, externalId: 'crm-1' },
		});
		const unknown = await callQuo(standIn, 'POST', '/v1/contacts', {
			body: { defaultFields: { firstName: 'A' }, customFields: [{ key: 'shoe-size', value: 42 }] },
		});
		const wrongType = await callQuo(standIn, 'POST', '/v1/contacts', {
			body: { defaultFields: { firstName: 'A' }, customFields: [{ key: 'vip', value: 'yes' }] },
		});
		const reserved = await callQuo(standIn, 'POST', '/v1/contacts', {
			body: { defaultFields: { firstName: 'A' }, source: 'csv' },
		});

		expect(taken.status).toBe(409);
		expect(unknown.json).toMatchObject({
			status: 400,
			code: '0801400',
			title: 'Invalid Custom Field Item',
		});
		expect(wrongType.status).toBe(400);
		expect(reserved.status).toBe(400);
	});

	it('reset brings back the seeded contacts, conversations and tasks', async () => {
		const contact = structuredClone(standIn.state.contacts[0]!);
		const task = structuredClone(standIn.state.tasks[0]!);
		await callQuo(standIn, 'DELETE', `/v1/contacts/${contact.id}`);
		await callQuo(standIn, 'POST', `/v1/tasks/${task.taskId}/complete`);
		await callQuo(
			standIn,
			'POST',
			`/v1/conversations/${standIn.state.conversations[0]!.id}/mark-as-done`,
		);

		standIn.reset();

		expect(standIn.state.contacts[0]).toEqual(contact);
		expect(standIn.state.tasks[0]).toEqual(task);
		expect(standIn.state.conversationInbox[standIn.state.conversations[0]!.id]).toEqual({
			read: true,
			status: 'open',
		});
	});

	it('the last page of tasks leaves nextPageToken out, as the spec has it', async () => {
		const first = await callQuo(standIn, 'GET', '/v1/tasks?maxResults=4');
		const last = await callQuo(
			standIn,
			'GET',
			`/v1/tasks?maxResults=4&pageToken=${first.json.nextPageToken}`,
		);

		expect(first.json.nextPageToken).toEqual(expect.any(String));
		expect(last.json.data).toHaveLength(2);
		expect('nextPageToken' in last.json).toBe(false);
	});
});

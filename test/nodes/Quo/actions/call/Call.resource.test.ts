import type { IBinaryData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { seededParticipant } from '../../../../stand-in/seed';
import { locator, pairings, useQuoNode } from '../support';

const CALLS = 230;
const session = useQuoNode({ seed: { calls: CALLS } });
const state = () => session.standIn.state;
const line = () => state().phoneNumbers[0]!;
const [answered, missed, recent, unprocessed] = [0, 1, 2, 3].map(
	(index) => () => state().calls[index]!,
);

const listCalls = (overrides: Record<string, unknown> = {}) => ({
	resource: 'call',
	operation: 'getMany',
	phoneNumberId: locator('list', line().id),
	participant: seededParticipant,
	returnAll: true,
	...overrides,
});

/** The bytes the stand-in serves at a link it handed out. */
function mediaBytes(url: string): Buffer {
	return state().media[new URL(url).pathname]!.bytes;
}

describe('call: get', () => {
	test('returns the call by its AC id', async () => {
		const output = await session.run({ resource: 'call', operation: 'get', callId: answered().id });

		expect(output).toEqual([{ json: answered(), pairedItem: { item: 0 } }]);
	});

	test("an id of another kind fails before any request; an unknown call is Quo's 404", async () => {
		const wrong = await session.failure({ resource: 'call', operation: 'get', callId: 'CN123' });
		const unknown = await session.failure({ resource: 'call', operation: 'get', callId: 'ACnone' });

		expect(wrong.message).toBe("Call ID: 'CN123' is not a Quo call ID (those start with AC)");
		expect(unknown).toBeInstanceOf(NodeApiError);
		expect(unknown.message).toBe('Call not found');
		expect(session.standIn.requests).toHaveLength(1);
	});
});

describe('call: getMany', () => {
	test('Return All walks every page (100, 100, 30) of the calls with one participant', async () => {
		const output = await session.run(listCalls());

		expect(output.map((item) => item.json.id)).toEqual(state().calls.map((call) => call.id));
		expect(session.standIn.requests.map((request) => request.query.maxResults)).toEqual([
			'100',
			'100',
			'100',
		]);
		expect(session.standIn.requests[0]!.query).toEqual({
			phoneNumberId: line().id,
			participants: seededParticipant,
			maxResults: '100',
		});
	});

	test('Limit stops early and asks only for what it still needs', async () => {
		const output = await session.run(listCalls({ returnAll: false, limit: 150 }));

		expect(output).toHaveLength(150);
		expect(session.standIn.requests.map((request) => request.query.maxResults)).toEqual([
			'100',
			'50',
		]);
	});

	test('takes the participant in any common form and the Quo number as E.164; filters by time and user', async () => {
		const output = await session.run(
			listCalls({
				phoneNumberId: locator('phoneNumber', line().number),
				participant: '(555) 555-0100',
				filters: {
					createdAfter: state().calls[5]!.createdAt,
					userId: locator('list', state().users[0]!.id),
				},
			}),
		);

		expect(output.map((item) => item.json.id)).toEqual(
			state()
				.calls.slice(0, 5)
				.map((call) => call.id),
		);
		expect(session.requestLines()).toEqual(['GET /v1/phone-numbers', 'GET /v1/calls']);
		expect(session.standIn.requests[1]!.query).toMatchObject({
			participants: seededParticipant,
			userId: state().users[0]!.id,
		});
	});

	test.each([
		[
			'two participants',
			'+15555550100, +15555550101',
			'Participant: 2 numbers; Quo lists the calls with exactly one other number at a time',
		],
		['none', '', 'Participant: required, a phone number like +15555550123'],
		[
			'a number that is not one',
			'555-0100',
			"Participant: '555-0100' is not a phone number that can be written in E.164 like +15555550123 (add the country code)",
		],
	])('%s fails before any request', async (_case, participant, message) => {
		const error = await session.failure(listCalls({ participant }));

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(message);
		expect(session.standIn.requests).toHaveLength(0);
	});
});

describe('call: getRecordings', () => {
	test('one item per segment, oldest first, each with its call ID and link', async () => {
		const output = await session.run({
			resource: 'call',
			operation: 'getRecordings',
			callId: answered().id,
		});

		expect(output).toHaveLength(2);
		expect(output.map((item) => item.json)).toEqual(
			state().callRecordings[answered().id]!.map((recording) => ({
				callId: answered().id,
				...recording,
				url: `${session.standIn.url}${recording.url}`,
			})),
		);
		expect(output.every((item) => item.binary === undefined)).toBe(true);
	});

	test('Download adds each file as n8n binary data with its MIME type and size, fetched without the API key', async () => {
		const output = await session.run({
			resource: 'call',
			operation: 'getRecordings',
			callId: answered().id,
			download: true,
		});

		expect(pairings(output)).toEqual([{ item: 0 }, { item: 0 }]);
		for (const item of output) {
			const binary = item.binary!.data as IBinaryData;
			const bytes = mediaBytes(item.json.url as string);
			expect(binary).toMatchObject({
				mimeType: 'audio/mpeg',
				fileType: 'audio',
				fileExtension: 'mp3',
				fileName: `${answered().id}-${String(item.json.id)}.mp3`,
				bytes: bytes.length,
			});
			expect(Buffer.from(binary.data, 'base64').equals(bytes)).toBe(true);
			expect(binary.fileSize).toMatch(/kB$/);
		}
		const downloads = session.standIn.requests.filter((request) =>
			request.path.startsWith('/media/'),
		);
		expect(downloads).toHaveLength(2);
		expect(downloads.map((request) => request.apiKey)).toEqual([null, null]);
		expect(downloads.map((request) => request.status)).toEqual([200, 200]);
	});

	test('the file goes under the field named; a segment still processing comes without one', async () => {
		const [done] = await session.run({
			resource: 'call',
			operation: 'getRecordings',
			callId: answered().id,
			download: true,
			binaryPropertyName: 'audio',
		});
		const processing = await session.run({
			resource: 'call',
			operation: 'getRecordings',
			callId: recent().id,
			download: true,
		});

		expect(Object.keys(done.binary!)).toEqual(['audio']);
		expect(processing).toEqual([
			{
				json: expect.objectContaining({ status: 'processing', url: null }),
				pairedItem: { item: 0 },
			},
		]);
	});

	test('an expired link is reported, saying how to get a fresh one', async () => {
		session.standIn.addFault({
			method: 'GET',
			path: /^\/media\//,
			status: 403,
			rawBody: 'Request has expired',
			contentType: 'text/plain',
		});

		const error = await session.failure({
			resource: 'call',
			operation: 'getRecordings',
			callId: answered().id,
			download: true,
		});

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(
			/^Could not download the recording CR\w+ of call AC\w+: HTTP 403$/,
		);
		expect((error as NodeApiError).description).toMatch(/expire/);
	});
});

describe('call: getSummary and getTranscript', () => {
	test('a finished summary comes with ready: true', async () => {
		const [item] = await session.run({
			resource: 'call',
			operation: 'getSummary',
			callId: answered().id,
		});

		expect(item.json).toEqual({ ...state().callSummaries[answered().id], ready: true });
	});

	test('one still being written is a result, ready: false with its status, not an error', async () => {
		const [summary] = await session.run({
			resource: 'call',
			operation: 'getSummary',
			callId: recent().id,
		});
		const [transcript] = await session.run({
			resource: 'call',
			operation: 'getTranscript',
			callId: recent().id,
		});

		expect(summary.json).toEqual({
			callId: recent().id,
			ready: false,
			status: 'in-progress',
			summary: null,
			nextSteps: null,
		});
		expect(transcript.json).toMatchObject({
			callId: recent().id,
			ready: false,
			status: 'in-progress',
			dialogue: null,
		});
	});

	test("Quo's 404 soon after a call is ready: false too, once the call itself is found", async () => {
		const [summary] = await session.run({
			resource: 'call',
			operation: 'getSummary',
			callId: unprocessed().id,
		});

		expect(summary.json).toEqual({ callId: unprocessed().id, ready: false, status: 'absent' });
		expect(session.requestLines()).toEqual([
			`GET /v1/call-summaries/${unprocessed().id}`,
			`GET /v1/calls/${unprocessed().id}`,
		]);
	});

	test('for a call that does not exist the 404 stays an error', async () => {
		const error = await session.failure({
			resource: 'call',
			operation: 'getTranscript',
			callId: 'ACnone',
		});

		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Call not found');
	});

	test('a finished transcript comes with its dialogue', async () => {
		const [item] = await session.run({
			resource: 'call',
			operation: 'getTranscript',
			callId: answered().id,
		});

		expect(item.json).toEqual({ ...state().callTranscripts[answered().id], ready: true });
		expect(session.requestLines()).toEqual([`GET /v1/call-transcripts/${answered().id}`]);
	});
});

describe('call: getVoicemail', () => {
	test('returns the voicemail with its transcript, and with Download the WAV file as binary data', async () => {
		const [plain] = await session.run({
			resource: 'call',
			operation: 'getVoicemail',
			callId: missed().id,
		});
		const [downloaded] = await session.run({
			resource: 'call',
			operation: 'getVoicemail',
			callId: missed().id,
			download: true,
		});

		const voicemail = state().callVoicemails[missed().id]!;
		expect(plain.json).toEqual({
			...voicemail,
			recordingUrl: `${session.standIn.url}${voicemail.recordingUrl}`,
			ready: true,
		});
		expect(plain.binary).toBeUndefined();
		const binary = downloaded.binary!.data as IBinaryData;
		const bytes = mediaBytes(downloaded.json.recordingUrl as string);
		expect(binary).toMatchObject({
			mimeType: 'audio/wav',
			fileExtension: 'wav',
			bytes: bytes.length,
			fileName: `${missed().id}-${voicemail.id}.wav`,
		});
		expect(Buffer.from(binary.data, 'base64').subarray(0, 4).toString('ascii')).toBe('RIFF');
	});

	test('one still processing, or none yet, is ready: false and comes without a file', async () => {
		const [processing] = await session.run({
			resource: 'call',
			operation: 'getVoicemail',
			callId: state().calls[6]!.id,
			download: true,
		});
		const [none] = await session.run({
			resource: 'call',
			operation: 'getVoicemail',
			callId: answered().id,
			download: true,
		});

		expect(processing).toEqual({
			json: expect.objectContaining({ status: 'in-progress', recordingUrl: null, ready: false }),
			pairedItem: { item: 0 },
		});
		expect(none).toEqual({
			json: { callId: answered().id, ready: false, status: 'absent' },
			pairedItem: { item: 0 },
		});
		expect(session.standIn.requests.some((request) => request.path.startsWith('/media/'))).toBe(
			false,
		);
	});

	test('an empty field name for the file fails before any request', async () => {
		const error = await session.failure({
			resource: 'call',
			operation: 'getVoicemail',
			callId: missed().id,
			download: true,
			binaryPropertyName: ' ',
		});

		expect(error.message).toBe('Put Output File in Field: required when Download is on');
		expect(session.standIn.requests).toHaveLength(0);
	});
});

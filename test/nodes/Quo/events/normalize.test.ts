import fc from 'fast-check';

import { QUO_EVENT_NAMES } from '../../../../nodes/Quo/events/catalog';
import { normalizeEvent, type QuoEvent } from '../../../../nodes/Quo/events/normalize';
import {
	clone,
	legacySamples,
	realV4Call,
	realV4Recordings,
	sampleEnvelope2026,
	sampleLegacyEnvelope,
	seedEnvelopes,
} from '../../../fixtures/events';

const v1 = { deliveryId: null };
const current = { deliveryId: 'msg_2abcDEFghiJKLmnoPQRstu' };

describe('normalizeEvent, 2026-03-30 deliveries', () => {
	it.each(Object.keys(seedEnvelopes))(
		'passes the seed example of %s through unchanged',
		(event) => {
			const envelope = seedEnvelopes[event as keyof typeof seedEnvelopes];
			expect(normalizeEvent(envelope, current)).toStrictEqual({
				event,
				eventId: envelope.id,
				deliveryId: 'msg_2abcDEFghiJKLmnoPQRstu',
				apiVersion: '2026-03-30',
				createdAt: '2026-04-13T12:00:00.000Z',
				resource: envelope.data.resource,
				context: envelope.data.context,
				links: envelope.data.links,
			});
		},
	);

	it.each([...QUO_EVENT_NAMES])('emits the sample of %s without schema issues', (event) => {
		const envelope = sampleEnvelope2026(event);
		const item = normalizeEvent(envelope, current);
		expect(item.event).toBe(event);
		expect(item.resource).toStrictEqual(envelope.data.resource);
		expect(item.context).toStrictEqual(envelope.data.context);
		expect(item).not.toHaveProperty('schemaIssues');
	});

	it('still emits a payload that breaks its schema, saying why', () => {
		const envelope = sampleEnvelope2026('message.received');
		envelope.data.resource.text = 42;
		expect(normalizeEvent(envelope, current)).toStrictEqual({
			event: 'message.received',
			eventId: 'EVseedMessageReceived',
			deliveryId: 'msg_2abcDEFghiJKLmnoPQRstu',
			apiVersion: '2026-03-30',
			createdAt: '2026-04-13T12:00:00.000Z',
			resource: { ...seedEnvelopes['message.received'].data.resource, text: 42 },
			context: seedEnvelopes['message.received'].data.context,
			links: { quo: 'https://my.quo.com/inbox/...' },
			schemaIssues: ['resource.text: Expected string, received number'],
		});
	});

	it('passes the resource of an unknown event type through as sent', () => {
		const envelope = {
			id: 'EV9',
			apiVersion: '2026-03-30',
			createdAt: '2026-09-01T00:00:00.000Z',
			type: 'integration.created',
			data: {
				resource: { id: 'IN1', provider: 'hubspot' },
				context: { userId: 'US1' },
				links: { quo: null },
			},
		};
		expect(normalizeEvent(envelope, current)).toStrictEqual({
			event: 'integration.created',
			eventId: 'EV9',
			deliveryId: 'msg_2abcDEFghiJKLmnoPQRstu',
			apiVersion: '2026-03-30',
			createdAt: '2026-09-01T00:00:00.000Z',
			resource: { id: 'IN1', provider: 'hubspot' },
			context: { userId: 'US1' },
			links: { quo: null },
		});
	});
});

describe('normalizeEvent, legacy deliveries', () => {
	/** The real v4 call webhooks (X3) differ only in event, id, time and the recording. */
	function realV4CallItem(
		event: string,
		eventId: string,
		createdAt: string,
		recordings: ReturnType<typeof realV4Recordings> | null,
	): QuoEvent {
		return {
			event,
			eventId,
			deliveryId: null,
			apiVersion: 'v4',
			createdAt,
			resource: realV4Call(recordings),
			context: {
				phoneNumberId: 'PN_TEST_001',
				conversationId: null,
				phoneNumberType: null,
				userId: 'US_TEST_001',
				contacts: { ids: ['CONT_TEST_001'], lookupStatus: 'matched' },
				participants: { workspace: [], external: [], resolution: 'unavailable' },
			},
			links: { quo: 'https://my.quo.com/inbox/PN_TEST_001/c/CN_TEST_001?at=AC_TEST_001' },
		};
	}

	const expectedByName: Record<keyof typeof legacySamples, QuoEvent> = {
		messageReceivedV4Docs: {
			event: 'message.received',
			eventId: 'EVc67ec998b35c41d388af50799aeeba3e',
			deliveryId: null,
			apiVersion: 'v4',
			createdAt: '2022-01-23T16:55:52.557Z',
			resource: {
				id: 'AC24a8b8321c4f4cf2be110f4250793d51',
				direction: 'incoming',
				text: 'Hello, world!',
				status: 'delivered',
				createdAt: '2022-01-23T16:55:52.420Z',
			},
			context: {
				phoneNumberId: 'PNtoDbDhuz',
				conversationId: null,
				userId: 'USu5AsEHuQ',
				contacts: { ids: [], lookupStatus: 'unavailable' },
				senderIdentifier: '+19876543210',
				recipientIdentifiers: ['+15555555555'],
			},
			links: { quo: null },
		},
		messageReceivedV4Real: {
			event: 'message.received',
			eventId: 'EVv4realMessageReceived01',
			deliveryId: null,
			apiVersion: 'v4',
			createdAt: '2025-01-15T10:20:03.120Z',
			resource: {
				id: 'MSG_TEST_002',
				direction: 'incoming',
				text: 'Hi, is the shop open on Saturday?',
				status: 'received',
				createdAt: '2025-01-15T10:20:02.981Z',
			},
			context: {
				phoneNumberId: 'PN_TEST_001',
				conversationId: null,
				userId: 'US_TEST_001',
				contacts: { ids: ['CONT_TEST_002'], lookupStatus: 'matched' },
				senderIdentifier: '+15559876543',
				recipientIdentifiers: ['+15551234567'],
			},
			links: { quo: 'https://my.quo.com/inbox/PN_TEST_001/c/CN_TEST_002?at=MSG_TEST_002' },
		},
		messageReceivedV2App: {
			event: 'message.received',
			eventId: 'EVv2appMessageReceived01',
			deliveryId: null,
			apiVersion: 'v2',
			createdAt: '2022-03-02T18:04:11.730Z',
			resource: {
				id: 'ACv2appmessage01',
				direction: 'incoming',
				text: 'Photo of the damage attached',
				status: 'received',
				createdAt: '2022-03-02T18:04:11.512Z',
			},
			context: {
				phoneNumberId: 'PNv2app001',
				conversationId: 'CNv2app001',
				userId: 'USv2app001',
				contacts: { ids: [], lookupStatus: 'unavailable' },
				senderIdentifier: '+15035550101',
				recipientIdentifiers: ['+15035550199'],
			},
			links: { quo: null },
		},
		messageReceivedV3CommaJoined: {
			event: 'message.received',
			eventId: 'EVv3appMessageReceived01',
			deliveryId: null,
			apiVersion: 'v3',
			createdAt: '2023-05-10T15:41:20.001Z',
			resource: {
				id: 'ACv3groupmessage01',
				direction: 'incoming',
				text: 'Are we still on for Friday?',
				status: 'received',
				createdAt: '2023-05-10T15:41:19.870Z',
			},
			context: {
				phoneNumberId: 'PNv3app001',
				conversationId: 'CNv3app001',
				userId: 'USv3app001',
				contacts: { ids: [], lookupStatus: 'unavailable' },
				senderIdentifier: '+15035550142',
				recipientIdentifiers: ['+15035550199', '+15035550177'],
			},
			links: { quo: null },
		},
		messageDeliveredV2App: {
			event: 'message.delivered',
			eventId: 'EVv2appMessageDelivered01',
			deliveryId: null,
			apiVersion: 'v2',
			createdAt: '2022-03-02T18:10:40.220Z',
			resource: {
				id: 'ACv2appmessage02',
				direction: 'outgoing',
				text: 'Thanks, we will send someone tomorrow.',
				status: 'delivered',
				createdAt: '2022-03-02T18:10:39.904Z',
			},
			context: {
				phoneNumberId: 'PNv2app001',
				conversationId: 'CNv2app001',
				userId: 'USv2app001',
				contacts: { ids: [], lookupStatus: 'unavailable' },
				senderIdentifier: '+15035550199',
				recipientIdentifiers: ['+15035550101'],
			},
			links: { quo: null },
		},
		messageDeliveredV4Real: {
			event: 'message.delivered',
			eventId: 'EVv4realMessageDelivered01',
			deliveryId: null,
			apiVersion: 'v4',
			createdAt: '2025-01-15T10:25:10.736Z',
			resource: {
				id: 'MSG_TEST_001',
				direction: 'outgoing',
				text: 'Thank you for your inquiry. We will get back to you shortly.',
				status: 'delivered',
				createdAt: '2025-01-15T10:25:08.771Z',
			},
			context: {
				phoneNumberId: 'PN_TEST_001',
				conversationId: null,
				userId: 'US_TEST_001',
				contacts: {
					ids: ['CONT_TEST_002', 'CONT_TEST_003', 'CONT_TEST_004'],
					lookupStatus: 'matched',
				},
				senderIdentifier: '+15551234567',
				recipientIdentifiers: ['+15559876543'],
			},
			links: { quo: 'https://quo.com/inbox/PN_TEST_001/c/CN_TEST_002?at=MSG_TEST_001' },
		},
		callRingingV4Docs: {
			event: 'call.ringing',
			eventId: 'EV0ea54cadfbf342e6ac4ca1f22ed1700c',
			deliveryId: null,
			apiVersion: 'v4',
			createdAt: '2022-06-24T19:35:46.825Z',
			resource: {
				id: 'ACsXlF0',
				object: 'call',
				answeredAt: '2022-01-01T00:00:00Z',
				answeredBy: 'USlHhXmRMz',
				initiatedBy: 'USlHhXmRMz',
				direction: 'outgoing',
				status: 'ringing',
				completedAt: '2022-01-01T00:10:00Z',
				createdAt: '2022-01-01T00:00:00Z',
				duration: 60,
				forwardedFrom: 'UShYmRNzlm',
				forwardedTo: 'UShXmRMzln',
				phoneNumberId: 'PN1ZmRMzlx',
				participants: ['+15555555555'],
				updatedAt: '2022-01-01T00:00:00Z',
				userId: 'USlHhXmRMz',
			},
			context: {
				phoneNumberId: 'PN1ZmRMzlx',
				conversationId: null,
				phoneNumberType: null,
				userId: 'USlHhXmRMz',
				contacts: { ids: [], lookupStatus: 'unavailable' },
				participants: { workspace: [], external: [], resolution: 'unavailable' },
			},
			links: { quo: null },
		},
		callCompletedV4Real: realV4CallItem(
			'call.completed',
			'EVv4realCallCompleted01',
			'2025-01-15T10:30:44.097Z',
			null,
		),
		callRecordingCompletedV4Real: realV4CallItem(
			'call.recording.completed',
			'EVv4realCallRecording01',
			'2025-01-15T10:30:45.675Z',
			realV4Recordings(),
		),
		callSummaryDocs: {
			event: 'call.summary.completed',
			eventId: 'EVcallSummaryDocs01',
			deliveryId: null,
			apiVersion: 'v4',
			createdAt: '2022-06-24T19:35:46.825Z',
			resource: {
				callId: 'AC16558bc5f73445598a2627f5a94fe014',
				object: 'callSummary',
				processingStatus: 'completed',
				summary: ['You talked about the weather.'],
				nextSteps: ['Bring an umbrella.'],
			},
			context: null,
			links: { quo: null },
		},
		callSummaryCompletedV4Real: {
			event: 'call.summary.completed',
			eventId: 'EVv4realCallSummary01',
			deliveryId: null,
			apiVersion: 'v4',
			createdAt: '2025-01-15T10:30:46.350Z',
			resource: {
				callId: 'AC_TEST_001',
				jobs: [
					{
						icon: '✍️',
						name: 'Message taking',
						result: {
							data: [
								{ name: 'First and last name', value: 'Jane Doe' },
								{
									name: 'Summarize the message',
									value: 'Jane Doe asked for a callback about the enterprise plan.',
								},
							],
						},
					},
				],
				nextSteps: [],
				object: 'callSummary',
				processingStatus: 'completed',
				summary: ['The caller, Jane Doe, asked about enterprise pricing.'],
			},
			context: null,
			links: { quo: 'https://my.quo.com/inbox/PN_TEST_001/c/CN_TEST_001?at=AC_TEST_001' },
		},
		callTranscriptDocs: {
			event: 'call.transcript.completed',
			eventId: 'EVcallTranscriptDocs01',
			deliveryId: null,
			apiVersion: 'v4',
			createdAt: '2022-06-24T19:35:46.825Z',
			resource: {
				callId: 'AC16558bc5f73445598a2627f5a94fe014',
				object: 'callTranscript',
				createdAt: '2022-06-24T19:34:50.279Z',
				dialogue: [
					{
						content: 'Hello, world!',
						start: 5.123456,
						end: 10.123456,
						identifier: '+19876543210',
						userId: 'USlHhXmRMz',
					},
				],
				duration: 5,
				processingStatus: 'completed',
			},
			context: null,
			links: { quo: null },
		},
		contactUpdatedV3App: {
			event: 'contact.updated',
			eventId: 'EVe1cb0contactUpdated01',
			deliveryId: null,
			apiVersion: 'v3',
			createdAt: '2023-03-30T22:32:12.339Z',
			resource: {
				id: 'CT64260c5cd1c90ca558ff6edb',
				object: 'contact',
				clientId: '81b9c0de-0000-4000-8000-000000000001',
				firstName: 'Jayson',
				lastName: '',
				fields: { Phone: ['+12566581234'] },
				notes: [],
				sharedWith: ['USh6vAGqVi', 'OR60CD87vA', 'GRkhNXRGuN'],
				createdAt: '2023-03-30T22:30:01.100Z',
				updatedAt: '2023-03-30T22:32:12.300Z',
				userId: 'USh6vAGqVi',
			},
			context: { userId: 'USh6vAGqVi', sharedWithIds: ['USh6vAGqVi', 'OR60CD87vA', 'GRkhNXRGuN'] },
			links: { quo: null },
		},
	};

	it.each(Object.keys(expectedByName))('maps %s as the contract says', (name) => {
		const sample = legacySamples[name as keyof typeof legacySamples];
		expect(normalizeEvent(sample, v1)).toStrictEqual(
			expectedByName[name as keyof typeof legacySamples],
		);
	});

	it.each([
		'message.received',
		'message.delivered',
		'call.ringing',
		'call.completed',
		'call.recording.completed',
		'call.summary.completed',
		'call.transcript.completed',
	])('emits the legacy sample of %s without schema issues', (event) => {
		const item = normalizeEvent(sampleLegacyEnvelope(event), v1);
		expect(item.event).toBe(event);
		expect(item).not.toHaveProperty('schemaIssues');
	});

	it('reads an empty contactIds list as a lookup that found nobody', () => {
		const sample = clone(legacySamples.messageReceivedV4Real);
		sample.data.object.contactIds = [];
		expect(normalizeEvent(sample, v1).context).toMatchObject({
			contacts: { ids: [], lookupStatus: 'none' },
		});
	});

	it('trims comma-joined recipients and drops empty entries', () => {
		const sample = clone(legacySamples.messageReceivedV3CommaJoined);
		sample.data.object.to = ' +15035550199 , ,+15035550177,';
		expect(normalizeEvent(sample, v1).context).toMatchObject({
			recipientIdentifiers: ['+15035550199', '+15035550177'],
		});
	});

	it('tells the workspace side from the external side of a v2 call', () => {
		const envelope = {
			id: 'EVv2call',
			object: 'event',
			apiVersion: 'v2',
			createdAt: '2022-03-02T18:00:00.000Z',
			type: 'call.completed',
			data: {
				object: {
					id: 'ACv2call',
					object: 'call',
					from: '+15035550101',
					to: '+15035550199',
					direction: 'incoming',
					media: [],
					voicemail: { url: 'https://media.example.com/vm.mp3', type: 'audio/mpeg', duration: 12 },
					status: 'completed',
					createdAt: '2022-03-02T18:00:00.000Z',
					answeredAt: null,
					completedAt: '2022-03-02T18:00:30.000Z',
					userId: 'USv2app001',
					phoneNumberId: 'PNv2app001',
					conversationId: 'CNv2app001',
				},
			},
		};
		const item = normalizeEvent(envelope, v1);
		expect(item.resource).toStrictEqual(envelope.data.object);
		expect(item.context).toStrictEqual({
			phoneNumberId: 'PNv2app001',
			conversationId: 'CNv2app001',
			phoneNumberType: null,
			userId: 'USv2app001',
			contacts: { ids: [], lookupStatus: 'unavailable' },
			participants: {
				workspace: ['+15035550199'],
				external: ['+15035550101'],
				resolution: 'available',
			},
		});
		expect(item).not.toHaveProperty('schemaIssues');
	});

	it('still emits a message without `from`, saying why', () => {
		const sample = clone(legacySamples.messageReceivedV4Docs) as {
			data: { object: Record<string, unknown> };
		};
		delete sample.data.object.from;
		sample.data.object.text = 7;
		const item = normalizeEvent(sample, v1);
		expect(item.resource).toMatchObject({ id: 'AC24a8b8321c4f4cf2be110f4250793d51', text: 7 });
		expect(item.context).toMatchObject({
			senderIdentifier: null,
			recipientIdentifiers: ['+15555555555'],
		});
		expect(item.schemaIssues).toEqual([
			'data.object.from: Required',
			'data.object.text: Expected string, received number',
		]);
	});

	it('passes the object of an unknown legacy event through', () => {
		const envelope = {
			id: 'EVtask',
			object: 'event',
			apiVersion: 'v3',
			createdAt: '2024-01-01T00:00:00.000Z',
			type: 'task.due_date_changed',
			data: { object: { id: 'TK1', object: 'task', dueDate: '2024-02-01' } },
		};
		expect(normalizeEvent(envelope, v1)).toStrictEqual({
			event: 'task.due_date_changed',
			eventId: 'EVtask',
			deliveryId: null,
			apiVersion: 'v3',
			createdAt: '2024-01-01T00:00:00.000Z',
			resource: { id: 'TK1', object: 'task', dueDate: '2024-02-01' },
			context: null,
			links: { quo: null },
		});
	});
});

describe('normalizeEvent, broken envelopes', () => {
	it.each([
		[null, 'body: Expected object, received null'],
		[42, 'body: Expected object, received number'],
		['{"id":"EV1"}', 'body: Expected object, received string'],
		[[], 'body: Expected object, received array'],
	])('degrades %j to an empty item', (body, issue) => {
		expect(normalizeEvent(body, current)).toStrictEqual({
			event: '',
			eventId: '',
			deliveryId: 'msg_2abcDEFghiJKLmnoPQRstu',
			apiVersion: '',
			createdAt: '',
			resource: {},
			context: null,
			links: { quo: null },
			schemaIssues: [issue],
		});
	});

	it('reports missing and mistyped envelope fields', () => {
		expect(
			normalizeEvent({ type: 5, apiVersion: '2026-03-30', createdAt: null }, current),
		).toStrictEqual({
			event: '',
			eventId: '',
			deliveryId: 'msg_2abcDEFghiJKLmnoPQRstu',
			apiVersion: '2026-03-30',
			createdAt: '',
			resource: {},
			context: null,
			links: { quo: null },
			schemaIssues: [
				'type: Expected string, received number',
				'id: Required',
				'createdAt: Expected string, received null',
				'data: Required',
			],
		});
	});

	it('reports a resource or legacy object that is not an object', () => {
		const currentItem = normalizeEvent(
			{ ...sampleEnvelope2026('call.completed'), data: { resource: 'AC1' } },
			current,
		);
		expect(currentItem.resource).toStrictEqual({});
		expect(currentItem.schemaIssues).toEqual(['resource: Expected object, received string']);

		const legacyItem = normalizeEvent(
			{ ...legacySamples.callCompletedV4Real, data: { object: [1] } },
			v1,
		);
		expect(legacyItem.resource).toStrictEqual({});
		expect(legacyItem.context).toBeNull();
		expect(legacyItem.links).toStrictEqual({ quo: null });
		expect(legacyItem.schemaIssues).toEqual(['data.object: Expected object, received array']);
	});
});

describe('normalizeEvent, any input', () => {
	function expectWellFormed(item: QuoEvent): void {
		expect(typeof item.event).toBe('string');
		expect(typeof item.eventId).toBe('string');
		expect(typeof item.resource).toBe('object');
		expect(item.resource).not.toBeNull();
		expect(item.context === null || typeof item.context === 'object').toBe(true);
		expect(item.links.quo === null || typeof item.links.quo === 'string').toBe(true);
	}

	it('never throws on a JSON value', () => {
		fc.assert(
			fc.property(fc.jsonValue(), (body) => expectWellFormed(normalizeEvent(body, current))),
		);
	});

	it('never throws on anything', () => {
		fc.assert(fc.property(fc.anything(), (body) => expectWellFormed(normalizeEvent(body, v1))));
	});

	it('never throws on envelopes of known types with arbitrary data', () => {
		const eventType = fc.constantFrom(
			...QUO_EVENT_NAMES,
			'callSummary',
			'callTranscript',
			'constructor',
			'__proto__',
		);
		const legacyObject = fc.dictionary(
			fc.constantFrom(
				'id',
				'from',
				'to',
				'text',
				'body',
				'status',
				'contactIds',
				'participants',
				'direction',
				'sharedWith',
				'userId',
			),
			fc.jsonValue(),
		);
		const data = fc.oneof(
			fc.record(
				{ resource: fc.jsonValue(), context: fc.jsonValue(), links: fc.jsonValue() },
				{ requiredKeys: [] },
			),
			fc.record(
				{ object: fc.oneof(legacyObject, fc.jsonValue()), deepLink: fc.jsonValue() },
				{ requiredKeys: [] },
			),
		);
		const envelope = fc.record(
			{
				id: fc.jsonValue(),
				object: fc.constant('event'),
				apiVersion: fc.jsonValue(),
				createdAt: fc.jsonValue(),
				type: eventType,
				data,
			},
			{ requiredKeys: ['type', 'data'] },
		);
		fc.assert(fc.property(envelope, (body) => expectWellFormed(normalizeEvent(body, v1))));
	});
});

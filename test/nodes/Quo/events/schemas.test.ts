import { QUO_EVENT_NAMES, canonicalEventName } from '../../../../nodes/Quo/events/catalog';
import {
	ContactResourceSchema,
	schemaIssuesFor,
	type CustomField,
} from '../../../../nodes/Quo/events/schemas';
import { clone, legacySamples, sampleEnvelope2026, seedEnvelopes } from '../../../fixtures/events';

type Data = { resource: Record<string, unknown>; context: Record<string, unknown> | null };

function seedData(event: keyof typeof seedEnvelopes): Data {
	return clone(seedEnvelopes[event].data) as Data;
}

describe('schemaIssuesFor, 2026-03-30 payloads', () => {
	it.each(Object.keys(seedEnvelopes))('accepts the seed example of %s', (event) => {
		expect(
			schemaIssuesFor(event, 'current', seedEnvelopes[event as keyof typeof seedEnvelopes].data),
		).toEqual([]);
	});

	it.each([...QUO_EVENT_NAMES])('accepts the sample of %s', (event) => {
		expect(schemaIssuesFor(event, 'current', sampleEnvelope2026(event).data)).toEqual([]);
	});

	it('accepts fields Quo adds later, at every level', () => {
		const data = seedData('call.transcript.completed');
		data.resource.language = 'en';
		(data.context as { participants: Record<string, unknown> }).participants.assistant = ['AI'];
		(data.resource.dialogue as Array<Record<string, unknown>>)[0].sentiment = 'positive';
		expect(schemaIssuesFor('call.transcript.completed', 'current', data)).toEqual([]);
	});

	it('names the field and the problem', () => {
		const data = seedData('message.received');
		data.resource.text = 42;
		(data.context as { contacts: Record<string, unknown> }).contacts.lookupStatus = 'maybe';
		delete (data.context as Record<string, unknown>).userId;
		expect(schemaIssuesFor('message.received', 'current', data)).toEqual([
			'resource.text: Expected string, received number',
			'context.userId: Required',
			"context.contacts.lookupStatus: Invalid enum value. Expected 'matched' | 'none' | 'unavailable', received 'maybe'",
		]);
	});

	it('checks each custom field against the variant of its type', () => {
		const data = seedData('contact.updated');
		data.resource.customFields = [
			{ name: 'Seats', key: 'seats', type: 'number', value: null },
			{ name: 'VIP', key: 'vip', type: 'boolean', value: true },
			{ name: 'Renewal', key: 'renewal', type: 'date', value: '2026-09-01' },
			{ name: 'Site', key: 'site', type: 'url', value: 'https://example.com' },
			{ name: 'Budget', key: 'budget', type: 'number', value: 'lots' },
			{ name: 'Tags', key: 'tags', type: 'multi-select', value: 'sales' },
			{ name: 'Mood', key: 'mood', type: 'emoji', value: 'ok' },
		];
		expect(schemaIssuesFor('contact.updated', 'current', data)).toEqual([
			'resource.customFields[4].value: Expected number, received string',
			'resource.customFields[5].value: Expected array, received string',
			"resource.customFields[6].type: Invalid discriminator value. Expected 'string' | 'url' | 'address' | 'number' | 'boolean' | 'date' | 'multi-select'",
		]);
	});

	it('checks participants.resolution and the call sample fields of call lifecycle events', () => {
		const data = sampleEnvelope2026('call.missed').data as Data;
		data.resource.hasVoicemail = 'no';
		(data.context as { participants: Record<string, unknown> }).participants.resolution = 'partial';
		expect(schemaIssuesFor('call.missed', 'current', data)).toEqual([
			'resource.hasVoicemail: Expected boolean, received string',
			"context.participants.resolution: Invalid enum value. Expected 'available' | 'unavailable', received 'partial'",
		]);
	});

	it('accepts any object for task events and a partial message for failures', () => {
		expect(
			schemaIssuesFor('task.created', 'current', { resource: { anything: 1 }, context: null }),
		).toEqual([]);
		expect(
			schemaIssuesFor('message.failed', 'current', { resource: { id: 'AC1', errorCode: '30007' } }),
		).toEqual([]);
		expect(schemaIssuesFor('message.undelivered', 'current', { resource: { text: 5 } })).toEqual([
			'resource.text: Expected string, received number',
		]);
	});

	it('has nothing to say about events it does not know', () => {
		expect(schemaIssuesFor('integration.created', 'current', { resource: 5 })).toEqual([]);
		expect(schemaIssuesFor('constructor', 'current', null)).toEqual([]);
	});

	it('exports types that follow the seed document', () => {
		const contact = ContactResourceSchema.parse(seedData('contact.updated').resource);
		const field: CustomField = contact.customFields[0];
		const values = field.type === 'multi-select' ? field.value : [];
		expect(values).toEqual(['sales']);
	});
});

describe('schemaIssuesFor, legacy payloads', () => {
	it.each(Object.keys(legacySamples))('accepts the legacy sample %s', (name) => {
		const sample = legacySamples[name as keyof typeof legacySamples];
		expect(schemaIssuesFor(canonicalEventName(sample.type), 'legacy', sample.data.object)).toEqual(
			[],
		);
	});

	it('flags a message without `from` and with a malformed `to`', () => {
		const { from: _from, ...message } = legacySamples.messageReceivedV4Docs.data.object;
		expect(schemaIssuesFor('message.received', 'legacy', { ...message, to: 15555555555 })).toEqual([
			'data.object.from: Required',
			'data.object.to: Expected a string or an array of strings',
		]);
	});

	it('wants `text` or `body` on a message', () => {
		const { text: _text, ...message } = legacySamples.messageReceivedV4Docs.data.object;
		expect(schemaIssuesFor('message.received', 'legacy', message)).toEqual([
			'data.object.text: Expected `text` or `body`',
		]);
	});

	it('checks a legacy summary against the legacy shape (`status`), not the 2026-03-30 one', () => {
		const { status: _status, ...summary } = legacySamples.callSummaryDocs.data.object;
		expect(
			schemaIssuesFor('call.summary.completed', 'legacy', {
				...summary,
				processingStatus: 'completed',
			}),
		).toEqual(['data.object.status: Required']);
	});

	it('flags a transcript whose dialogue is malformed', () => {
		const transcript = clone(legacySamples.callTranscriptDocs.data.object);
		transcript.dialogue[0].start = '5s' as unknown as number;
		expect(schemaIssuesFor('call.transcript.completed', 'legacy', transcript)).toEqual([
			'data.object.dialogue[0].start: Expected number, received string',
		]);
	});

	it('has nothing to say about legacy events it does not know', () => {
		expect(schemaIssuesFor('task.due_date_changed', 'legacy', 'anything')).toEqual([]);
	});
});

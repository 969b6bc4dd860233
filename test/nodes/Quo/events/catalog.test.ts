import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import {
	QUO_EVENT_CATALOG,
	QUO_EVENT_NAMES,
	canonicalEventName,
	eventOptions,
	eventsForApiVersion,
	groupEventsByV1Family,
	v1FamilyOf,
} from '../../../../nodes/Quo/events/catalog';
import { openApiDir } from '../../../stand-in/test-support/spec-availability';

const specPath = path.join(
	openApiDir ?? path.resolve(__dirname, '../../../../../shared/quo-api'),
	'openapi-2026-03-30.json',
);
const specAvailable = existsSync(specPath);

interface OpenApiSpec {
	paths: Record<
		string,
		{
			post: {
				requestBody: {
					content: Record<
						string,
						{ schema: { properties: { events: { items: { enum: string[] } } } } }
					>;
				};
			};
		}
	>;
}

function specWebhookEvents(): string[] {
	const spec = JSON.parse(readFileSync(specPath, 'utf8')) as OpenApiSpec;
	return spec.paths['/webhooks'].post.requestBody.content['application/json'].schema.properties
		.events.items.enum;
}

describe('event catalog', () => {
	(specAvailable ? it : it.skip)(
		specAvailable
			? 'lists exactly the 28 events of the 2026-03-30 POST /webhooks enum'
			: `lists exactly the events of the 2026-03-30 spec (skipped: ${specPath} not found)`,
		() => {
			const specEvents = specWebhookEvents();
			expect(specEvents).toHaveLength(28);
			expect([...eventsForApiVersion('2026-03-30')].sort()).toEqual([...specEvents].sort());
			expect(new Set(QUO_EVENT_NAMES).size).toBe(QUO_EVENT_NAMES.length);
		},
	);

	it('offers only the seven v1 events on v1, each in its family', () => {
		expect(eventsForApiVersion('v1')).toEqual([
			'message.received',
			'message.delivered',
			'call.ringing',
			'call.completed',
			'call.recording.completed',
			'call.summary.completed',
			'call.transcript.completed',
		]);
		expect(
			Object.fromEntries(eventsForApiVersion('v1').map((event) => [event, v1FamilyOf(event)])),
		).toEqual({
			'message.received': 'messages',
			'message.delivered': 'messages',
			'call.ringing': 'calls',
			'call.completed': 'calls',
			'call.recording.completed': 'calls',
			'call.summary.completed': 'call-summaries',
			'call.transcript.completed': 'call-transcripts',
		});
	});

	it('has no v1 family for events that exist only on 2026-03-30, nor for unknown names', () => {
		expect(v1FamilyOf('contact.updated')).toBeNull();
		expect(v1FamilyOf('task.created')).toBeNull();
		expect(v1FamilyOf('call.missed')).toBeNull();
		expect(v1FamilyOf('message.failed')).toBeNull();
		expect(v1FamilyOf('no.such.event')).toBeNull();
		expect(v1FamilyOf('callSummary')).toBe('call-summaries');
	});

	it('describes every event for an n8n user and groups it by its prefix', () => {
		const groupByPrefix: Record<string, string> = {
			message: 'Messages',
			call: 'Calls',
			contact: 'Contacts',
			task: 'Tasks',
		};
		for (const definition of QUO_EVENT_CATALOG) {
			expect(definition.label).toMatch(/^[A-Z]/);
			expect(definition.description.length).toBeGreaterThan(10);
			expect(definition.group).toBe(groupByPrefix[definition.name.split('.')[0]]);
			expect(definition.apiVersions).toContain('2026-03-30');
			expect(definition.apiVersions.includes('v1')).toBe(definition.v1Family !== null);
		}
		expect(new Set(QUO_EVENT_CATALOG.map((definition) => definition.label)).size).toBe(
			QUO_EVENT_CATALOG.length,
		);
	});

	it('builds the event picker for one generation, sorted by label', () => {
		const v1Options = eventOptions('v1');
		expect(v1Options.map((option) => option.value)).toEqual([
			'call.completed',
			'call.recording.completed',
			'call.ringing',
			'call.summary.completed',
			'call.transcript.completed',
			'message.delivered',
			'message.received',
		]);
		expect(v1Options.find((option) => option.value === 'message.received')).toEqual({
			name: 'Message Received',
			value: 'message.received',
			description: 'An inbound SMS or MMS reached one of your Quo numbers',
		});

		const currentOptions = eventOptions('2026-03-30');
		const names = currentOptions.map((option) => option.name);
		expect(currentOptions).toHaveLength(28);
		expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
	});

	it('groups selected events by v1 family in catalog order, leaving out events v1 lacks', () => {
		const grouped = groupEventsByV1Family([
			'call.transcript.completed',
			'contact.updated',
			'call.completed',
			'message.received',
			'call.ringing',
			'task.created',
		]);
		expect([...grouped.entries()]).toEqual([
			['messages', ['message.received']],
			['calls', ['call.ringing', 'call.completed']],
			['call-transcripts', ['call.transcript.completed']],
		]);
		expect(groupEventsByV1Family([]).size).toBe(0);
	});

	it('maps the legacy type aliases to the dotted event names', () => {
		expect(canonicalEventName('callSummary')).toBe('call.summary.completed');
		expect(canonicalEventName('callTranscript')).toBe('call.transcript.completed');
		expect(canonicalEventName('message.received')).toBe('message.received');
		expect(canonicalEventName('toString')).toBe('toString');
		expect(canonicalEventName('')).toBe('');
	});
});

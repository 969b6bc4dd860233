import fc from 'fast-check';

import { QUO_EVENT_NAMES } from '../../nodes/Quo/events/catalog';
import { compiledCheck } from '../../nodes/Quo/events/compiledCheck';
import { schemaFor } from '../../nodes/Quo/events/schemas';
import { legacySamples, sampleEnvelope2026 } from '../fixtures/events';

type Json = unknown;

/** A copy of `value` with the node at a random path replaced by an arbitrary JSON value (or removed). */
function mutate(value: Json, path: number[], replacement: Json, remove: boolean): Json {
	if (typeof value !== 'object' || value === null || path.length === 0) return replacement;
	const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
	if (entries.length === 0) return replacement;
	const [key] = entries[path[0] % entries.length];
	const copy = (Array.isArray(value) ? [...value] : { ...value }) as Record<string | number, Json>;
	if (remove && path.length === 1 && !Array.isArray(value)) delete copy[key];
	else copy[key] = mutate(copy[key], path.slice(1), replacement, remove);
	return copy;
}

const mutation = fc.record({
	path: fc.array(fc.nat(40), { minLength: 1, maxLength: 6 }),
	replacement: fc.oneof(fc.jsonValue(), fc.constantFrom(null, '', 0, true, [], {}, 'incoming', 'matched')),
	remove: fc.boolean(),
});

const cases = [
	...QUO_EVENT_NAMES.map((event) => {
		const { data } = sampleEnvelope2026(event);
		return { name: `${event} (2026-03-30)`, schema: schemaFor(event, 'current')!, valid: { resource: data.resource, context: data.context } as Json };
	}),
	...Object.entries(legacySamples).map(([name, envelope]) => ({
		name: `${name} (legacy)`,
		schema: schemaFor(envelope.type === 'callSummary' ? 'call.summary.completed' : envelope.type === 'callTranscript' ? 'call.transcript.completed' : envelope.type, 'legacy')!,
		valid: envelope.data.object as Json,
	})),
];

describe('the compiled check answers exactly what zod answers', () => {
	test('every event schema compiles (none falls back to zod on the delivery path)', () => {
		expect(cases.filter(({ schema }) => compiledCheck(schema) === null).map(({ name }) => name)).toEqual([]);
	});

	test.each(cases)('$name: on the sample and on random mutations of it', ({ schema, valid }) => {
		const check = compiledCheck(schema)!;
		expect(check(valid)).toBe(true);
		fc.assert(
			fc.property(mutation, ({ path, replacement, remove }) => {
				const candidate = mutate(valid, path, replacement, remove);
				expect(check(candidate)).toBe(schema.safeParse(candidate).success);
			}),
			{ numRuns: 300 },
		);
	});

	test.each(cases)('$name: on arbitrary JSON', ({ schema }) => {
		const check = compiledCheck(schema)!;
		fc.assert(fc.property(fc.jsonValue(), (value) => check(value) === schema.safeParse(value).success), { numRuns: 200 });
	});
});

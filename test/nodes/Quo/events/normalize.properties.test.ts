import fc from 'fast-check';

import { canonicalEventName, QUO_EVENT_NAMES } from '../../../../nodes/Quo/events/catalog';
import { normalizeEvent, type QuoEvent } from '../../../../nodes/Quo/events/normalize';
import { schemaFor } from '../../../../nodes/Quo/events/schemas';
import { clone, legacySamples, sampleEnvelope2026 } from '../../../fixtures/events';

// Nothing is dropped: whatever arrives becomes one QuoEvent that carries what it could read, and it is flagged
// (`schemaIssues`) exactly when the payload does not match the known shape of its event. The oracle for "does
// not match" asks zod directly, not the normalizer's compiled fast path. (normalize.test.ts checks that any
// input yields a well-formed item; this file checks what the item says.)

type Json = ReturnType<typeof JSON.parse>;
type JsonRecord = Record<string, Json>;

const headers = { deliveryId: 'msg_property' };
const ITEM_KEYS = [
	'apiVersion',
	'context',
	'createdAt',
	'deliveryId',
	'event',
	'eventId',
	'links',
	'resource',
];
const ENVELOPE_STRINGS = [
	['type', 'event'],
	['id', 'eventId'],
	['apiVersion', 'apiVersion'],
	['createdAt', 'createdAt'],
] as const;

/** Every example Quo payload the package knows: all 28 2026-03-30 events and every legacy sample. */
const EXAMPLES: readonly JsonRecord[] = [
	...QUO_EVENT_NAMES.map((event) => sampleEnvelope2026(event)),
	...Object.values(legacySamples),
].map((envelope) => clone(envelope) as JsonRecord);

function isRecord(value: unknown): value is JsonRecord {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The contract's reading of a delivery: an envelope of four strings and a `data` object holding either the
 * 2026-03-30 `resource` (checked as `{resource, context}`) or the legacy `object`, each against its event's
 * schema when the event has one.
 */
function matchesKnownShape(body: Json): boolean {
	if (!isRecord(body) || !ENVELOPE_STRINGS.every(([key]) => typeof body[key] === 'string'))
		return false;
	const data = body.data;
	if (!isRecord(data)) return false;
	const legacy =
		data.resource === undefined && (data.object !== undefined || body.object === 'event');
	if (!isRecord(legacy ? data.object : data.resource)) return false;
	const schema = schemaFor(canonicalEventName(body.type as string), legacy ? 'legacy' : 'current');
	return schema === undefined || schema.safeParse(legacy ? data.object : data).success;
}

/** Every place in a JSON value (as key paths), the value itself included. */
function pathsOf(value: Json, path: Array<string | number> = []): Array<Array<string | number>> {
	const children = Array.isArray(value)
		? value.map((_, index) => index)
		: isRecord(value)
			? Object.keys(value)
			: [];
	return [path, ...children.flatMap((key) => pathsOf((value as JsonRecord)[key], [...path, key]))];
}

/** An own property, as JSON.parse makes it, even for a key like `__proto__`. */
function define(target: JsonRecord | Json[], key: string | number, value: Json): void {
	Object.defineProperty(target, key, {
		value,
		enumerable: true,
		writable: true,
		configurable: true,
	});
}

interface Mutation {
	at: number;
	kind: 'replace' | 'delete' | 'add';
	key: string;
	value: Json;
}

/** Applies the mutations one after another to a copy; each picks its place among the current value's paths. */
function mutate(example: JsonRecord, mutations: Mutation[]): Json {
	let root: Json = clone(example);
	for (const { at, kind, key, value } of mutations) {
		const paths = pathsOf(root);
		const path = paths[at % paths.length];
		const node = path.reduce((parent: Json, segment) => parent[segment], root);
		if (kind === 'add') {
			if (isRecord(node)) define(node, key, value);
		} else if (path.length === 0) {
			if (kind === 'replace') root = value;
		} else {
			const parent = path.slice(0, -1).reduce((ancestor: Json, segment) => ancestor[segment], root);
			const last = path[path.length - 1];
			if (kind === 'replace') define(parent, last, value);
			else if (isRecord(parent)) delete parent[last];
		}
	}
	return root;
}

const mutationArbitrary: fc.Arbitrary<Mutation> = fc.record({
	at: fc.nat(),
	kind: fc.constantFrom('replace', 'delete', 'add'),
	key: fc.oneof(
		fc.constantFrom('resource', 'object', 'context', 'data', 'type', 'text', 'from', '__proto__'),
		fc.string(),
	),
	value: fc.jsonValue({ maxDepth: 3 }),
});

const exampleArbitrary = fc.constantFrom(...EXAMPLES);

/** What an item must say about the body it came from, whatever the body. */
function expectFaithfulItem(body: Json, item: QuoEvent): void {
	const flagged = !matchesKnownShape(body);
	expect(Object.keys(item).sort()).toEqual(
		flagged ? [...ITEM_KEYS, 'schemaIssues'].sort() : ITEM_KEYS,
	);
	if (flagged) {
		expect(item.schemaIssues!.length).toBeGreaterThan(0);
		for (const issue of item.schemaIssues!) expect(typeof issue).toBe('string');
	}
	expect(item.deliveryId).toBe(headers.deliveryId);
	if (!isRecord(body)) return;
	for (const [key, field] of ENVELOPE_STRINGS) {
		const value = body[key];
		const expected =
			typeof value !== 'string' ? '' : key === 'type' ? canonicalEventName(value) : value;
		expect(item[field]).toBe(expected);
	}
	const data = body.data;
	if (isRecord(data) && data.resource !== undefined) {
		// A 2026-03-30 payload is passed on as sent, however broken.
		expect(item.resource).toStrictEqual(isRecord(data.resource) ? data.resource : {});
		expect(item.context).toStrictEqual(isRecord(data.context) ? data.context : null);
		expect(item.links.quo).toBe(
			isRecord(data.links) && typeof data.links.quo === 'string' ? data.links.quo : null,
		);
	}
}

describe('normalizeEvent keeps every delivery, flagged exactly when it does not match', () => {
	it('for the examples mutated anywhere: values replaced, keys removed or added, the whole body replaced', () => {
		const bodyArbitrary = fc.oneof(
			{
				arbitrary: fc
					.tuple(exampleArbitrary, fc.array(mutationArbitrary, { minLength: 1, maxLength: 4 }))
					.map(([example, mutations]) => mutate(example, mutations)),
				weight: 4,
			},
			{ arbitrary: fc.jsonValue(), weight: 1 },
		);
		fc.assert(
			fc.property(bodyArbitrary, (body) => expectFaithfulItem(body, normalizeEvent(body, headers))),
			{ numRuns: 2000 },
		);
	});

	it('never flags fields Quo adds later, at any level of any example', () => {
		// New keys only (names no payload uses), added inside any object: the shapes are open for additions.
		const additionArbitrary = fc.array(
			fc.record({
				at: fc.nat(),
				kind: fc.constant('add' as const),
				key: fc.string().map((name) => `x_${name}`),
				value: fc.jsonValue({ maxDepth: 2 }),
			}),
			{ minLength: 1, maxLength: 4 },
		);
		fc.assert(
			fc.property(exampleArbitrary, additionArbitrary, (example, additions) => {
				const body = mutate(example, additions);
				const item = normalizeEvent(body, headers);
				expect(item).not.toHaveProperty('schemaIssues');
				// ...and reach the item with the rest (a 2026-03-30 resource and context are passed on whole).
				expectFaithfulItem(body, item);
			}),
			{ numRuns: 1000 },
		);
	});
});

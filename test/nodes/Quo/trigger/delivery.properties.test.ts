import { createHash } from 'node:crypto';

import fc from 'fast-check';

import { canonicalEventName, QUO_EVENT_NAMES } from '../../../../nodes/Quo/events/catalog';
import { normalizeEvent } from '../../../../nodes/Quo/events/normalize';
import { signedDelivery, type SigningTarget } from '../../../fixtures/badDeliveries';
import { clone, legacySamples, sampleEnvelope2026 } from '../../../fixtures/events';
import { activate } from '../../../harness/triggerLifecycle';
import { postRaw } from '../../../stand-in/webhooks/http-post';
import { useTriggerWorld } from './support';

// Properties of whole deliveries on the trigger's real webhook path (HTTP, n8n-core's WebhookContext): every
// example survives any serialization Quo might choose, any signed body starts exactly one run, and no header
// content can get an unsigned delivery in or make the node fail.

const world = useTriggerWorld();

type Json = ReturnType<typeof JSON.parse>;

const EVENTS: Record<SigningTarget['generation'], string[]> = {
	'2026-03-30': [...QUO_EVENT_NAMES],
	v1: [
		'message.received',
		'message.delivered',
		'call.ringing',
		'call.completed',
		'call.recording.completed',
		'call.summary.completed',
		'call.transcript.completed',
	],
};

/** 2026-03-30: the sample of every event. v1: every legacy sample of an event a v1 subscription can carry. */
const EXAMPLES: Record<SigningTarget['generation'], Json[]> = {
	'2026-03-30': QUO_EVENT_NAMES.map((event) => sampleEnvelope2026(event)),
	v1: Object.values(clone(legacySamples)).filter((sample) => !sample.type.startsWith('contact.')),
};

/** An active trigger selecting every event of its generation (for the test, whose world resets before each). */
async function activeTrigger(generation: SigningTarget['generation']): Promise<SigningTarget> {
	const { setup, workflow, node } = world.workflowWith({
		apiVersion: generation,
		events: EVENTS[generation],
	});
	await activate(world.runtime, setup, workflow, node);
	const [subscription] =
		generation === 'v1' ? world.standIn.state.webhooksV1 : world.standIn.state.webhooks2026;
	return { generation, key: subscription.key };
}

async function send(headers: Record<string, string>, body: string): Promise<number> {
	return (await postRaw(world.url, headers, body, new AbortController().signal)).status;
}

const WHITESPACE = ['', ' ', '\n', '\t', '\r\n', '  \n\t '];

/** `text` as a JSON string literal, with every `escapeEvery`-th UTF-16 unit written as a \u escape (0: none). */
function jsonString(text: string, escapeEvery: number): string {
	if (escapeEvery === 0) return JSON.stringify(text);
	let out = '"';
	for (let index = 0; index < text.length; index++) {
		const unit = text.charCodeAt(index);
		out +=
			index % escapeEvery === 0
				? `\\u${unit.toString(16).padStart(4, '0')}`
				: JSON.stringify(text[index]).slice(1, -1);
	}
	return `${out}"`;
}

/** Another valid JSON text of the same value: keys in another order, other whitespace, other string escapes. */
function reserialize(value: Json, g: fc.GeneratorValue): string {
	const space = () => WHITESPACE[g(fc.nat, WHITESPACE.length - 1)];
	const string = (text: string) => jsonString(text, g(fc.nat, 6));
	const write = (node: Json): string => {
		if (Array.isArray(node))
			return `[${space()}${node.map(write).join(`${space()},${space()}`)}${space()}]`;
		if (typeof node === 'object' && node !== null) {
			const keys = Object.keys(node);
			const order = g(fc.shuffledSubarray, keys, {
				minLength: keys.length,
				maxLength: keys.length,
			});
			return `{${space()}${order.map((key) => `${string(key)}${space()}:${space()}${write(node[key])}`).join(`${space()},${space()}`)}${space()}}`;
		}
		return typeof node === 'string' ? string(node) : JSON.stringify(node);
	};
	return `${space()}${write(value)}${space()}`;
}

describe.each(['2026-03-30', 'v1'] as const)('%s deliveries, any input', (generation) => {
	test('every example, in any key order, whitespace and escaping, signed as sent, becomes the item of the example', async () => {
		const target = await activeTrigger(generation);
		let run = 0;
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...EXAMPLES[generation]), fc.gen(), async (sample, g) => {
				world.receiver.clear();
				// Its own event id, so that v1 (which dedupes on it) does not take it for a repeat of an earlier run.
				const example = { ...sample, id: `${sample.id}-${++run}` };
				const body = reserialize(example, g);
				expect(JSON.parse(body)).toEqual(example);
				const delivery = signedDelivery(target, body);

				expect(await send(delivery.headers, delivery.body)).toBe(200);
				expect(world.receiver.runs).toHaveLength(1);
				expect(world.receiver.runs[0]).toHaveLength(1);
				const expected = normalizeEvent(example, { deliveryId: delivery.deliveryId });
				expect(world.receiver.runs[0][0].json).toEqual(JSON.parse(JSON.stringify(expected)));
			}),
			{ numRuns: 200 },
		);
	});

	test('any signed body starts exactly one run, with the item the normalizer makes of it', async () => {
		const target = await activeTrigger(generation);
		/** What the trigger has already emitted: webhook-ids (2026-03-30) or event ids (v1). */
		const seen = new Set<string>();
		// JSON is sent as application/json; any other text as text/plain (n8n itself refuses non-JSON sent as JSON).
		const bodyArbitrary = fc.oneof(
			fc
				.jsonValue()
				.map((value) => ({ body: JSON.stringify(value), contentType: 'application/json' })),
			fc
				.string({ unit: 'grapheme', maxLength: 200 })
				.map((text) => ({ body: text, contentType: 'text/plain' })),
		);
		await fc.assert(
			fc.asyncProperty(bodyArbitrary, async ({ body, contentType }) => {
				world.receiver.clear();
				const delivery = signedDelivery(target, body, { contentType });
				let parsed: Json = body;
				try {
					parsed = JSON.parse(body);
				} catch {
					// text: the normalizer flags it
				}
				const envelope = typeof parsed === 'object' && parsed !== null ? parsed : {};
				// As the contract says: an event the node did not select, or a delivery it has emitted before, gets no run.
				const type =
					typeof envelope.type === 'string' ? canonicalEventName(envelope.type) : undefined;
				const selected = type === undefined || EVENTS[generation].includes(type);
				const expected = normalizeEvent(parsed, { deliveryId: delivery.deliveryId });
				// A v1 body without an event id is known by the hash of its bytes.
				if (expected.eventId === '' && delivery.deliveryId === null)
					expected.eventId = `sha256:${createHash('sha256').update(body).digest('hex')}`;
				const dedupeKey = delivery.deliveryId ?? expected.eventId;
				const repeated = seen.has(dedupeKey);

				expect(await send(delivery.headers, delivery.body)).toBe(200);
				expect(world.receiver.runs.map((items) => items.map((item) => item.json))).toEqual(
					selected && !repeated ? [[JSON.parse(JSON.stringify(expected))]] : [],
				);
				if (selected) seen.add(dedupeKey);
			}),
			{ numRuns: 200 },
		);
	});

	test('no signature header content gets a delivery in or makes the node fail: 401, no run', async () => {
		const target = await activeTrigger(generation);
		const names =
			generation === 'v1'
				? ['openphone-signature']
				: ['webhook-id', 'webhook-timestamp', 'webhook-signature'];
		const fragment = fc.oneof(
			fc.constantFrom(
				'v1,',
				'hmac;1;',
				';',
				',',
				' ',
				'=',
				String(Math.floor(Date.now() / 1000)),
				String(Date.now()),
			),
			fc.stringMatching(/^[A-Za-z0-9+/]{0,44}={0,2}$/),
			fc.stringMatching(/^[\t\x20-\x7e\x80-\xff]{0,12}$/),
		);
		const headerValue = fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join(''));
		const body = JSON.stringify(EXAMPLES[generation][0]);
		const genuine = signedDelivery(target, body);
		await fc.assert(
			fc.asyncProperty(
				fc.record(Object.fromEntries(names.map((name) => [name, headerValue]))),
				async (values) => {
					world.receiver.clear();
					const headers = { ...genuine.headers, ...values };
					expect(await send(headers, body)).toBe(401);
					expect(world.receiver.runs).toHaveLength(0);
				},
			),
			{ numRuns: 200 },
		);
	});
});

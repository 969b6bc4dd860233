import { createHash, createHmac } from 'node:crypto';

import fc from 'fast-check';

import {
	MIN_SIGNING_KEY_BYTES,
	verifyLegacySignature,
	verifyStandardWebhook,
} from '../../../../nodes/Quo/trigger/signature';

// Forgeries: a signature made over anything but the exact delivery (another key, body, id or timestamp) must
// never pass, alone or among other signatures; the genuine signature must pass wherever it stands among them.
// (signature.test.ts covers the worked examples, agreement with the standardwebhooks library, the window
// edges, and arbitrary header garbage.)

const NOW_MS = 1_775_000_000_000;
const WINDOW_SECONDS = 290;

/**
 * HMAC pads a key shorter than its 64-byte block with zeros and hashes a longer one, so `k` and `k` + "\0"
 * are the same key. Two keys are different keys only when these blocks differ.
 */
function hmacKeyBlock(key: Uint8Array): Buffer {
	const block = Buffer.alloc(64);
	(key.length > 64 ? createHash('sha256').update(key).digest() : Buffer.from(key)).copy(block);
	return block;
}

function hmacBase64(key: Uint8Array, ...parts: Array<string | Uint8Array>): string {
	const hmac = createHmac('sha256', key);
	for (const part of parts) hmac.update(part);
	return hmac.digest('base64');
}

const keyArbitrary = fc.uint8Array({ minLength: MIN_SIGNING_KEY_BYTES, maxLength: 80 });
const bodyArbitrary = fc
	.uint8Array({ maxLength: 2000, size: 'large' })
	.map((bytes) => Buffer.from(bytes));

/** Another body: an unrelated one, or this one with a byte changed, bytes added or its end cut off. */
function otherBody(body: Buffer): fc.Arbitrary<Buffer> {
	const variants = [
		bodyArbitrary,
		fc.uint8Array({ minLength: 1, maxLength: 8 }).map((extra) => Buffer.concat([body, extra])),
		fc.nat().map((length) => body.subarray(0, length % (body.length + 1))),
	];
	if (body.length > 0) {
		variants.push(
			fc.tuple(fc.nat(), fc.integer({ min: 1, max: 255 })).map(([index, mask]) => {
				const changed = Buffer.from(body);
				changed[index % changed.length] ^= mask;
				return changed;
			}),
		);
	}
	return fc.oneof(...variants);
}

/** Junk a header may carry besides signatures: other versions, bad base64, stray separators. */
const junkEntryArbitrary = fc.oneof(
	fc.constantFrom('v2,abc', 'v1,', 'v1a,AAAA', 'hmac;2;1;x', 'hmac;1;;', '==', 'v1,!!!'),
	fc.stringMatching(/^[!-~]{1,24}$/),
);

/** A genuine delivery, one to four forgeries of it, some junk entries, and a seed to shuffle them by. */
function forgeryScenario<D>(
	deliveryArbitrary: fc.Arbitrary<D>,
	forgeryOf: (genuine: D) => fc.Arbitrary<D>,
) {
	return deliveryArbitrary.chain((genuine) =>
		fc.record({
			genuine: fc.constant(genuine),
			forgeries: fc.array(forgeryOf(genuine), { minLength: 1, maxLength: 4 }),
			junk: fc.array(junkEntryArbitrary, { maxLength: 3 }),
			seed: fc.nat(),
		}),
	);
}

describe('verifyStandardWebhook never accepts a forgery', () => {
	interface Delivery {
		key: Uint8Array;
		id: string;
		timestamp: string;
		body: Buffer;
	}

	const freshSeconds = fc.integer({
		min: NOW_MS / 1000 - WINDOW_SECONDS,
		max: NOW_MS / 1000 + WINDOW_SECONDS,
	});
	/** Another spelling of a fresh time: leading zeros still parse to a fresh instant, but change the signed text. */
	const timestampArbitrary = fc
		.tuple(freshSeconds, fc.nat(2))
		.map(([seconds, zeros]) => '0'.repeat(zeros) + String(seconds));
	const idArbitrary = fc.string({ minLength: 1, maxLength: 40, size: 'medium' });
	const deliveryArbitrary: fc.Arbitrary<Delivery> = fc.record({
		key: keyArbitrary,
		id: idArbitrary,
		timestamp: freshSeconds.map(String),
		body: bodyArbitrary,
	});
	/** Another id: an unrelated one, or this one lengthened or with one character replaced. */
	const otherId = (id: string) =>
		fc.oneof(
			idArbitrary,
			idArbitrary.map((suffix) => id + suffix),
			fc.tuple(fc.nat(), fc.string({ minLength: 1, maxLength: 1 })).map(([index, char]) => {
				const at = index % id.length;
				return id.slice(0, at) + char + id.slice(at + 1);
			}),
		);
	/** The same delivery with one part changed: what an attacker signed, or replays under other headers. */
	const forgeryOf = (delivery: Delivery): fc.Arbitrary<Delivery> =>
		fc.oneof(
			keyArbitrary.map((key) => ({ ...delivery, key })),
			otherId(delivery.id).map((id) => ({ ...delivery, id })),
			timestampArbitrary.map((timestamp) => ({ ...delivery, timestamp })),
			otherBody(delivery.body).map((body) => ({ ...delivery, body })),
		);

	const signedContent = ({ id, timestamp, body }: Delivery) =>
		Buffer.concat([Buffer.from(`${id}.${timestamp}.`), body]);
	const sign = (delivery: Delivery) => `v1,${hmacBase64(delivery.key, signedContent(delivery))}`;
	/** A forgery is one only when it differs in key or in the bytes signed (`a.b` + `.1.` and `a` + `.b.1.` do not). */
	const isForgeryOf = (forgery: Delivery, genuine: Delivery) =>
		!hmacKeyBlock(forgery.key).equals(hmacKeyBlock(genuine.key)) ||
		!signedContent(forgery).equals(signedContent(genuine));

	function verify(genuine: Delivery, signatures: string[]) {
		const headers = {
			'webhook-id': genuine.id,
			'webhook-timestamp': genuine.timestamp,
			'webhook-signature': signatures.join(' '),
		};
		return verifyStandardWebhook(
			genuine.body,
			headers,
			`whsec_${Buffer.from(genuine.key).toString('base64')}`,
			NOW_MS,
		);
	}

	const scenario = forgeryScenario(deliveryArbitrary, forgeryOf);

	it('refuses signatures made with another key, id, timestamp or body, and accepts the genuine one among them', () => {
		fc.assert(
			fc.property(scenario, ({ genuine, forgeries, junk, seed }) => {
				fc.pre(forgeries.every((forgery) => isForgeryOf(forgery, genuine)));
				const wrong = shuffled([...forgeries.map(sign), ...junk], seed);
				expect(verify(genuine, wrong).valid).toBe(false);
				const withGenuine = [...wrong];
				withGenuine.splice(seed % (wrong.length + 1), 0, sign(genuine));
				expect(verify(genuine, withGenuine)).toEqual({ valid: true });
			}),
			{ numRuns: 500 },
		);
	});

	it('refuses the genuine signature on a delivery with another id, timestamp or body', () => {
		fc.assert(
			fc.property(scenario, ({ genuine, forgeries, junk, seed }) => {
				// What the receiver holds is the genuine key; only a change to the signed bytes is a forgery here.
				const changed = forgeries.filter(
					(forgery) => !signedContent(forgery).equals(signedContent(genuine)),
				);
				for (const forgery of changed) {
					expect(
						verify({ ...forgery, key: genuine.key }, shuffled([sign(genuine), ...junk], seed))
							.valid,
					).toBe(false);
				}
			}),
			{ numRuns: 500 },
		);
	});
});

describe('verifyLegacySignature never accepts a forgery', () => {
	interface Delivery {
		key: Uint8Array;
		timestamp: string;
		body: Buffer;
	}

	const freshMs = fc.integer({
		min: NOW_MS - WINDOW_SECONDS * 1000,
		max: NOW_MS + WINDOW_SECONDS * 1000,
	});
	/** Milliseconds (13 digits, as Quo sends) or seconds (10 digits), both read as fresh. */
	const timestampArbitrary = fc.oneof(
		freshMs.map(String),
		freshMs.map((ms) => String(Math.floor(ms / 1000))),
	);
	const deliveryArbitrary: fc.Arbitrary<Delivery> = fc.record({
		key: keyArbitrary,
		timestamp: freshMs.map(String),
		body: bodyArbitrary,
	});
	const forgeryOf = (delivery: Delivery): fc.Arbitrary<Delivery> =>
		fc.oneof(
			keyArbitrary.map((key) => ({ ...delivery, key })),
			timestampArbitrary.map((timestamp) => ({ ...delivery, timestamp })),
			// The same instant in seconds: read as fresh too, but another signed text.
			fc.constant({
				...delivery,
				timestamp: String(Math.floor(Number(delivery.timestamp) / 1000)),
			}),
			otherBody(delivery.body).map((body) => ({ ...delivery, body })),
		);

	const signedContent = ({ timestamp, body }: Delivery) =>
		Buffer.concat([Buffer.from(`${timestamp}.`), body]);
	const signature = (delivery: Delivery) => hmacBase64(delivery.key, signedContent(delivery));
	const isForgeryOf = (forgery: Delivery, genuine: Delivery) =>
		!hmacKeyBlock(forgery.key).equals(hmacKeyBlock(genuine.key)) ||
		!signedContent(forgery).equals(signedContent(genuine));

	/** A header entry that claims one delivery's timestamp and carries another's signature. */
	const entryClaiming = (claimed: Delivery, signed: Delivery) =>
		`hmac;1;${claimed.timestamp};${signature(signed)}`;
	/** The header entry of a delivery as it was signed (its own timestamp). */
	const entryOf = (delivery: Delivery) => `hmac;1;${delivery.timestamp};${signature(delivery)}`;

	function verify(genuine: Delivery, entries: string[]) {
		const headers = { 'openphone-signature': entries.join(',') };
		return verifyLegacySignature(
			genuine.body,
			headers,
			Buffer.from(genuine.key).toString('base64'),
			NOW_MS,
		);
	}

	const scenario = forgeryScenario(deliveryArbitrary, forgeryOf);

	it('refuses signatures made with another key, timestamp or body, whatever the timestamp they claim', () => {
		fc.assert(
			fc.property(scenario, ({ genuine, forgeries, junk, seed }) => {
				fc.pre(forgeries.every((forgery) => isForgeryOf(forgery, genuine)));
				// An entry as a forgery was signed carries its own timestamp: it is a forgery only with another key or body.
				const asSigned = forgeries.filter((forgery) =>
					isForgeryOf({ ...forgery, timestamp: genuine.timestamp }, genuine),
				);
				const entries = shuffled(
					[
						...forgeries.map((forgery) => entryClaiming(genuine, forgery)),
						...asSigned.map(entryOf),
						...junk,
					],
					seed,
				);
				expect(verify(genuine, entries).valid).toBe(false);
			}),
			{ numRuns: 500 },
		);
	});

	it('refuses the genuine signature on a delivery with another timestamp or body', () => {
		fc.assert(
			fc.property(scenario, ({ genuine, forgeries, junk, seed }) => {
				const changed = forgeries.filter(
					(forgery) => !signedContent(forgery).equals(signedContent(genuine)),
				);
				for (const forgery of changed) {
					// The genuine signature claiming the changed timestamp; and, when the body changed, as it was signed.
					const entries = [
						entryClaiming(forgery, genuine),
						...(forgery.body.equals(genuine.body) ? [] : [entryOf(genuine)]),
					];
					expect(
						verify({ ...forgery, key: genuine.key }, shuffled([...entries, ...junk], seed)).valid,
					).toBe(false);
				}
			}),
			{ numRuns: 500 },
		);
	});

	it('accepts the genuine entry wherever it stands among entries forged at the same instant', () => {
		// Quo signs every entry of one delivery at one instant (a key rotation adds one); junk is ignored.
		const scenario = deliveryArbitrary.chain((genuine) =>
			fc.record({
				genuine: fc.constant(genuine),
				otherKeys: fc.array(keyArbitrary, { minLength: 1, maxLength: 4 }),
				otherBodies: fc.array(otherBody(genuine.body), { maxLength: 2 }),
				junk: fc.array(junkEntryArbitrary, { maxLength: 3 }),
				seed: fc.nat(),
			}),
		);
		fc.assert(
			fc.property(scenario, ({ genuine, otherKeys, otherBodies, junk, seed }) => {
				const forgeries = [
					...otherKeys.map((key) => ({ ...genuine, key })),
					...otherBodies.map((body) => ({ ...genuine, body })),
				];
				fc.pre(forgeries.every((forgery) => isForgeryOf(forgery, genuine)));
				const wrong = shuffled([...forgeries.map(entryOf), ...junk], seed);
				expect(verify(genuine, wrong)).toEqual({ valid: false, reason: 'mismatch' });
				const withGenuine = [...wrong];
				withGenuine.splice(seed % (wrong.length + 1), 0, entryOf(genuine));
				expect(verify(genuine, withGenuine)).toEqual({ valid: true });
			}),
			{ numRuns: 500 },
		);
	});
});

/** A deterministic shuffle (Fisher-Yates driven by a small LCG), so a failing case replays exactly. */
function shuffled<T>(items: T[], seed: number): T[] {
	const result = [...items];
	let state = seed >>> 0;
	for (let i = result.length - 1; i > 0; i--) {
		state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
		const j = state % (i + 1);
		[result[i], result[j]] = [result[j], result[i]];
	}
	return result;
}

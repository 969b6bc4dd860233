import nodeCrypto = require('node:crypto');
import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';

import type { DeliveryHeaders, SignatureCheck } from '../../../../nodes/Quo/trigger/signature';
import {
	verifyLegacySignature,
	verifyStandardWebhook,
} from '../../../../nodes/Quo/trigger/signature';

// Worked examples from reference/quo-api.md §5.4.
const STANDARD = {
	secret: 'whsec_cXVvLW44bi10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5YWI=',
	id: 'msg_2abcDEFghiJKLmnoPQRstu',
	timestamp: '1775000000',
	body: '{"id":"EV123","apiVersion":"2026-03-30","createdAt":"2026-04-13T12:00:00.000Z","type":"call.summary.completed","data":{"resource":{},"context":{},"links":{"quo":null}}}',
	signature: 'v1,8K+ZMFzCqB/otqcvihtDr5DMgbnuyP09gB2dZEvYh5A=',
	nowMs: 1_775_000_000_000,
};

const LEGACY = {
	key: 'R2ZLM2o0bFhBNVpyUnU2NG9mYXQ1MHNyR3pvSUhIVVg=',
	timestamp: '1639710054089',
	body: '{"id":"EVc67ec998b35c41d388af50799aeeba3e","object":"event","apiVersion":"v4","createdAt":"2022-01-23T16:55:52.557Z","type":"message.received","data":{"object":{"id":"AC24a8b8321c4f4cf2be110f4250793d51","object":"message","from":"+19876543210","to":["+15555555555"],"direction":"incoming","text":"Hello, world!","status":"delivered","createdAt":"2022-01-23T16:55:52.420Z","userId":"USu5AsEHuQ","phoneNumberId":"PNtoDbDhuz"}}}',
	signature: 'RJ2ovDJl3G0KsYaBMSwSlu2RhaN8GBqWU06SGG8zxM0=',
	nowMs: 1_639_710_054_089,
};

const OTHER_STANDARD_SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const OTHER_LEGACY_KEY = Buffer.alloc(32, 9).toString('base64');
const FIVE_MINUTES_MS = 5 * 60 * 1000;

const VALID: SignatureCheck = { valid: true };
const rejected = (reason: string) => ({ valid: false, reason });

function standardHeaders(
	overrides: Record<string, string | string[] | undefined> = {},
): DeliveryHeaders {
	return {
		'webhook-id': STANDARD.id,
		'webhook-timestamp': STANDARD.timestamp,
		'webhook-signature': STANDARD.signature,
		...overrides,
	};
}

function verifyStandard(
	headers: DeliveryHeaders = standardHeaders(),
	body: Buffer = Buffer.from(STANDARD.body),
	secret: string | undefined = STANDARD.secret,
	nowMs = STANDARD.nowMs,
): SignatureCheck {
	return verifyStandardWebhook(body, headers, secret, nowMs);
}

function legacyHeader(timestamp = LEGACY.timestamp, signature = LEGACY.signature): string {
	return `hmac;1;${timestamp};${signature}`;
}

function verifyLegacy(
	header: string | string[] | undefined = legacyHeader(),
	body: Buffer = Buffer.from(LEGACY.body),
	key: string | undefined = LEGACY.key,
	nowMs = LEGACY.nowMs,
): SignatureCheck {
	return verifyLegacySignature(body, { 'openphone-signature': header }, key, nowMs);
}

/** An independent reading of the legacy scheme, for timestamps the worked example does not cover. */
function signLegacy(key: string, timestamp: string, body: string | Buffer): string {
	return nodeCrypto
		.createHmac('sha256', Buffer.from(key, 'base64'))
		.update(Buffer.concat([Buffer.from(`${timestamp}.`), Buffer.from(body)]))
		.digest('base64');
}

/** An independent reading of the Standard Webhooks scheme, to check that the library agrees with it. */
function signStandard(secret: string, id: string, timestamp: number, body: string): string {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	const digest = nodeCrypto
		.createHmac('sha256', key)
		.update(Buffer.concat([Buffer.from(`${id}.${timestamp}.`), Buffer.from(body)]))
		.digest('base64');
	return `v1,${digest}`;
}

function withFlippedByte(body: string, index: number, mask: number): Buffer {
	const bytes = Buffer.from(body);
	bytes[index] ^= mask;
	return bytes;
}

afterEach(() => {
	jest.restoreAllMocks();
});

describe('verifyStandardWebhook (2026-03-30)', () => {
	it('accepts the worked example', () => {
		expect(verifyStandard()).toEqual(VALID);
	});

	it('accepts the secret without its whsec_ prefix', () => {
		expect(
			verifyStandard(standardHeaders(), undefined, STANDARD.secret.slice('whsec_'.length)),
		).toEqual(VALID);
	});

	it('rejects the body with any one byte flipped', () => {
		const bodyLength = Buffer.byteLength(STANDARD.body);
		fc.assert(
			fc.property(fc.nat(bodyLength - 1), fc.integer({ min: 1, max: 255 }), (index, mask) => {
				const body = withFlippedByte(STANDARD.body, index, mask);
				expect(verifyStandard(standardHeaders(), body)).toEqual(rejected('mismatch'));
			}),
		);
	});

	it('rejects an extra trailing byte and an empty body', () => {
		expect(verifyStandard(standardHeaders(), Buffer.from(`${STANDARD.body}\n`))).toEqual(
			rejected('mismatch'),
		);
		expect(verifyStandard(standardHeaders(), Buffer.alloc(0))).toEqual(rejected('mismatch'));
	});

	it('rejects another key, another id and another timestamp', () => {
		expect(verifyStandard(standardHeaders(), undefined, OTHER_STANDARD_SECRET)).toEqual(
			rejected('mismatch'),
		);
		expect(verifyStandard(standardHeaders({ 'webhook-id': `${STANDARD.id}x` }))).toEqual(
			rejected('mismatch'),
		);
		expect(verifyStandard(standardHeaders({ 'webhook-timestamp': '1775000001' }))).toEqual(
			rejected('mismatch'),
		);
	});

	it('accepts timestamps up to five minutes off and rejects stale and future ones', () => {
		expect(
			verifyStandard(undefined, undefined, undefined, STANDARD.nowMs + FIVE_MINUTES_MS),
		).toEqual(VALID);
		expect(
			verifyStandard(undefined, undefined, undefined, STANDARD.nowMs - FIVE_MINUTES_MS),
		).toEqual(VALID);
		expect(
			verifyStandard(undefined, undefined, undefined, STANDARD.nowMs + FIVE_MINUTES_MS + 1000),
		).toEqual(rejected('stale-timestamp'));
		expect(
			verifyStandard(undefined, undefined, undefined, STANDARD.nowMs - FIVE_MINUTES_MS - 1000),
		).toEqual(rejected('stale-timestamp'));
	});

	it('fails closed when the clock is not a number', () => {
		expect(verifyStandard(undefined, undefined, undefined, Number.NaN)).toEqual(
			rejected('stale-timestamp'),
		);
	});

	it('accepts several signatures when one of them matches, ignoring other versions', () => {
		const wrong = `v1,${Buffer.alloc(32, 1).toString('base64')}`;
		const signatures = [
			`${wrong} ${STANDARD.signature}`,
			`${STANDARD.signature} ${wrong}`,
			`v1a,${STANDARD.signature.slice(3)} garbage v2,abc ${STANDARD.signature}`,
			`  ${wrong}   ${STANDARD.signature}  `,
		];
		for (const signature of signatures) {
			expect(verifyStandard(standardHeaders({ 'webhook-signature': signature }))).toEqual(VALID);
		}
		expect(
			verifyStandard(standardHeaders({ 'webhook-signature': [wrong, STANDARD.signature] })),
		).toEqual(VALID);
		expect(verifyStandard(standardHeaders({ 'webhook-signature': `${wrong} ${wrong}` }))).toEqual(
			rejected('mismatch'),
		);
	});

	it('does not accept the right signature under another version prefix', () => {
		const signature = `v2,${STANDARD.signature.slice(3)}`;
		expect(verifyStandard(standardHeaders({ 'webhook-signature': signature }))).toEqual(
			rejected('malformed-header'),
		);
	});

	it('computes the HMAC once however many signatures are offered', () => {
		const createHmac = jest.spyOn(nodeCrypto, 'createHmac');
		const wrong = `v1,${Buffer.alloc(32, 1).toString('base64')}`;
		const signature = [...Array<string>(50).fill(wrong), STANDARD.signature].join(' ');
		expect(verifyStandard(standardHeaders({ 'webhook-signature': signature }))).toEqual(VALID);
		expect(createHmac).toHaveBeenCalledTimes(1);
	});

	it.each(['webhook-id', 'webhook-timestamp', 'webhook-signature'])(
		'rejects a missing or empty %s',
		(name) => {
			expect(verifyStandard(standardHeaders({ [name]: undefined }))).toEqual(
				rejected('missing-header'),
			);
			expect(verifyStandard(standardHeaders({ [name]: '' }))).toEqual(rejected('missing-header'));
			expect(verifyStandard(standardHeaders({ [name]: [] }))).toEqual(rejected('missing-header'));
		},
	);

	it.each([
		['a non-numeric timestamp', { 'webhook-timestamp': '1775000000abc' }],
		['a negative timestamp', { 'webhook-timestamp': '-1775000000' }],
		['a fractional timestamp', { 'webhook-timestamp': '1775000000.5' }],
		['two ids', { 'webhook-id': [STANDARD.id, 'msg_other'] }],
		['two timestamps', { 'webhook-timestamp': [STANDARD.timestamp, STANDARD.timestamp] }],
		['a signature without a version', { 'webhook-signature': STANDARD.signature.slice(3) }],
		['a signature that is not base64', { 'webhook-signature': 'v1,!!!not-base64!!!' }],
		['a truncated signature', { 'webhook-signature': STANDARD.signature.slice(0, -4) }],
		['a signature with trailing junk', { 'webhook-signature': `${STANDARD.signature}AAAA` }],
		['an empty v1 signature', { 'webhook-signature': 'v1,' }],
	])('rejects %s as malformed', (_, overrides) => {
		expect(verifyStandard(standardHeaders(overrides))).toEqual(rejected('malformed-header'));
	});

	it.each([undefined, '', 'whsec_', '   ', 'whsec_!!!', 'not base64 at all', 'whsec_abc'])(
		'rejects the unusable secret %p',
		(secret) => {
			const check = verifyStandardWebhook(
				Buffer.from(STANDARD.body),
				standardHeaders(),
				secret,
				STANDARD.nowMs,
			);
			expect(check).toEqual(rejected('no-secret'));
		},
	);

	it('finds header names in any letter case', () => {
		const headers = {
			'Webhook-Id': STANDARD.id,
			'WEBHOOK-TIMESTAMP': STANDARD.timestamp,
			'webhook-Signature': STANDARD.signature,
		};
		expect(verifyStandard(headers)).toEqual(VALID);
	});

	it('takes a header from an object without a prototype', () => {
		const headers: Record<string, string> = Object.create(null) as Record<string, string>;
		Object.assign(headers, standardHeaders());
		expect(verifyStandard(headers)).toEqual(VALID);
	});

	it('reads the raw bytes, so a body that is not UTF-8 still verifies', () => {
		const body = Buffer.from([0xff, 0xfe, 0x00, 0x80, 0x7b, 0x7d]);
		const key = Buffer.alloc(24, 3).toString('base64');
		const digest = nodeCrypto
			.createHmac('sha256', Buffer.from(key, 'base64'))
			.update(Buffer.concat([Buffer.from(`${STANDARD.id}.${STANDARD.timestamp}.`), body]))
			.digest('base64');
		const headers = standardHeaders({ 'webhook-signature': `v1,${digest}` });
		expect(verifyStandard(headers, body, `whsec_${key}`)).toEqual(VALID);
	});
});

describe('verifyStandardWebhook against the standardwebhooks library', () => {
	const nowMs = STANDARD.nowMs;
	const nowSeconds = nowMs / 1000;

	beforeEach(() => {
		jest.spyOn(Date, 'now').mockReturnValue(nowMs);
	});

	const secretArbitrary = fc
		.uint8Array({ minLength: 24, maxLength: 32 })
		.map((bytes) => `whsec_${Buffer.from(bytes).toString('base64')}`);
	const idArbitrary = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 64 });
	const bodyArbitrary = fc.string({ unit: 'binary', maxLength: 2000 });
	const timestampArbitrary = fc.integer({ min: nowSeconds - 290, max: nowSeconds + 290 });
	const deliveryArbitrary = fc.record({
		secret: secretArbitrary,
		id: idArbitrary,
		body: bodyArbitrary,
		timestamp: timestampArbitrary,
	});

	/** The Standard Webhooks headers of one delivery. */
	function headersOf(id: string, timestamp: number, signature: string) {
		return {
			'webhook-id': id,
			'webhook-timestamp': String(timestamp),
			'webhook-signature': signature,
		};
	}

	function libraryAccepts(
		secret: string,
		id: string,
		timestamp: number,
		body: string,
		signature: string,
	): boolean {
		const headers = headersOf(id, timestamp, signature);
		try {
			new Webhook(secret).verify(body, headers, { jsonParse: false });
			return true;
		} catch {
			return false;
		}
	}

	function weAccept(
		secret: string,
		id: string,
		timestamp: number,
		body: string,
		signature: string,
	): boolean {
		const headers = headersOf(id, timestamp, signature);
		return verifyStandardWebhook(Buffer.from(body), headers, secret, nowMs).valid;
	}

	it('accepts what the library signs', () => {
		fc.assert(
			fc.property(deliveryArbitrary, ({ secret, id, body, timestamp }) => {
				const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
				expect(weAccept(secret, id, timestamp, body, signature)).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});

	it('signs what the library accepts', () => {
		fc.assert(
			fc.property(deliveryArbitrary, ({ secret, id, body, timestamp }) => {
				const signature = signStandard(secret, id, timestamp, body);
				expect(libraryAccepts(secret, id, timestamp, body, signature)).toBe(true);
				expect(weAccept(secret, id, timestamp, body, signature)).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});

	it('agrees with the library in rejecting a changed body, id or timestamp', () => {
		const mutationArbitrary = fc.oneof(
			fc.record({
				kind: fc.constant('body' as const),
				suffix: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }),
			}),
			fc.record({
				kind: fc.constant('id' as const),
				suffix: fc.stringMatching(/^[A-Za-z0-9]{1,8}$/),
			}),
			fc.record({ kind: fc.constant('timestamp' as const), shift: fc.integer({ min: 1, max: 5 }) }),
		);
		fc.assert(
			fc.property(
				deliveryArbitrary,
				mutationArbitrary,
				({ secret, id, body, timestamp }, mutation) => {
					const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
					let [sentId, sentTimestamp, sentBody] = [id, timestamp, body];
					if (mutation.kind === 'body') sentBody = body + mutation.suffix;
					if (mutation.kind === 'id') sentId = id + mutation.suffix;
					if (mutation.kind === 'timestamp') sentTimestamp = timestamp + mutation.shift;
					expect(libraryAccepts(secret, sentId, sentTimestamp, sentBody, signature)).toBe(false);
					expect(weAccept(secret, sentId, sentTimestamp, sentBody, signature)).toBe(false);
				},
			),
			{ numRuns: 300 },
		);
	});

	it('agrees with the library on timestamps outside the window', () => {
		fc.assert(
			fc.property(
				deliveryArbitrary,
				fc.integer({ min: 301, max: 100_000 }),
				fc.boolean(),
				({ secret, id, body }, offset, future) => {
					const timestamp = future ? nowSeconds + offset : nowSeconds - offset;
					const signature = new Webhook(secret).sign(id, new Date(timestamp * 1000), body);
					expect(libraryAccepts(secret, id, timestamp, body, signature)).toBe(false);
					expect(weAccept(secret, id, timestamp, body, signature)).toBe(false);
				},
			),
			{ numRuns: 100 },
		);
	});
});

describe('verifyLegacySignature (v1)', () => {
	it('accepts the worked example', () => {
		expect(verifyLegacy()).toEqual(VALID);
	});

	it('rejects the body with any one byte flipped', () => {
		const bodyLength = Buffer.byteLength(LEGACY.body);
		fc.assert(
			fc.property(fc.nat(bodyLength - 1), fc.integer({ min: 1, max: 255 }), (index, mask) => {
				const body = withFlippedByte(LEGACY.body, index, mask);
				expect(verifyLegacy(undefined, body)).toEqual(rejected('mismatch'));
			}),
		);
	});

	it('rejects another key and another timestamp', () => {
		expect(verifyLegacy(undefined, undefined, OTHER_LEGACY_KEY)).toEqual(rejected('mismatch'));
		expect(verifyLegacy(legacyHeader('1639710054090'))).toEqual(rejected('mismatch'));
	});

	it('does not verify the re-serialised body the docs sample hashes', () => {
		const reserialised = Buffer.from(JSON.stringify(JSON.parse(LEGACY.body), null, 1));
		expect(verifyLegacy(undefined, reserialised)).toEqual(rejected('mismatch'));
	});

	it('reads a 10-digit timestamp as seconds', () => {
		const timestamp = '1639710054';
		const header = legacyHeader(timestamp, signLegacy(LEGACY.key, timestamp, LEGACY.body));
		expect(verifyLegacy(header)).toEqual(VALID);
		expect(verifyLegacy(header, undefined, undefined, 1_639_710_054_000 + FIVE_MINUTES_MS)).toEqual(
			VALID,
		);
		expect(
			verifyLegacy(header, undefined, undefined, 1_639_710_054_000 + FIVE_MINUTES_MS + 1000),
		).toEqual(rejected('stale-timestamp'));
	});

	it('accepts timestamps up to five minutes off and rejects stale and future ones', () => {
		expect(verifyLegacy(undefined, undefined, undefined, LEGACY.nowMs + FIVE_MINUTES_MS)).toEqual(
			VALID,
		);
		expect(verifyLegacy(undefined, undefined, undefined, LEGACY.nowMs - FIVE_MINUTES_MS)).toEqual(
			VALID,
		);
		expect(
			verifyLegacy(undefined, undefined, undefined, LEGACY.nowMs + FIVE_MINUTES_MS + 1),
		).toEqual(rejected('stale-timestamp'));
		expect(
			verifyLegacy(undefined, undefined, undefined, LEGACY.nowMs - FIVE_MINUTES_MS - 1),
		).toEqual(rejected('stale-timestamp'));
		expect(verifyLegacy(undefined, undefined, undefined, Number.NaN)).toEqual(
			rejected('stale-timestamp'),
		);
	});

	it('accepts several comma-separated entries when one of them matches', () => {
		const wrong = legacyHeader(undefined, Buffer.alloc(32, 1).toString('base64'));
		const stale = legacyHeader(
			'1639700000000',
			signLegacy(LEGACY.key, '1639700000000', LEGACY.body),
		);
		for (const header of [
			`${wrong},${legacyHeader()}`,
			`${legacyHeader()},${wrong}`,
			`${wrong}, ${legacyHeader()}`,
			`garbage,hmac;2;1;x,${stale},${legacyHeader()}`,
		]) {
			expect(verifyLegacy(header)).toEqual(VALID);
		}
		expect(verifyLegacy([wrong, legacyHeader()])).toEqual(VALID);
		expect(verifyLegacy(`${wrong},${wrong}`)).toEqual(rejected('mismatch'));
	});

	it('rejects a delivery whose only well-formed entries are stale', () => {
		const stale = legacyHeader(
			'1639700000000',
			signLegacy(LEGACY.key, '1639700000000', LEGACY.body),
		);
		expect(verifyLegacy(`${stale},garbage`)).toEqual(rejected('stale-timestamp'));
	});

	it('computes one HMAC per distinct timestamp, and at most a few', () => {
		const createHmac = jest.spyOn(nodeCrypto, 'createHmac');
		const wrongSignature = Buffer.alloc(32, 1).toString('base64');
		const sameTimestamp = [
			...Array<string>(20).fill(legacyHeader(undefined, wrongSignature)),
			legacyHeader(),
		];
		expect(verifyLegacy(sameTimestamp.join(','))).toEqual(VALID);
		expect(createHmac).toHaveBeenCalledTimes(1);

		createHmac.mockClear();
		const manyTimestamps = Array.from({ length: 500 }, (_, offset) =>
			legacyHeader(String(LEGACY.nowMs + offset), wrongSignature),
		);
		expect(verifyLegacy(manyTimestamps.join(','))).toEqual(rejected('mismatch'));
		expect(createHmac.mock.calls.length).toBeLessThanOrEqual(4);
	});

	it('rejects a missing or empty header', () => {
		expect(verifyLegacySignature(Buffer.from(LEGACY.body), {}, LEGACY.key, LEGACY.nowMs)).toEqual(
			rejected('missing-header'),
		);
		expect(verifyLegacy('')).toEqual(rejected('missing-header'));
		expect(verifyLegacy([])).toEqual(rejected('missing-header'));
	});

	it.each([
		['three fields', `hmac;1;${LEGACY.timestamp}`],
		['five fields', `${legacyHeader()};extra`],
		['another scheme', `sha;1;${LEGACY.timestamp};${LEGACY.signature}`],
		['another version', `hmac;2;${LEGACY.timestamp};${LEGACY.signature}`],
		['a non-numeric timestamp', legacyHeader('16397100540x9')],
		['an ISO timestamp', legacyHeader('2021-12-17T03:00:54Z')],
		['a signature that is not base64', legacyHeader(undefined, '!!!')],
		['a truncated signature', legacyHeader(undefined, LEGACY.signature.slice(0, 40))],
		['the Standard Webhooks format', STANDARD.signature],
		['only separators', ',,;;,'],
	])('rejects %s as malformed', (_, header) => {
		expect(verifyLegacy(header)).toEqual(rejected('malformed-header'));
	});

	it.each([undefined, '', '   ', '!!!', 'not base64 at all', 'abc'])(
		'rejects the unusable key %p',
		(key) => {
			const headers = { 'openphone-signature': legacyHeader() };
			const check = verifyLegacySignature(Buffer.from(LEGACY.body), headers, key, LEGACY.nowMs);
			expect(check).toEqual(rejected('no-secret'));
		},
	);

	it('finds header names in any letter case', () => {
		for (const name of ['OpenPhone-Signature', 'OPENPHONE-SIGNATURE', 'openphone-Signature']) {
			const headers = { [name]: legacyHeader() };
			expect(
				verifyLegacySignature(Buffer.from(LEGACY.body), headers, LEGACY.key, LEGACY.nowMs),
			).toEqual(VALID);
		}
	});
});

describe('both verifiers on arbitrary input', () => {
	const REASONS = [
		'missing-header',
		'malformed-header',
		'stale-timestamp',
		'mismatch',
		'no-secret',
	];
	const HEADER_NAMES = [
		'webhook-id',
		'Webhook-Id',
		'webhook-timestamp',
		'WEBHOOK-TIMESTAMP',
		'webhook-signature',
		'Webhook-Signature',
		'openphone-signature',
		'OpenPhone-Signature',
	];
	const fragment = fc.oneof(
		fc.constantFrom(
			'v1,',
			'v2,',
			'hmac;1;',
			'hmac',
			';',
			',',
			' ',
			'=',
			'==',
			'1775000000',
			'1639710054089',
		),
		fc.constantFrom(STANDARD.signature, LEGACY.signature, STANDARD.id),
		fc.string({ unit: 'binary', maxLength: 12 }),
		fc.stringMatching(/^[A-Za-z0-9+/]{0,48}={0,2}$/),
	);
	const headerValue = fc.oneof(
		fc.array(fragment, { maxLength: 8 }).map((parts) => parts.join('')),
		fc.array(
			fc.array(fragment, { maxLength: 4 }).map((parts) => parts.join('')),
			{ maxLength: 3 },
		),
		fc.constant(undefined),
	);
	const headersArbitrary = fc.dictionary(
		fc.oneof(fc.constantFrom(...HEADER_NAMES), fc.string({ maxLength: 20 })),
		headerValue,
		{ maxKeys: 8 },
	);
	const secretArbitrary = fc.oneof(
		fc.constant(undefined),
		fc.constantFrom(STANDARD.secret, LEGACY.key, 'whsec_', ''),
		fc.string({ unit: 'binary', maxLength: 60 }),
		fc.stringMatching(/^(whsec_)?[A-Za-z0-9+/]{0,44}={0,2}$/),
	);
	const bodyArbitrary = fc.uint8Array({ maxLength: 256 }).map((bytes) => Buffer.from(bytes));
	const clockArbitrary = fc.oneof(
		fc.constantFrom(STANDARD.nowMs, LEGACY.nowMs),
		fc.double(),
		fc.integer(),
	);

	function expectWellFormedResult(check: SignatureCheck): void {
		if (!check.valid) expect(REASONS).toContain(check.reason);
	}

	it('never throw and always answer with a known reason', () => {
		fc.assert(
			fc.property(
				headersArbitrary,
				bodyArbitrary,
				secretArbitrary,
				clockArbitrary,
				(headers, body, secret, now) => {
					expectWellFormedResult(verifyStandardWebhook(body, headers, secret, now));
					expectWellFormedResult(verifyLegacySignature(body, headers, secret, now));
				},
			),
			{ numRuns: 2000 },
		);
	});

	it('cope with huge headers', () => {
		const huge = 'v1,AAAA hmac;1;1;x, '.repeat(100_000);
		const headers = {
			'webhook-id': huge,
			'webhook-timestamp': STANDARD.timestamp,
			'webhook-signature': [huge, huge],
			'openphone-signature': huge,
		};
		expect(verifyStandard(headers)).toEqual(rejected('malformed-header'));
		expect(
			verifyLegacySignature(Buffer.from(LEGACY.body), headers, LEGACY.key, LEGACY.nowMs),
		).toEqual(rejected('malformed-header'));
	});
});

import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureFailureReason =
	'missing-header' | 'malformed-header' | 'stale-timestamp' | 'mismatch' | 'no-secret';

/** The reason is for logs only: every failure is answered with HTTP 401. */
export type SignatureCheck = { valid: true } | { valid: false; reason: SignatureFailureReason };

/** Request headers as Node gives them (`IncomingHttpHeaders`); names are matched in any letter case. */
export type DeliveryHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** Both schemes reject a delivery signed more than five minutes before or after our clock. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

/**
 * A key shorter than this (Quo's are 24 or 32 bytes) could be guessed: it is treated as no key at all, so every
 * delivery is refused until the webhook is registered again.
 */
export const MIN_SIGNING_KEY_BYTES = 16;

const SHA256_BYTES = 32;

const STANDARD_SECRET_PREFIX = 'whsec_';

const STANDARD_SIGNATURE_VERSION = 'v1,';

/**
 * Above this a legacy timestamp is read as milliseconds, below it as seconds: 10^12 ms is September 2001,
 * 10^12 s is past the year 33000, so the magnitude decides the unit for any plausible clock.
 */
const LEGACY_MILLISECONDS_THRESHOLD = 1e12;

/**
 * Each distinct legacy timestamp costs one HMAC over the whole body; entries beyond this many distinct
 * timestamps are ignored so a crafted header cannot multiply the work. Quo signs every entry at one instant.
 */
const MAX_LEGACY_TIMESTAMPS = 4;

const UNIX_TIME = /^\d{1,15}$/;

/** Standard, padded base64 only: a lenient decoder would read `abc,` or `a!b` as if they were valid. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

const VALID: SignatureCheck = { valid: true };

function failure(reason: SignatureFailureReason): SignatureCheck {
	return { valid: false, reason };
}

function decodeBase64(text: string): Buffer | undefined {
	return text.length > 0 && BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

/**
 * Exactly the texts `BASE64` accepts that decode to an HMAC-SHA256 (32 bytes): 10 groups of 4 plus `xxx=`.
 * Checked without decoding; a signature is decoded only when it is compared (`matchesAny`).
 */
const SIGNATURE_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

function isSignatureText(text: string): boolean {
	return text.length === 44 && SIGNATURE_BASE64.test(text);
}

/**
 * Decoded keys by secret (undefined for one that is unusable), one cache per secret prefix: a trigger verifies every
 * delivery with the same one or few keys.
 */
const decodedKeys = new Map<string, Map<string, Buffer | undefined>>();
const MAX_CACHED_KEYS = 256;

function decodeKey(secret: string | undefined, prefix = ''): Buffer | undefined {
	if (typeof secret !== 'string') return undefined;
	let cache = decodedKeys.get(prefix);
	if (cache === undefined) {
		cache = new Map();
		decodedKeys.set(prefix, cache);
	}
	if (cache.has(secret)) return cache.get(secret);
	const trimmed = secret.trim();
	const encoded =
		prefix !== '' && trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : trimmed;
	const decoded = decodeBase64(encoded);
	const key =
		decoded !== undefined && decoded.length >= MIN_SIGNING_KEY_BYTES ? decoded : undefined;
	if (cache.size >= MAX_CACHED_KEYS) cache.clear();
	cache.set(secret, key);
	return key;
}

/** Whether a key Quo issued can verify deliveries: base64 (after `whsec_` on 2026-03-30) of at least 16 bytes. */
export function isUsableSigningKey(secret: string, scheme: 'standard' | 'legacy'): boolean {
	return decodeKey(secret, scheme === 'standard' ? STANDARD_SECRET_PREFIX : '') !== undefined;
}

/** All non-empty values of a header, whatever the letter case of its name. */
function headerValues(headers: DeliveryHeaders, lowerCaseName: string): string[] {
	let value = headers[lowerCaseName];
	if (value === undefined) {
		const name = Object.keys(headers).find((key) => key.toLowerCase() === lowerCaseName);
		value = name === undefined ? undefined : headers[name];
	}
	if (typeof value === 'string') return value === '' ? [] : [value];
	const values = Array.isArray(value) ? value : [value];
	return values.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
}

function isFresh(timestampMs: number, nowMs: number): boolean {
	// Written so that a NaN clock fails closed.
	return Math.abs(nowMs - timestampMs) <= TIMESTAMP_TOLERANCE_MS;
}

/** Where a candidate signature is decoded for the comparison, so that checking one allocates nothing. */
const decodedSignature = Buffer.alloc(SHA256_BYTES);

/** Candidates are texts `isSignatureText` accepted; each decodes to exactly 32 bytes. */
function matchesAny(expected: Buffer, candidates: string[]): boolean {
	return candidates.some((candidate) => {
		decodedSignature.write(candidate, 'base64');
		return timingSafeEqual(decodedSignature, expected);
	});
}

/**
 * Quo's 2026-03-30 deliveries (Standard Webhooks). Headers `webhook-id`, `webhook-timestamp` (unix seconds)
 * and `webhook-signature`: space-separated `v1,<base64>` entries, any one of which may match; entries of
 * other versions are ignored. The signature is HMAC-SHA256 over `{id}.{timestamp}.{raw body}`, keyed with
 * the base64-decoded part of the `whsec_…` secret.
 */
export function verifyStandardWebhook(
	rawBody: Buffer,
	headers: DeliveryHeaders,
	secret: string | undefined,
	nowMs: number,
): SignatureCheck {
	const key = decodeKey(secret, STANDARD_SECRET_PREFIX);
	if (key === undefined) return failure('no-secret');

	const ids = headerValues(headers, 'webhook-id');
	const timestamps = headerValues(headers, 'webhook-timestamp');
	const signatureHeaders = headerValues(headers, 'webhook-signature');
	if (ids.length === 0 || timestamps.length === 0 || signatureHeaders.length === 0) {
		return failure('missing-header');
	}
	if (ids.length > 1 || timestamps.length > 1) return failure('malformed-header');
	const [id] = ids;
	const [timestamp] = timestamps;
	if (!UNIX_TIME.test(timestamp)) return failure('malformed-header');

	const candidates: string[] = [];
	for (const entry of signatureHeaders.join(' ').split(/\s+/)) {
		if (!entry.startsWith(STANDARD_SIGNATURE_VERSION)) continue;
		const signature = entry.slice(STANDARD_SIGNATURE_VERSION.length);
		if (isSignatureText(signature)) candidates.push(signature);
	}
	if (candidates.length === 0) return failure('malformed-header');

	if (!isFresh(Number(timestamp) * 1000, nowMs)) return failure('stale-timestamp');

	const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(rawBody).digest();
	return matchesAny(expected, candidates) ? VALID : failure('mismatch');
}

interface LegacyEntry {
	timestamp: string;
	timestampMs: number;
	/** Base64 that `isSignatureText` accepted. */
	signature: string;
}

function parseLegacyEntry(entry: string): LegacyEntry | undefined {
	const fields = entry.trim().split(';');
	if (fields.length !== 4) return undefined;
	const [scheme, version, timestamp, signature] = fields;
	if (scheme !== 'hmac' || version !== '1' || !UNIX_TIME.test(timestamp)) return undefined;
	if (!isSignatureText(signature)) return undefined;
	const value = Number(timestamp);
	const timestampMs = value >= LEGACY_MILLISECONDS_THRESHOLD ? value : value * 1000;
	return { timestamp, timestampMs, signature };
}

/**
 * Quo's v1 deliveries. Header `openphone-signature: hmac;1;<timestamp>;<base64>`, possibly several such
 * entries separated by commas, any one of which may match. The signature is HMAC-SHA256 over
 * `{timestamp}.{raw body}`, keyed with the base64-decoded `key`. The timestamp is in milliseconds
 * (13 digits) or seconds, told apart by its magnitude.
 */
export function verifyLegacySignature(
	rawBody: Buffer,
	headers: DeliveryHeaders,
	secret: string | undefined,
	nowMs: number,
): SignatureCheck {
	const key = decodeKey(secret);
	if (key === undefined) return failure('no-secret');

	const signatureHeaders = headerValues(headers, 'openphone-signature');
	if (signatureHeaders.length === 0) return failure('missing-header');

	const entries: LegacyEntry[] = [];
	for (const text of signatureHeaders.join(',').split(',')) {
		const entry = parseLegacyEntry(text);
		if (entry !== undefined) entries.push(entry);
	}
	if (entries.length === 0) return failure('malformed-header');

	let freshCount = 0;
	const signaturesByTimestamp = new Map<string, string[]>();
	for (const { timestamp, timestampMs, signature } of entries) {
		if (!isFresh(timestampMs, nowMs)) continue;
		freshCount++;
		const signatures = signaturesByTimestamp.get(timestamp);
		if (signatures !== undefined) signatures.push(signature);
		else if (signaturesByTimestamp.size < MAX_LEGACY_TIMESTAMPS)
			signaturesByTimestamp.set(timestamp, [signature]);
	}
	if (freshCount === 0) return failure('stale-timestamp');
	for (const [timestamp, signatures] of signaturesByTimestamp) {
		const expected = createHmac('sha256', key).update(`${timestamp}.`).update(rawBody).digest();
		if (matchesAny(expected, signatures)) return VALID;
	}
	return failure('mismatch');
}

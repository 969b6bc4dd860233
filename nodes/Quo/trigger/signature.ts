import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureFailureReason =
	| 'missing-header'
	| 'malformed-header'
	| 'stale-timestamp'
	| 'mismatch'
	| 'no-secret';

/** The reason is for logs only: every failure is answered with HTTP 401. */
export type SignatureCheck = { valid: true } | { valid: false; reason: SignatureFailureReason };

/** Request headers as Node gives them (`IncomingHttpHeaders`); names are matched in any letter case. */
export type DeliveryHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** Both schemes reject a delivery signed more than five minutes before or after our clock. */
const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

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

function decodeSignature(text: string): Buffer | undefined {
	const bytes = decodeBase64(text);
	return bytes?.length === SHA256_BYTES ? bytes : undefined;
}

/** Decoded keys by secret: a trigger verifies every delivery with the same one or few keys. */
const decodedKeys = new Map<string, Buffer | undefined>();
const MAX_CACHED_KEYS = 256;

function decodeKey(secret: string | undefined, prefix = ''): Buffer | undefined {
	if (typeof secret !== 'string') return undefined;
	const cacheKey = `${prefix}${secret}`;
	if (decodedKeys.has(cacheKey)) return decodedKeys.get(cacheKey);
	const trimmed = secret.trim();
	const encoded = prefix !== '' && trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : trimmed;
	const key = decodeBase64(encoded);
	if (decodedKeys.size >= MAX_CACHED_KEYS) decodedKeys.clear();
	decodedKeys.set(cacheKey, key);
	return key;
}

/** All non-empty values of a header, whatever the letter case of its name. */
function headerValues(headers: DeliveryHeaders, lowerCaseName: string): string[] {
	let value = headers[lowerCaseName];
	if (value === undefined) {
		const name = Object.keys(headers).find((key) => key.toLowerCase() === lowerCaseName);
		value = name === undefined ? undefined : headers[name];
	}
	const values = Array.isArray(value) ? value : [value];
	return values.filter((entry): entry is string => typeof entry === 'string' && entry !== '');
}

function isFresh(timestampMs: number, nowMs: number): boolean {
	// Written so that a NaN clock fails closed.
	return Math.abs(nowMs - timestampMs) <= TIMESTAMP_TOLERANCE_MS;
}

function matchesAny(expected: Buffer, candidates: Buffer[]): boolean {
	return candidates.some((candidate) => timingSafeEqual(candidate, expected));
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

	const candidates: Buffer[] = [];
	for (const entry of signatureHeaders.join(' ').split(/\s+/)) {
		if (!entry.startsWith(STANDARD_SIGNATURE_VERSION)) continue;
		const signature = decodeSignature(entry.slice(STANDARD_SIGNATURE_VERSION.length));
		if (signature !== undefined) candidates.push(signature);
	}
	if (candidates.length === 0) return failure('malformed-header');

	if (!isFresh(Number(timestamp) * 1000, nowMs)) return failure('stale-timestamp');

	const expected = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(rawBody).digest();
	return matchesAny(expected, candidates) ? VALID : failure('mismatch');
}

interface LegacyEntry {
	timestamp: string;
	timestampMs: number;
	signature: Buffer;
}

function parseLegacyEntry(entry: string): LegacyEntry | undefined {
	const fields = entry.trim().split(';');
	if (fields.length !== 4) return undefined;
	const [scheme, version, timestamp, encodedSignature] = fields;
	if (scheme !== 'hmac' || version !== '1' || !UNIX_TIME.test(timestamp)) return undefined;
	const signature = decodeSignature(encodedSignature);
	if (signature === undefined) return undefined;
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

	const entries = signatureHeaders
		.join(',')
		.split(',')
		.map(parseLegacyEntry)
		.filter((entry): entry is LegacyEntry => entry !== undefined);
	if (entries.length === 0) return failure('malformed-header');

	const freshEntries = entries.filter((entry) => isFresh(entry.timestampMs, nowMs));
	if (freshEntries.length === 0) return failure('stale-timestamp');

	const signaturesByTimestamp = new Map<string, Buffer[]>();
	for (const { timestamp, signature } of freshEntries) {
		const signatures = signaturesByTimestamp.get(timestamp);
		if (signatures !== undefined) signatures.push(signature);
		else if (signaturesByTimestamp.size < MAX_LEGACY_TIMESTAMPS) signaturesByTimestamp.set(timestamp, [signature]);
	}
	for (const [timestamp, signatures] of signaturesByTimestamp) {
		const expected = createHmac('sha256', key).update(`${timestamp}.`).update(rawBody).digest();
		if (matchesAny(expected, signatures)) return VALID;
	}
	return failure('mismatch');
}

import { randomBase64 } from '../ids';
import type { SigningMode } from '../types';
import { legacySignature, standardWebhookSignature } from './signing';

export type WebhookGeneration = 'v1' | '2026-03-30';

export interface SignedRequest {
	headers: Record<string, string>;
	body: string;
}

/**
 * The headers and body of one delivery attempt. The signature always covers `rawBody`; only
 * 'tampered-body' (or `tamperBody`, with other settings) sends something else. 'none' leaves out just the signature
 * header.
 */
export function signedRequest(
	generation: WebhookGeneration,
	key: string,
	deliveryId: string,
	rawBody: string,
	signing: SigningMode,
	nowMs: number,
): SignedRequest {
	const mode = typeof signing === 'string' ? signing : 'valid';
	const custom = typeof signing === 'object' ? signing : {};
	const offsetSeconds = custom.timestampOffsetSeconds ?? 0;
	const signingKey = mode === 'wrong-key' ? otherKeyLike(generation) : key;
	const headers: Record<string, string> = { 'content-type': 'application/json' };
	if (generation === '2026-03-30') {
		const timestamp = Math.floor(nowMs / 1000) + offsetSeconds;
		headers['webhook-id'] = deliveryId;
		headers['webhook-timestamp'] = String(timestamp);
		const signature = standardWebhookSignature(signingKey, deliveryId, timestamp, rawBody);
		if (mode !== 'none')
			headers['webhook-signature'] = [...(custom.extraSignatures ?? []), signature].join(' ');
	} else {
		const timestamp = nowMs + offsetSeconds * 1000;
		const signature = legacySignature(signingKey, timestamp, rawBody);
		if (mode !== 'none')
			headers['openphone-signature'] = [...(custom.extraSignatures ?? []), signature].join(',');
	}
	return {
		headers: { ...headers, ...lowerCaseNames(custom.headers ?? {}) },
		body: mode === 'tampered-body' || custom.tamperBody ? tamper(rawBody) : rawBody,
	};
}

function lowerCaseNames(headers: Record<string, string>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
	);
}

function otherKeyLike(generation: WebhookGeneration): string {
	return generation === '2026-03-30' ? 'whsec_' + randomBase64(24) : randomBase64(32);
}

/** Still valid JSON when it was, so only the signature check can catch it. */
function tamper(rawBody: string): string {
	try {
		const parsed: unknown = JSON.parse(rawBody);
		if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) {
			return JSON.stringify({ ...parsed, tampered: true });
		}
	} catch {
		// not JSON: fall through to a whitespace change
	}
	return rawBody + ' ';
}

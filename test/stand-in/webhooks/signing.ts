import { createHmac } from 'node:crypto';

/**
 * Quo's side of webhook signing, written independently of the package's verifier so that the two
 * check each other.
 */

/**
 * Standard Webhooks (2026-03-30): `v1,` + base64 HMAC-SHA256 over `{id}.{timestamp}.{body}`, keyed with
 * the base64-decoded part of the `whsec_` secret.
 */
export function standardWebhookSignature(
	secret: string,
	deliveryId: string,
	timestampSeconds: number,
	body: string,
): string {
	const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
	return (
		'v1,' +
		createHmac('sha256', key).update(`${deliveryId}.${timestampSeconds}.${body}`).digest('base64')
	);
}

/**
 * Legacy (v1 webhooks) `openphone-signature`: `hmac;1;<ms>;<base64 HMAC-SHA256 over "{ms}.{body}">`, keyed
 * with the base64-decoded key.
 */
export function legacySignature(key: string, timestampMs: number, body: string): string {
	const digest = createHmac('sha256', Buffer.from(key, 'base64'))
		.update(`${timestampMs}.${body}`)
		.digest('base64');
	return `hmac;1;${timestampMs};${digest}`;
}

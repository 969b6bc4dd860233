import { randomBytes, randomInt } from 'node:crypto';

const base62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A Quo-style id: a type prefix (`US`, `PN`, `WH`, `msg_`, …) and random base62 characters. */
export function randomId(prefix: string, length: number): string {
	let id = prefix;
	for (let i = 0; i < length; i++) id += base62[randomInt(base62.length)];
	return id;
}

/** The numeric trace id Quo puts on error bodies, e.g. "6897907457496870895". */
export function randomTrace(): string {
	let trace = String(randomInt(1, 10));
	for (let i = 0; i < 18; i++) trace += String(randomInt(10));
	return trace;
}

export function randomBase64(byteCount: number): string {
	return randomBytes(byteCount).toString('base64');
}

export function newApiKey(): string {
	return randomId('', 32);
}

export function newDeliveryId(): string {
	return randomId('msg_', 22);
}

export function newAttemptId(): string {
	return randomId('atmpt_', 22);
}

import type { INode } from 'n8n-workflow';

import { fieldError } from './fieldErrors';
import { listOf } from './lists';

/** Quo's E.164 pattern: a plus, a country code that does not start with 0, at most 15 digits. */
export const E164_PATTERN = '^\\+[1-9]\\d{1,14}$';

const E164 = new RegExp(E164_PATTERN);

export const E164_EXAMPLE = '+15555550123';

export function isE164(value: string): boolean {
	return E164.test(value);
}

/**
 * A list of E.164 numbers given as a comma-separated string or as an array (from an expression), checked
 * against Quo's bounds before any request: at least one, at most `bounds.max`, each in E.164 form.
 */
export function parsePhoneNumberList(
	node: INode,
	value: unknown,
	field: string,
	bounds: { max: number; noun: string },
	itemIndex: number,
): string[] {
	const numbers = listOf(value);
	if (numbers.length === 0) {
		throw fieldError(
			node,
			field,
			`at least one phone number is needed, in E.164 form like ${E164_EXAMPLE}`,
			itemIndex,
		);
	}
	if (numbers.length > bounds.max) {
		throw fieldError(
			node,
			field,
			`${numbers.length} ${bounds.noun}; Quo allows at most ${bounds.max}`,
			itemIndex,
		);
	}
	const invalid = numbers.find((number) => !isE164(number));
	if (invalid !== undefined) {
		throw fieldError(
			node,
			field,
			`'${invalid}' is not an E.164 number like ${E164_EXAMPLE}`,
			itemIndex,
		);
	}
	return numbers;
}

/**
 * A phone number as people write it ("(555) 555-0100", "+1 555 555 0100", "0044 20 7946 0958") in E.164, or
 * undefined when it cannot be. Ten digits without a country code (area code 2-9, optionally after a 1) are taken as
 * North American (+1), like Quo's own numbers; any other number needs its country code ("+" or "00").
 */
export function toE164(value: string): string | undefined {
	const text = value.trim();
	if (!/^\+?[\d\s().\-/]+$/.test(text)) return undefined;
	const digits = text.replace(/\D/g, '');
	let candidate: string | undefined;
	if (text.startsWith('+')) candidate = `+${digits}`;
	else if (digits.startsWith('00')) candidate = `+${digits.slice(2)}`;
	else if (/^[2-9]\d{9}$/.test(digits)) candidate = `+1${digits}`;
	else if (/^1[2-9]\d{9}$/.test(digits)) candidate = `+${digits}`;
	return candidate !== undefined && isE164(candidate) ? candidate : undefined;
}

/** One phone number in any common form, as E.164; checked before any request. */
export function requireE164(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = String(value ?? '').trim();
	if (text === '')
		throw fieldError(node, field, `required, a phone number like ${E164_EXAMPLE}`, itemIndex);
	const number = toE164(text);
	if (number === undefined) {
		throw fieldError(
			node,
			field,
			`'${text}' is not a phone number that can be written in E.164 like ${E164_EXAMPLE} (add the country code)`,
			itemIndex,
		);
	}
	return number;
}

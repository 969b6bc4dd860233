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
		throw fieldError(node, field, `at least one phone number is needed, in E.164 form like ${E164_EXAMPLE}`, itemIndex);
	}
	if (numbers.length > bounds.max) {
		throw fieldError(node, field, `${numbers.length} ${bounds.noun}; Quo allows at most ${bounds.max}`, itemIndex);
	}
	const invalid = numbers.find((number) => !isE164(number));
	if (invalid !== undefined) {
		throw fieldError(node, field, `'${invalid}' is not an E.164 number like ${E164_EXAMPLE}`, itemIndex);
	}
	return numbers;
}

import type { IDataObject, INode } from 'n8n-workflow';

import type { QuoCustomField } from '../../transport/workspace';
import { fieldError } from '../fieldErrors';
import { listOf } from '../lists';

const FIELD = 'Custom Fields';

/** An ISO 8601 date, with or without a time and offset: "2026-05-01", "2026-05-01T09:00:00Z", "2026-05-01 09:00+02:00". */
const ISO_8601_DATE =
	/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/i;

const TRUE_WORDS = new Set(['true', 'yes', '1']);
const FALSE_WORDS = new Set(['false', 'no', '0']);

/** One entry of the "Custom Fields" parameter: the field (its key, or its name from an expression) and the value. */
export interface CustomFieldEntry {
	field: string;
	value: unknown;
}

/** The entries of "Custom Fields", whether from the editor (`{values: [...]}`) or an array from an expression. */
export function customFieldEntries(value: unknown): CustomFieldEntry[] {
	const list = Array.isArray(value) ? value : ((value as IDataObject | undefined)?.values ?? []);
	if (!Array.isArray(list)) return [];
	return list
		.filter((entry): entry is IDataObject => typeof entry === 'object' && entry !== null)
		.map((entry) => ({ field: String(entry.key ?? entry.name ?? '').trim(), value: entry.value }));
}

/** The workspace's field for a key or (from an expression) a name; anything else fails before any request. */
export function findCustomField(
	node: INode,
	fields: QuoCustomField[],
	wanted: string,
	itemIndex: number,
): QuoCustomField {
	if (wanted === '') throw fieldError(node, FIELD, 'choose a field for every entry', itemIndex);
	const byKey = fields.find((field) => field.key === wanted);
	const byName = fields.find((field) => field.name.trim().toLowerCase() === wanted.toLowerCase());
	const field = byKey ?? byName;
	if (field) return field;
	const known = fields.map((candidate) => candidate.name).join(', ') || 'none';
	throw fieldError(
		node,
		FIELD,
		`'${wanted}' is not a custom contact field of this workspace (it has: ${known})`,
		itemIndex,
	);
}

function isEmpty(value: unknown): boolean {
	return (
		value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
	);
}

/**
 * The value as the field's type wants it, checked before any request: text for string, URL and address fields, a
 * number, a boolean, an ISO 8601 date (sent as date and time), or a list of strings for multi-select. Empty clears it.
 */
export function customFieldValue(
	node: INode,
	field: QuoCustomField,
	value: unknown,
	itemIndex: number,
): unknown {
	if (isEmpty(value)) return null;
	const label = `${FIELD} (${field.name})`;
	const wrong = (expected: string) =>
		fieldError(
			node,
			label,
			`${JSON.stringify(value)} is not ${expected}, which this ${field.type} field needs`,
			itemIndex,
		);
	const text = typeof value === 'string' ? value.trim() : undefined;

	switch (field.type) {
		case 'number': {
			const number =
				typeof value === 'number' ? value : text !== undefined ? Number(text) : Number.NaN;
			if (!Number.isFinite(number)) throw wrong('a number');
			return number;
		}
		case 'boolean': {
			if (typeof value === 'boolean') return value;
			const word = String(value).trim().toLowerCase();
			if (TRUE_WORDS.has(word)) return true;
			if (FALSE_WORDS.has(word)) return false;
			throw wrong('true or false');
		}
		case 'date': {
			const date =
				value instanceof Date
					? value
					: text !== undefined && ISO_8601_DATE.test(text)
						? new Date(text)
						: undefined;
			if (!date || Number.isNaN(date.getTime())) throw wrong('an ISO 8601 date like 2026-05-01');
			return date.toISOString();
		}
		case 'multi-select': {
			if (
				Array.isArray(value) &&
				value.some((option) => typeof option === 'object' && option !== null)
			) {
				throw wrong('a list of options');
			}
			return listOf(value);
		}
		case 'url': {
			if (text === undefined || !/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(text))
				throw wrong('a URL like https://example.com');
			return text;
		}
		default: {
			if (typeof value === 'number' || typeof value === 'boolean') return String(value);
			if (text === undefined) throw wrong('text');
			return text;
		}
	}
}

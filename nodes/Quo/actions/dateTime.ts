import type { IDataObject, INode } from 'n8n-workflow';

import { fieldError } from './fieldErrors';

/**
 * n8n's date pickers give local times without an offset ("2026-05-01T09:00:00"); Quo wants RFC 3339.
 * Empty means "not set".
 */
export function optionalIsoDateTime(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string | undefined {
	const text = (value instanceof Date ? value.toISOString() : String(value ?? '')).trim();
	if (text === '') return undefined;
	const date = new Date(text);
	if (Number.isNaN(date.getTime())) {
		throw fieldError(
			node,
			field,
			`'${text}' is not a date and time (use ISO 8601, like 2026-05-01T09:00:00Z)`,
			itemIndex,
		);
	}
	return date.toISOString();
}

export function requireIsoDateTime(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	const dateTime = optionalIsoDateTime(node, value, field, itemIndex);
	if (dateTime === undefined)
		throw fieldError(node, field, 'required, a date and time like 2026-05-01T09:00:00Z', itemIndex);
	return dateTime;
}

/** The `<prefix>After` / `<prefix>Before` filters that are set (`createdAfter`, `updatedBefore`, ...), as query values. */
function rangeQuery(
	node: INode,
	filters: IDataObject,
	prefix: 'created' | 'updated',
	itemIndex: number,
): IDataObject {
	const label = prefix === 'created' ? 'Created' : 'Updated';
	const query: IDataObject = {};
	const after = optionalIsoDateTime(node, filters[`${prefix}After`], `${label} After`, itemIndex);
	const before = optionalIsoDateTime(
		node,
		filters[`${prefix}Before`],
		`${label} Before`,
		itemIndex,
	);
	if (after) query[`${prefix}After`] = after;
	if (before) query[`${prefix}Before`] = before;
	return query;
}

/** The `createdAfter` / `createdBefore` filters that are set, as query values. */
export function createdRangeQuery(
	node: INode,
	filters: IDataObject,
	itemIndex: number,
): IDataObject {
	return rangeQuery(node, filters, 'created', itemIndex);
}

/** The `updatedAfter` / `updatedBefore` filters that are set, as query values. */
export function updatedRangeQuery(
	node: INode,
	filters: IDataObject,
	itemIndex: number,
): IDataObject {
	return rangeQuery(node, filters, 'updated', itemIndex);
}

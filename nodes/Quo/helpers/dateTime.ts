import type { IDataObject, INode } from 'n8n-workflow';

import { fieldError } from './fieldErrors';

/**
 * n8n's date pickers give local times without an offset ("2026-05-01T09:00:00"); Quo wants RFC 3339.
 * Empty means "not set".
 */
function optionalIsoDateTime(node: INode, value: unknown, field: string, itemIndex: number): string | undefined {
	const text = String(value ?? '').trim();
	if (text === '') return undefined;
	const date = new Date(text);
	if (Number.isNaN(date.getTime())) {
		throw fieldError(node, field, `'${text}' is not a date and time (use ISO 8601, like 2026-05-01T09:00:00Z)`, itemIndex);
	}
	return date.toISOString();
}

/** The `createdAfter` / `createdBefore` filters that are set, as query values. */
export function createdRangeQuery(node: INode, filters: IDataObject, itemIndex: number): IDataObject {
	const query: IDataObject = {};
	const createdAfter = optionalIsoDateTime(node, filters.createdAfter, 'Created After', itemIndex);
	const createdBefore = optionalIsoDateTime(node, filters.createdBefore, 'Created Before', itemIndex);
	if (createdAfter) query.createdAfter = createdAfter;
	if (createdBefore) query.createdBefore = createdBefore;
	return query;
}

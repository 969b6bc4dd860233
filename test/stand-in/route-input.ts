import type { QueryValues } from './router';

/**
 * Readers for handler input. Validation against the spec happens before handlers run, but without
 * an OpenAPI folder nothing is validated, so these never trust the input's shape.
 */

export function queryValue(query: QueryValues, name: string): string | undefined {
	const value = query[name];
	return Array.isArray(value) ? value[0] : value;
}

export function queryList(query: QueryValues, name: string): string[] {
	const value = query[name];
	if (value === undefined) return [];
	return Array.isArray(value) ? value : [value];
}

export function queryInteger(query: QueryValues, name: string, fallback: number): number {
	const parsed = Number.parseInt(queryValue(query, name) ?? '', 10);
	return Number.isNaN(parsed) ? fallback : parsed;
}

export function bodyObject(body: unknown): Record<string, unknown> {
	return typeof body === 'object' && body !== null && !Array.isArray(body)
		? (body as Record<string, unknown>)
		: {};
}

export function stringList(value: unknown): string[] | undefined {
	return Array.isArray(value)
		? value.filter((item): item is string => typeof item === 'string')
		: undefined;
}

export function optionalString(value: unknown): string | undefined {
	return typeof value === 'string' ? value : undefined;
}

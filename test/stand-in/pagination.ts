import { RouteError } from './errors';
import { queryInteger, queryValue } from './route-input';
import type { QueryValues } from './router';

export interface V1Page<T> {
	data: T[];
	totalItems: number;
	nextPageToken: string | null;
}

export interface CursorPage<T> {
	data: T[];
	nextCursor: string | null;
}

/** v1 style: `maxResults` + opaque `pageToken`; the last page has `nextPageToken: null`. */
export function paginateV1<T>(
	items: T[],
	maxResults: number,
	pageToken: string | undefined,
): V1Page<T> {
	const start = pageToken === undefined ? 0 : decodePageToken(pageToken);
	const end = start + maxResults;
	return {
		data: items.slice(start, end),
		totalItems: items.length,
		nextPageToken: end < items.length ? Buffer.from(`offset:${end}`).toString('base64url') : null,
	};
}

/** The page of a v1 list that a request's `maxResults` (10 when absent) and `pageToken` ask for. */
export function requestedV1Page<T>(items: T[], query: QueryValues): V1Page<T> {
	return paginateV1(items, queryInteger(query, 'maxResults', 10), queryValue(query, 'pageToken'));
}

/** 2026-03-30 style: `limit` + `after` (the id of the last item of the previous page). */
export function paginateCursor<T extends { id: string }>(
	items: T[],
	limit: number,
	after: string | undefined,
): CursorPage<T> {
	let start = 0;
	if (after !== undefined) {
		const index = items.findIndex((item) => item.id === after);
		if (index === -1) throw new RouteError(400, `Invalid cursor: ${after}`);
		start = index + 1;
	}
	const data = items.slice(start, start + limit);
	const hasMore = start + limit < items.length;
	return { data, nextCursor: hasMore ? (data[data.length - 1]?.id ?? null) : null };
}

function decodePageToken(pageToken: string): number {
	const match = /^offset:(\d+)$/.exec(Buffer.from(pageToken, 'base64url').toString());
	if (!match) throw new RouteError(400, `Invalid pageToken: ${pageToken}`);
	return Number(match[1]);
}

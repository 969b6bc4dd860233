import type { IDataObject, INode } from 'n8n-workflow';

import { endlessListError } from './errors';
import { quoApiRequest, type QuoApiContext, type QuoRequest } from './index';

/**
 * The most pages one walk reads. Quo's pages hold up to 50 or 100 items, so that is 250,000 items or more, beyond
 * any list a workflow reads in one go, and at Quo's 10 requests per second over eight minutes of requests. A list
 * that goes on longer is one whose tokens never run out.
 */
export const MAX_PAGES = 5_000;

export interface PageRequest extends Omit<QuoRequest, 'method' | 'body'> {
	/** Stop after this many items; omit it for Return All. */
	limit?: number;
	/** The largest page the endpoint allows. */
	pageSize: number;
}

interface V1Page<T> {
	data?: T[];
	nextPageToken?: string | null;
}

interface CursorPage<T> {
	data?: T[];
	nextCursor?: string | null;
}

/**
 * Walks a v1 list (`maxResults` + `pageToken`, answered with `nextPageToken`). Pages are fetched one
 * after another, as each needs the previous token; a page asks only for what the limit still needs.
 */
export async function quoApiRequestAllItemsV1<T = IDataObject>(
	this: QuoApiContext,
	request: PageRequest,
): Promise<T[]> {
	return await collectPages<T>(this.getNode(), request, async (remaining, token) => {
		const page = (await quoApiRequest.call(this, {
			method: 'GET',
			path: request.path,
			itemIndex: request.itemIndex,
			notFound: request.notFound,
			qs: {
				...request.qs,
				maxResults: Math.min(request.pageSize, remaining),
				...(token ? { pageToken: token } : {}),
			},
		})) as unknown as V1Page<T>;
		return { items: page.data ?? [], next: page.nextPageToken };
	});
}

/** Walks a 2026-03-30 list (`limit` + `after`, answered with `nextCursor`). */
export async function quoApiRequestAllItemsCursor<T = IDataObject>(
	this: QuoApiContext,
	request: PageRequest,
): Promise<T[]> {
	return await collectPages<T>(this.getNode(), request, async (remaining, cursor) => {
		const page = (await quoApiRequest.call(this, {
			method: 'GET',
			path: request.path,
			itemIndex: request.itemIndex,
			notFound: request.notFound,
			qs: {
				...request.qs,
				limit: Math.min(request.pageSize, remaining),
				...(cursor ? { after: cursor } : {}),
			},
		})) as unknown as CursorPage<T>;
		return { items: page.data ?? [], next: page.nextCursor };
	});
}

/** One page of a v1 list; `nextPageToken` is undefined on the last page. */
export interface V1ListPage<T> {
	items: T[];
	nextPageToken: string | undefined;
}

/** One page of a v1 list (`maxResults` + `pageToken`), for pickers and lookups that page on demand. */
export async function fetchV1Page<T>(
	this: QuoApiContext,
	request: { path: string; pageSize: number; pageToken?: string; itemIndex?: number },
): Promise<V1ListPage<T>> {
	const page = await quoApiRequest.call(this, {
		method: 'GET',
		path: request.path,
		qs: {
			maxResults: request.pageSize,
			...(request.pageToken ? { pageToken: request.pageToken } : {}),
		},
		itemIndex: request.itemIndex,
	});
	return {
		items: Array.isArray(page.data) ? (page.data as unknown as T[]) : [],
		nextPageToken:
			typeof page.nextPageToken === 'string' && page.nextPageToken !== ''
				? page.nextPageToken
				: undefined,
	};
}

/**
 * Reads pages until the list ends or the limit is reached. A token seen before, or more than `MAX_PAGES` pages, is
 * an error: what was read is not the whole list, and returning it would pass it off as complete.
 */
async function collectPages<T>(
	node: INode,
	request: PageRequest,
	fetchPage: (
		remaining: number,
		token: string | undefined,
	) => Promise<{ items: T[]; next: string | null | undefined }>,
): Promise<T[]> {
	const limit = request.limit ?? Infinity;
	const items: T[] = [];
	const seenTokens = new Set<string>();
	let token: string | undefined;
	for (let pagesRead = 0; items.length < limit; pagesRead++) {
		if (pagesRead === MAX_PAGES) {
			throw endlessListError(
				node,
				{ path: request.path, pagesRead, itemsRead: items.length, cause: 'tooManyPages' },
				request.itemIndex,
			);
		}
		const page = await fetchPage(limit - items.length, token);
		items.push(...page.items.slice(0, limit - items.length));
		// An empty page with a token is Quo's old last-page quirk.
		if (!page.next || page.items.length === 0) break;
		if (seenTokens.has(page.next)) {
			throw endlessListError(
				node,
				{
					path: request.path,
					pagesRead: pagesRead + 1,
					itemsRead: items.length,
					cause: 'repeatedToken',
				},
				request.itemIndex,
			);
		}
		seenTokens.add(page.next);
		token = page.next;
	}
	return items;
}

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

/** A page of a v1 list carries `nextPageToken`, one of a 2026-03-30 list `nextCursor`. */
interface ListPage<T> {
	data?: T[];
	nextPageToken?: string | null;
	nextCursor?: string | null;
}

/** How a list pages: the query names of the page size and the token, and the answer's field for the next token. */
interface PagingStyle {
	sizeParam: 'maxResults' | 'limit';
	tokenParam: 'pageToken' | 'after';
	nextField: 'nextPageToken' | 'nextCursor';
}

/**
 * Walks a v1 list (`maxResults` + `pageToken`, answered with `nextPageToken`). Pages are fetched one
 * after another, as each needs the previous token; a page asks only for what the limit still needs.
 */
export async function quoApiRequestAllItemsV1<T = IDataObject>(
	this: QuoApiContext,
	request: PageRequest,
): Promise<T[]> {
	return await walkList<T>(this, request, {
		sizeParam: 'maxResults',
		tokenParam: 'pageToken',
		nextField: 'nextPageToken',
	});
}

/** Walks a 2026-03-30 list (`limit` + `after`, answered with `nextCursor`). */
export async function quoApiRequestAllItemsCursor<T = IDataObject>(
	this: QuoApiContext,
	request: PageRequest,
): Promise<T[]> {
	return await walkList<T>(this, request, {
		sizeParam: 'limit',
		tokenParam: 'after',
		nextField: 'nextCursor',
	});
}

/** Reads a list page by page (see `collectPages`), asking each page for what the limit still needs. */
async function walkList<T>(
	context: QuoApiContext,
	request: PageRequest,
	style: PagingStyle,
): Promise<T[]> {
	return await collectPages<T>(context.getNode(), request, async (remaining, token) => {
		const page = (await quoApiRequest.call(context, {
			method: 'GET',
			path: request.path,
			itemIndex: request.itemIndex,
			notFound: request.notFound,
			qs: {
				...request.qs,
				[style.sizeParam]: Math.min(request.pageSize, remaining),
				...(token ? { [style.tokenParam]: token } : {}),
			},
		})) as unknown as ListPage<T>;
		return { items: page.data ?? [], next: page[style.nextField] };
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

import type { IDataObject } from 'n8n-workflow';

import { quoApiRequest, type QuoApiContext, type QuoRequest } from './index';

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
export async function quoApiRequestAllItemsV1<T = IDataObject>(this: QuoApiContext, request: PageRequest): Promise<T[]> {
	return await collectPages<T>(request, async (remaining, token) => {
		const page = (await quoApiRequest.call(this, {
			method: 'GET',
			path: request.path,
			itemIndex: request.itemIndex,
			qs: { ...request.qs, maxResults: Math.min(request.pageSize, remaining), ...(token ? { pageToken: token } : {}) },
		})) as unknown as V1Page<T>;
		return { items: page.data ?? [], next: page.nextPageToken };
	});
}

/** Walks a 2026-03-30 list (`limit` + `after`, answered with `nextCursor`). */
export async function quoApiRequestAllItemsCursor<T = IDataObject>(this: QuoApiContext, request: PageRequest): Promise<T[]> {
	return await collectPages<T>(request, async (remaining, cursor) => {
		const page = (await quoApiRequest.call(this, {
			method: 'GET',
			path: request.path,
			itemIndex: request.itemIndex,
			qs: { ...request.qs, limit: Math.min(request.pageSize, remaining), ...(cursor ? { after: cursor } : {}) },
		})) as unknown as CursorPage<T>;
		return { items: page.data ?? [], next: page.nextCursor };
	});
}

async function collectPages<T>(
	request: PageRequest,
	fetchPage: (remaining: number, token: string | undefined) => Promise<{ items: T[]; next: string | null | undefined }>,
): Promise<T[]> {
	const limit = request.limit ?? Infinity;
	const items: T[] = [];
	const seenTokens = new Set<string>();
	let token: string | undefined;
	while (items.length < limit) {
		const page = await fetchPage(limit - items.length, token);
		items.push(...page.items.slice(0, limit - items.length));
		// A repeated token would loop forever; an empty page with a token is Quo's old last-page quirk.
		if (!page.next || seenTokens.has(page.next) || page.items.length === 0) break;
		seenTokens.add(page.next);
		token = page.next;
	}
	return items;
}

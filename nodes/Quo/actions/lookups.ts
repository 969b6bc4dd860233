import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { endlessListError } from '../transport/errors';
import { fetchV1Page, MAX_PAGES, type V1ListPage } from '../transport/pagination';
import {
	CONTACT_PAGE_SIZE,
	fetchCustomFields,
	fetchPhoneNumbers,
	type QuoContact,
	type QuoCustomField,
	type QuoPhoneNumber,
} from '../transport/workspace';
import { fieldError, PHONE_NUMBER_ID, requireQuoId } from './fieldErrors';
import { listOf } from './lists';
import { isE164 } from './phoneNumbers';

/** A lookup made at most once per execution and shared by the items; a failed one is forgotten, so the next item asks again. */
class SharedLookup<T> {
	private pending: Promise<T> | undefined;

	constructor(private readonly fetch: () => Promise<T>) {}

	async get(): Promise<T> {
		if (!this.pending) {
			const lookup = this.fetch();
			this.pending = lookup;
			lookup.catch(() => {
				if (this.pending === lookup) this.pending = undefined;
			});
		}
		return await this.pending;
	}
}

/** The workspace lookups the items of one execution share: made once per execution, not once per item. */
export class WorkspaceLookups {
	private phoneNumbers: SharedLookup<QuoPhoneNumber[]> | undefined;

	private customFields: SharedLookup<QuoCustomField[]> | undefined;

	/** Page n of `GET /v1/contacts`; page n + 1 is asked for with the token of page n. */
	private readonly contactPages: Array<SharedLookup<V1ListPage<QuoContact> | undefined>> = [];

	private readonly contactPageTokens = new Set<string>();

	/** Contacts in the pages fetched so far, for the error when the list does not end. */
	private contactsRead = 0;

	constructor(private readonly context: IExecuteFunctions) {}

	/** The `PN…` id for a `PN…` id or an E.164 number of the workspace (looked up once per execution). */
	async phoneNumberId(value: unknown, field: string, itemIndex: number): Promise<string> {
		const text = String(value ?? '').trim();
		if (!isE164(text))
			return requireQuoId(this.context.getNode(), text, PHONE_NUMBER_ID, field, itemIndex);
		this.phoneNumbers ??= new SharedLookup(
			async () => await fetchPhoneNumbers.call(this.context, itemIndex),
		);
		const match = (await this.shared(this.phoneNumbers, itemIndex)).find(
			(phoneNumber) => phoneNumber.number === text,
		);
		if (match) return match.id;
		throw fieldError(
			this.context.getNode(),
			field,
			`${text} is not one of this workspace's Quo numbers`,
			itemIndex,
		);
	}

	/** Each entry of a list (array or comma-separated text) as a `PN…` id. */
	async phoneNumberIds(value: unknown, field: string, itemIndex: number): Promise<string[]> {
		return await Promise.all(
			listOf(value).map(async (entry) => await this.phoneNumberId(entry, field, itemIndex)),
		);
	}

	/** The workspace's custom contact fields (looked up once per execution). */
	async contactCustomFields(itemIndex: number): Promise<QuoCustomField[]> {
		this.customFields ??= new SharedLookup(
			async () => await fetchCustomFields.call(this.context, itemIndex),
		);
		return await this.shared(this.customFields, itemIndex);
	}

	/**
	 * Page `index` of the workspace's contacts, or undefined past the last page. Quo has no phone filter on contacts,
	 * so lookups by number walk these pages; items share them, each page is asked for once per execution.
	 */
	async contactPage(index: number, itemIndex: number): Promise<V1ListPage<QuoContact> | undefined> {
		for (let next = this.contactPages.length; next <= index; next++) {
			const previous = this.contactPages[next - 1];
			this.contactPages.push(
				new SharedLookup(async () => {
					const pageToken = previous ? (await previous.get())?.nextPageToken : undefined;
					if (previous && pageToken === undefined) return undefined;
					// A list that does not end is an error, not a list that ended: a match may be on a page never read.
					const endless = (cause: 'repeatedToken' | 'tooManyPages', pagesRead: number) =>
						endlessListError(
							this.context.getNode(),
							{ path: '/v1/contacts', pagesRead, itemsRead: this.contactsRead, cause },
							itemIndex,
						);
					if (next === MAX_PAGES) throw endless('tooManyPages', next);
					const page = (await fetchV1Page.call(this.context, {
						path: '/v1/contacts',
						pageSize: CONTACT_PAGE_SIZE,
						pageToken,
						itemIndex,
					})) as V1ListPage<QuoContact>;
					this.contactsRead += page.items.length;
					// An empty page with a token is Quo's old last-page quirk.
					const token = page.nextPageToken;
					if (token === undefined || page.items.length === 0)
						return { ...page, nextPageToken: undefined };
					if (this.contactPageTokens.has(token)) throw endless('repeatedToken', next + 1);
					this.contactPageTokens.add(token);
					return page;
				}),
			);
		}
		return await this.shared(this.contactPages[index]!, itemIndex);
	}

	private async shared<T>(lookup: SharedLookup<T>, itemIndex: number): Promise<T> {
		try {
			return await lookup.get();
		} catch (error) {
			throw new NodeApiError(this.context.getNode(), error as JsonObject, { itemIndex });
		}
	}
}

import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import {
	byName,
	contactChannels,
	contactLabel,
	conversationLabel,
	phoneNumberLabel,
	userLabel,
} from './labels';
import { fetchV1Page, type V1ListPage } from '../transport/pagination';
import {
	CONTACT_PAGE_SIZE,
	CONVERSATION_PAGE_SIZE,
	fetchPhoneNumbers,
	type QuoContact,
	type QuoConversation,
	type QuoUser,
	USER_PAGE_SIZE,
} from '../transport/workspace';

/** Case-insensitive; a filter of digits finds a number however it is formatted ("5550101" finds "(555) 555-0101"). */
function matches(filter: string | undefined, ...fields: Array<string | null | undefined>): boolean {
	const wanted = filter?.trim().toLowerCase() ?? '';
	if (wanted === '') return true;
	const wantedDigits = /^[\d\s()+.-]+$/.test(wanted) ? wanted.replace(/\D/g, '') : '';
	return fields.some((field) => {
		const text = (field ?? '').toLowerCase();
		return (
			text.includes(wanted) ||
			(wantedDigits !== '' && text.replace(/\D/g, '').includes(wantedDigits))
		);
	});
}

/**
 * One page of a v1 list for a resource locator, filtered here (Quo has no search); Quo's page token pages on,
 * so a page may show fewer results than it fetched.
 */
async function searchPage<T>(
	context: ILoadOptionsFunctions,
	list: { path: string; pageSize: number },
	paginationToken: string | undefined,
	toResult: (item: T) => INodeListSearchItems | undefined,
): Promise<INodeListSearchResult> {
	const page = (await fetchV1Page.call(context, {
		...list,
		pageToken: paginationToken,
	})) as V1ListPage<T>;
	const results = page.items
		.map(toResult)
		.filter((result): result is INodeListSearchItems => result !== undefined);
	return { results, paginationToken: page.nextPageToken };
}

/** The workspace's phone numbers for a resource locator's list (Quo lists them on one page). */
export async function searchPhoneNumbers(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const phoneNumbers = await fetchPhoneNumbers.call(this);
	const results: INodeListSearchItems[] = phoneNumbers
		.filter((phoneNumber) =>
			matches(filter, phoneNumber.name, phoneNumber.number, phoneNumber.formattedNumber),
		)
		.map((phoneNumber) => ({ name: phoneNumberLabel(phoneNumber), value: phoneNumber.id }))
		.sort(byName);
	return { results };
}

/** One page of the workspace's users for a resource locator's list. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		{ path: '/v1/users', pageSize: USER_PAGE_SIZE },
		paginationToken,
		(user: QuoUser) =>
			matches(filter, user.firstName, user.lastName, user.email, user.id)
				? { name: userLabel(user), value: user.id }
				: undefined,
	);
}

/** One page of the workspace's contacts, found by name, company, phone number or email. */
export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchPage(
		this,
		{ path: '/v1/contacts', pageSize: CONTACT_PAGE_SIZE },
		paginationToken,
		(contact: QuoContact) => {
			const fields = contact.defaultFields;
			const found = matches(
				filter,
				fields?.firstName,
				fields?.lastName,
				fields?.company,
				contact.id,
				...contactChannels(contact),
			);
			return found ? { name: contactLabel(contact), value: contact.id } : undefined;
		},
	);
}

/** One page of the workspace's conversations (most recent first), found by name or participant number. */
export async function searchConversations(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const list = { path: '/v1/conversations', pageSize: CONVERSATION_PAGE_SIZE };
	return await searchPage(this, list, paginationToken, (conversation: QuoConversation) =>
		matches(filter, conversation.name, conversation.id, ...(conversation.participants ?? []))
			? { name: conversationLabel(conversation), value: conversation.id }
			: undefined,
	);
}

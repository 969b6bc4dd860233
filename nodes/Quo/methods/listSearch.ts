import type { ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { byName, fetchPhoneNumbers, fetchUserPage, phoneNumberLabel, userLabel } from '../helpers/directory';

/** Case-insensitive; a filter of digits finds a number however it is formatted ("5550101" finds "(555) 555-0101"). */
function matches(filter: string | undefined, ...fields: Array<string | null | undefined>): boolean {
	const wanted = filter?.trim().toLowerCase() ?? '';
	if (wanted === '') return true;
	const wantedDigits = /^[\d\s()+.-]+$/.test(wanted) ? wanted.replace(/\D/g, '') : '';
	return fields.some((field) => {
		const text = (field ?? '').toLowerCase();
		return text.includes(wanted) || (wantedDigits !== '' && text.replace(/\D/g, '').includes(wantedDigits));
	});
}

/** The workspace's phone numbers for a resource locator's list (Quo lists them on one page). */
export async function searchPhoneNumbers(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const phoneNumbers = await fetchPhoneNumbers.call(this);
	const results: INodeListSearchItems[] = phoneNumbers
		.filter((phoneNumber) => matches(filter, phoneNumber.name, phoneNumber.number, phoneNumber.formattedNumber))
		.map((phoneNumber) => ({ name: phoneNumberLabel(phoneNumber), value: phoneNumber.id }))
		.sort(byName);
	return { results };
}

/** One page of the workspace's users for a resource locator's list; Quo's page token pages on. */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = await fetchUserPage.call(this, paginationToken);
	const results = page.users
		.filter((user) => matches(filter, user.firstName, user.lastName, user.email, user.id))
		.map((user) => ({ name: userLabel(user), value: user.id }));
	return { results, paginationToken: page.nextPageToken };
}

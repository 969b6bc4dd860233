import { quoApiRequest, type QuoApiContext } from '../transport';

/** The fields of Quo's phone number and user objects that pickers and lookups read. */
export interface QuoPhoneNumber {
	id: string;
	name?: string | null;
	number?: string | null;
	formattedNumber?: string | null;
}

export interface QuoUser {
	id: string;
	email?: string | null;
	firstName?: string | null;
	lastName?: string | null;
}

export interface QuoUserPage {
	users: QuoUser[];
	nextPageToken: string | undefined;
}

/** The largest page `GET /v1/users` allows. */
export const USER_PAGE_SIZE = 50;

/** `GET /v1/phone-numbers` is not paginated: one request lists every number of the workspace. */
export async function fetchPhoneNumbers(this: QuoApiContext, itemIndex?: number): Promise<QuoPhoneNumber[]> {
	const { data } = await quoApiRequest.call(this, { method: 'GET', path: '/v1/phone-numbers', itemIndex });
	return Array.isArray(data) ? (data as QuoPhoneNumber[]) : [];
}

export async function fetchUserPage(this: QuoApiContext, pageToken?: string): Promise<QuoUserPage> {
	const page = await quoApiRequest.call(this, {
		method: 'GET',
		path: '/v1/users',
		qs: { maxResults: USER_PAGE_SIZE, ...(pageToken ? { pageToken } : {}) },
	});
	return {
		users: Array.isArray(page.data) ? (page.data as unknown as QuoUser[]) : [],
		nextPageToken: typeof page.nextPageToken === 'string' && page.nextPageToken !== '' ? page.nextPageToken : undefined,
	};
}

/** "Sales ((555) 555-0101)", or just the number when the line has no name. */
export function phoneNumberLabel(phoneNumber: QuoPhoneNumber): string {
	const number = phoneNumber.formattedNumber ?? phoneNumber.number ?? '';
	const name = phoneNumber.name?.trim();
	return name ? `${name} (${number})` : number || phoneNumber.id;
}

/** "Avery Owner (avery.owner@example.com)", falling back to whatever the user has. */
export function userLabel(user: QuoUser): string {
	const name = [user.firstName, user.lastName].filter((part) => part?.trim()).join(' ');
	if (name && user.email) return `${name} (${user.email})`;
	return name || user.email || user.id;
}

export function byName<T extends { name: string }>(a: T, b: T): number {
	return a.name.localeCompare(b.name);
}

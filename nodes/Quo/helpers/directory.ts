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

export type CustomFieldType = 'address' | 'boolean' | 'date' | 'multi-select' | 'number' | 'string' | 'url';

/** A custom contact field of the workspace, as `GET /v1/contact-custom-fields` lists it. */
export interface QuoCustomField {
	name: string;
	key: string;
	type: CustomFieldType;
}

interface LabeledValue {
	name?: string;
	value?: string | null;
}

/** The fields of Quo's contact object that pickers and phone lookups read. */
export interface QuoContact {
	id: string;
	defaultFields?: {
		firstName?: string | null;
		lastName?: string | null;
		company?: string | null;
		emails?: LabeledValue[];
		phoneNumbers?: LabeledValue[];
	};
}

export interface QuoConversation {
	id: string;
	name?: string | null;
	participants?: string[];
}

/** One page of a v1 list; `nextPageToken` is undefined on the last page. */
export interface V1ListPage<T> {
	items: T[];
	nextPageToken: string | undefined;
}

/** The largest page `GET /v1/users` allows. */
export const USER_PAGE_SIZE = 50;
/** The largest page `GET /v1/contacts` allows. */
export const CONTACT_PAGE_SIZE = 50;
/** The largest page `GET /v1/conversations` allows. */
export const CONVERSATION_PAGE_SIZE = 100;

/** `GET /v1/phone-numbers` is not paginated: one request lists every number of the workspace. */
export async function fetchPhoneNumbers(this: QuoApiContext, itemIndex?: number): Promise<QuoPhoneNumber[]> {
	const { data } = await quoApiRequest.call(this, { method: 'GET', path: '/v1/phone-numbers', itemIndex });
	return Array.isArray(data) ? (data as QuoPhoneNumber[]) : [];
}

/** `GET /v1/contact-custom-fields` is not paginated either. */
export async function fetchCustomFields(this: QuoApiContext, itemIndex?: number): Promise<QuoCustomField[]> {
	const { data } = await quoApiRequest.call(this, { method: 'GET', path: '/v1/contact-custom-fields', itemIndex });
	return Array.isArray(data) ? (data as unknown as QuoCustomField[]) : [];
}

/** One page of a v1 list (`maxResults` + `pageToken`), for pickers and lookups that page on demand. */
export async function fetchV1Page<T>(
	this: QuoApiContext,
	request: { path: string; pageSize: number; pageToken?: string; itemIndex?: number },
): Promise<V1ListPage<T>> {
	const page = await quoApiRequest.call(this, {
		method: 'GET',
		path: request.path,
		qs: { maxResults: request.pageSize, ...(request.pageToken ? { pageToken: request.pageToken } : {}) },
		itemIndex: request.itemIndex,
	});
	return {
		items: Array.isArray(page.data) ? (page.data as unknown as T[]) : [],
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

/** The contact's phone numbers and email addresses, as given (not normalized). */
export function contactChannels(contact: QuoContact): string[] {
	const fields = contact.defaultFields;
	return [...(fields?.phoneNumbers ?? []), ...(fields?.emails ?? [])]
		.map((entry) => entry.value?.trim() ?? '')
		.filter((value) => value !== '');
}

/** "Ada Lovelace (Analytical Engines)", else the first phone number or email, else the ID. */
export function contactLabel(contact: QuoContact): string {
	const fields = contact.defaultFields;
	const name = [fields?.firstName, fields?.lastName].filter((part) => part?.trim()).join(' ');
	const company = fields?.company?.trim();
	if (name) return company ? `${name} (${company})` : name;
	return company || contactChannels(contact)[0] || contact.id;
}

/** The conversation's name, else its participants. */
export function conversationLabel(conversation: QuoConversation): string {
	return conversation.name?.trim() || (conversation.participants ?? []).join(', ') || conversation.id;
}

export function byName<T extends { name: string }>(a: T, b: T): number {
	return a.name.localeCompare(b.name);
}

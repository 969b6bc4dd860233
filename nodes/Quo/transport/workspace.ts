import { quoApiRequest, type QuoApiContext } from './index';

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

export type CustomFieldType =
	'address' | 'boolean' | 'date' | 'multi-select' | 'number' | 'string' | 'url';

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

/** The largest page `GET /v1/users` allows. */
export const USER_PAGE_SIZE = 50;
/** The largest page `GET /v1/contacts` allows. */
export const CONTACT_PAGE_SIZE = 50;
/** The largest page `GET /v1/conversations` allows. */
export const CONVERSATION_PAGE_SIZE = 100;

/** `GET /v1/phone-numbers` is not paginated: one request lists every number of the workspace. */
export async function fetchPhoneNumbers(
	this: QuoApiContext,
	itemIndex?: number,
): Promise<QuoPhoneNumber[]> {
	return await fetchWholeList<QuoPhoneNumber>(this, '/v1/phone-numbers', itemIndex);
}

/** `GET /v1/contact-custom-fields` is not paginated either. */
export async function fetchCustomFields(
	this: QuoApiContext,
	itemIndex?: number,
): Promise<QuoCustomField[]> {
	return await fetchWholeList<QuoCustomField>(this, '/v1/contact-custom-fields', itemIndex);
}

/** A list Quo answers in one request, without pages: its `data` array, or none. */
async function fetchWholeList<T>(
	context: QuoApiContext,
	path: string,
	itemIndex: number | undefined,
): Promise<T[]> {
	const { data } = await quoApiRequest.call(context, { method: 'GET', path, itemIndex });
	return Array.isArray(data) ? (data as unknown as T[]) : [];
}

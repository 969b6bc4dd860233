import type { INodeProperties } from 'n8n-workflow';

import { E164_EXAMPLE, E164_PATTERN } from './phoneNumbers';

interface IdForm {
	placeholder: string;
	/** Checked in the editor where Quo's IDs have one (`PN…`, `US…`, `CN…`); contact IDs have none. */
	prefix?: { prefix: string; kind: string };
}

/** A resource locator: "From List" (searched and paged by a `listSearch` method) and "By ID". */
function locatorOf(
	displayName: string,
	name: string,
	searchListMethod: string,
	id: IdForm,
): INodeProperties {
	const validation = id.prefix && {
		validation: [
			{
				type: 'regex' as const,
				properties: {
					regex: `^${id.prefix.prefix}[A-Za-z0-9]+$`,
					errorMessage: `Not a Quo ${id.prefix.kind} ID (those start with ${id.prefix.prefix})`,
				},
			},
		],
	};
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: id.placeholder,
				...validation,
			},
		],
	};
}

const phoneNumberLocator = locatorOf('Phone Number', 'phoneNumberId', 'searchPhoneNumbers', {
	placeholder: 'e.g. PN123abc',
	prefix: { prefix: 'PN', kind: 'phone number' },
});

/** One of the workspace's Quo numbers: picked from the list, or given as a `PN…` id or an E.164 number. */
export const phoneNumberRLC: INodeProperties = {
	...phoneNumberLocator,
	modes: [
		...(phoneNumberLocator.modes ?? []),
		{
			displayName: 'By Number',
			name: 'phoneNumber',
			type: 'string',
			placeholder: `e.g. ${E164_EXAMPLE}`,
			validation: [
				{
					type: 'regex',
					properties: {
						regex: E164_PATTERN,
						errorMessage: `Not an E.164 number like ${E164_EXAMPLE}`,
					},
				},
			],
		},
	],
};

/** A user of the workspace: picked from the list or given as a `US…` id. */
export const userRLC = locatorOf('User', 'userId', 'searchUsers', {
	placeholder: 'e.g. US123abc',
	prefix: { prefix: 'US', kind: 'user' },
});

/** A contact of the workspace: picked from the list or given by ID (Quo's contact IDs have no prefix). */
export const contactRLC = locatorOf('Contact', 'contactId', 'searchContacts', {
	placeholder: 'e.g. 664d0db69fcac7cf2e6ec20f',
});

/** A conversation of the workspace: picked from the list (most recent first) or given as a `CN…` id. */
export const conversationRLC = locatorOf('Conversation', 'conversationId', 'searchConversations', {
	placeholder: 'e.g. CN123abc',
	prefix: { prefix: 'CN', kind: 'conversation' },
});

export const returnAllOption: INodeProperties = {
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
};

export const limitOption: INodeProperties = {
	displayName: 'Limit',
	name: 'limit',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 50,
	description: 'Max number of results to return',
	displayOptions: { show: { returnAll: [false] } },
};

/** An operation's optional parameters, as a collection the user adds to: "Filters", "Additional Fields", "Update Fields". */
function collectionOf(
	displayName: string,
	name: string,
	placeholder: string,
	options: INodeProperties[],
): INodeProperties {
	return { displayName, name, type: 'collection', placeholder, default: {}, options };
}

export function filtersCollection(options: INodeProperties[]): INodeProperties {
	return collectionOf('Filters', 'filters', 'Add Filter', options);
}

export function additionalFieldsCollection(options: INodeProperties[]): INodeProperties {
	return collectionOf('Additional Fields', 'additionalFields', 'Add Field', options);
}

/** Settings of how an operation works, rather than what it sends. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return collectionOf('Options', 'options', 'Add Option', options);
}

/** Fields to change; those not added stay as they are. */
export function updateFieldsCollection(options: INodeProperties[]): INodeProperties {
	return collectionOf('Update Fields', 'updateFields', 'Add Field', options);
}

/** A list's "Filters": "Created After" and "Created Before" (of `what`, as in "messages"), then the list's own filters. */
export function filtersWithCreatedRange(what: string, more: INodeProperties[]): INodeProperties {
	return filtersCollection([
		{
			displayName: 'Created After',
			name: 'createdAfter',
			type: 'dateTime',
			default: '',
			description: `Only ${what} created after this moment`,
		},
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			type: 'dateTime',
			default: '',
			description: `Only ${what} created before this moment`,
		},
		...more,
	]);
}

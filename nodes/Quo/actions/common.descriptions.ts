import type { INodeProperties } from 'n8n-workflow';

import { E164_EXAMPLE, E164_PATTERN } from '../helpers/phoneNumbers';

/** One of the workspace's Quo numbers: picked from the list, or given as a `PN…` id or an E.164 number. */
export const phoneNumberRLC: INodeProperties = {
	displayName: 'Phone Number',
	name: 'phoneNumberId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPhoneNumbers', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. PN123abc',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^PN[A-Za-z0-9]+$', errorMessage: 'Not a Quo phone number ID (those start with PN)' },
				},
			],
		},
		{
			displayName: 'By Number',
			name: 'phoneNumber',
			type: 'string',
			placeholder: `e.g. ${E164_EXAMPLE}`,
			validation: [
				{
					type: 'regex',
					properties: { regex: E164_PATTERN, errorMessage: `Not an E.164 number like ${E164_EXAMPLE}` },
				},
			],
		},
	],
};

/** A user of the workspace: picked from the list or given as a `US…` id. */
export const userRLC: INodeProperties = {
	displayName: 'User',
	name: 'userId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchUsers', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. US123abc',
			validation: [
				{
					type: 'regex',
					properties: { regex: '^US[A-Za-z0-9]+$', errorMessage: 'Not a Quo user ID (those start with US)' },
				},
			],
		},
	],
};

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

/** A list's "Filters": "Created After" and "Created Before" (of `what`, as in "messages"), then the list's own filters. */
export function filtersWithCreatedRange(what: string, more: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
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
		],
	};
}

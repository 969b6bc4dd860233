import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteContact from './delete.operation';
import * as findByPhone from './findByPhone.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

// `delete` is a reserved word, so the operation module is bound as `deleteContact` and exported under its value.
export { create, deleteContact as delete, findByPhone, get, getMany, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a contact',
				description:
					'Add a contact to the Quo workspace. Takes a first name and optionally last name, company, role, emails, phone numbers (stored in E.164), custom fields by name, an external ID and source. Returns the new contact with its ID.',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				action: 'Create or update a contact',
				description:
					'Create a new contact with the given External ID, e.g. to sync a CRM (same fields as Create; returns the contact; empty fields leave an existing contact as it is), or update the current one if it already exists (upsert)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Delete a contact',
				description:
					'Delete a contact for good. Needs the contact (from the list, or its ID). Returns the ID with "deleted": true.',
			},
			{
				name: 'Find by Phone',
				value: 'findByPhone',
				action: 'Find contacts by phone number',
				description:
					"Find the contacts that have a phone number, e.g. to know who called or texted. Needs the number (any common form; it is compared in E.164). Quo's API cannot search by number, so this pages through all contacts, stopping once Limit are found. Returns one item per matching contact; none when no contact has it.",
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a contact',
				description:
					'Fetch one contact. Needs the contact (from the list, or its ID). Returns its names, company, role, emails, phone numbers, custom fields, external ID and source.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many contacts',
				description:
					'List the contacts of the workspace, optionally only those with given external IDs or sources. Returns one item per contact, as Get does.',
			},
			{
				name: 'Update',
				value: 'update',
				action: 'Update a contact',
				description:
					'Change fields of a contact; fields left out stay as they are, a field added but left empty is cleared. Needs the contact (from the list, or its ID). Returns the updated contact.',
			},
		],
		default: 'create',
	},
	...create.description,
	...deleteContact.description,
	...findByPhone.description,
	...get.description,
	...getMany.description,
	...update.description,
	...upsert.description,
];

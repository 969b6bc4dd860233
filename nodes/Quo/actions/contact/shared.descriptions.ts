import type { INodeProperties } from 'n8n-workflow';

import { E164_EXAMPLE } from '../phoneNumbers';
import { userRLC } from '../common.descriptions';

function textField(
	displayName: string,
	name: string,
	description: string,
	example: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'string',
		default: '',
		placeholder: `e.g. ${example}`,
		description,
	};
}

/** A list of labeled values (emails, phone numbers) as Quo keeps them: `[{name, value}]`. */
function labeledValuesField(
	displayName: string,
	name: string,
	labelExample: string,
	value: INodeProperties,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: `Add ${value.displayName}`,
		default: {},
		options: [
			{
				displayName: value.displayName,
				name: 'values',
				values: [
					{
						displayName: 'Label',
						name: 'name',
						type: 'string',
						default: labelExample,
						description: `What it is, e.g. ${labelExample}`,
					},
					value,
				],
			},
		],
	};
}

export const firstNameField = textField(
	'First Name',
	'firstName',
	"The contact's first name",
	'Jane',
);

export const externalIdField = textField(
	'External ID',
	'externalId',
	"The contact's ID in another system (up to 75 characters); Get Many and Upsert find contacts by it",
	'crm-42',
);

const companyField = textField('Company', 'company', "The contact's company", 'Acme Inc.');
const lastNameField = textField('Last Name', 'lastName', "The contact's last name", 'Doe');
const roleField = textField('Role', 'role', "The contact's role or job title", 'Head of Sales');
const sourceField = textField(
	'Source',
	'source',
	'Where the contact comes from, 1 to 72 characters (Quo sets public-api when left out). Quo reserves openphone, device, csv, zapier, google-people and other, and the prefixes openphone and csv.',
	'hubspot',
);
const sourceUrlField = textField(
	'Source URL',
	'sourceUrl',
	'A link to the contact in the source system',
	'https://crm.example.com/contacts/42',
);

const emailsField = labeledValuesField('Emails', 'emails', 'work', {
	displayName: 'Email',
	name: 'value',
	type: 'string',
	placeholder: 'e.g. name@email.com',
	default: '',
	description: 'The email address',
});

const phoneNumbersField = labeledValuesField('Phone Numbers', 'phoneNumbers', 'mobile', {
	displayName: 'Phone Number',
	name: 'value',
	type: 'string',
	placeholder: `e.g. ${E164_EXAMPLE}`,
	default: '',
	description: 'The phone number, in E.164 or any common form; it is stored in E.164',
});

const customFieldsField: INodeProperties = {
	displayName: 'Custom Fields',
	name: 'customFields',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Field',
	default: {},
	options: [
		{
			displayName: 'Custom Field',
			name: 'values',
			values: [
				{
					displayName: 'Field Name or ID',
					name: 'key',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getContactCustomFields' },
					default: '',
					description:
						'The custom field, as set up in Quo. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
					description:
						'Text for string, URL and address fields, a number, true or false, an ISO 8601 date (2026-05-01), or options separated by commas for multi-select. Empty clears the field.',
				},
			],
		},
	],
};

const createdByField: INodeProperties = {
	...userRLC,
	displayName: 'Created By',
	name: 'createdByUserId',
	description: 'The Quo user the contact is created as; leave empty for the owner of the API key',
};

/** Create's "Additional Fields" (First Name is its own parameter). */
export const createFields: INodeProperties[] = [
	companyField,
	createdByField,
	customFieldsField,
	emailsField,
	externalIdField,
	lastNameField,
	phoneNumbersField,
	roleField,
	sourceField,
	sourceUrlField,
];

/** Upsert's "Additional Fields" (First Name and External ID are its own parameters). */
export const upsertFields = createFields.filter((field) => field !== externalIdField);

/** Update's "Update Fields". */
export const updateFields: INodeProperties[] = [
	companyField,
	customFieldsField,
	emailsField,
	externalIdField,
	firstNameField,
	lastNameField,
	phoneNumbersField,
	roleField,
	sourceField,
	sourceUrlField,
];

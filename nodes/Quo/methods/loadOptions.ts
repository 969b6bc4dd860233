import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { byName, phoneNumberLabel } from './labels';
import { fetchCustomFields, fetchPhoneNumbers } from '../transport/workspace';

/** The workspace's phone numbers as "Name (+1 555…)", for pickers that send `PN…` ids. */
export async function getPhoneNumbers(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const phoneNumbers = await fetchPhoneNumbers.call(this);
	return phoneNumbers
		.map((phoneNumber) => ({ name: phoneNumberLabel(phoneNumber), value: phoneNumber.id }))
		.sort(byName);
}

/** The workspace's custom contact fields by name (with their type), for pickers that send the field's key. */
export async function getContactCustomFields(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const fields = await fetchCustomFields.call(this);
	return fields
		.map((field) => ({
			name: `${field.name} (${field.type})`,
			value: field.key,
			description: `Key ${field.key}`,
		}))
		.sort(byName);
}

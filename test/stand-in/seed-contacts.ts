import { randomBytes } from 'node:crypto';

import { randomId } from './ids';
import type { Contact, ContactCustomField, CustomFieldDefinition, User } from './state';

/** One custom contact field of each type Quo has. */
export const seededCustomFields: CustomFieldDefinition[] = [
	{ name: 'Deal Size', key: 'deal-size', type: 'number' },
	{ name: 'Interests', key: 'interests', type: 'multi-select' },
	{ name: 'Lead Source', key: 'inbound-lead', type: 'string' },
	{ name: 'Office Address', key: 'office-address', type: 'address' },
	{ name: 'Renewal Date', key: 'renewal-date', type: 'date' },
	{ name: 'VIP', key: 'vip', type: 'boolean' },
	{ name: 'Website', key: 'website', type: 'url' },
];

/** A number two seeded contacts share: the fourth has it in E.164, the last as people write it. */
export const seededSharedContactNumber = '+15555550199';
const sharedNumberAsWritten = '(555) 555-0199';

const firstNames = ['Ada', 'Grace', 'Alan', 'Katherine', 'Linus', 'Margaret'];

/** Contact ids are Quo's own (24 hex digits), with no type prefix. */
export function newContactId(): string {
	return randomBytes(12).toString('hex');
}

/** The E.164 number of seeded contact n (0-based): +1555560nnnn. */
export function seededContactNumber(index: number): string {
	return `+1555560${String(index).padStart(4, '0')}`;
}

function customField(key: string, value: ContactCustomField['value']): ContactCustomField {
	const definition = seededCustomFields.find((field) => field.key === key);
	if (!definition) throw new Error(`No seeded custom field ${key}`);
	return { ...definition, id: randomId('', 24), value };
}

/**
 * `count` contacts, newest first. Every other one has an external ID (`crm-<n>`, source `hubspot`), every fourth
 * custom field values, and the fourth and the last share `seededSharedContactNumber` in two forms.
 */
export function seedContacts(count: number, owner: User | undefined): Contact[] {
	if (count === 0) return [];
	if (!owner) throw new Error('Seeding contacts needs a user');
	const now = Date.now();
	return Array.from({ length: count }, (_, index) => {
		const createdAt = new Date(now - index * 60_000).toISOString();
		const external = index % 2 === 0;
		let number = seededContactNumber(index);
		if (index === 3) number = seededSharedContactNumber;
		if (index === count - 1 && count > 4) number = sharedNumberAsWritten;
		return {
			id: newContactId(),
			externalId: external ? `crm-${index + 1}` : null,
			source: external ? 'hubspot' : 'public-api',
			sourceUrl: external ? `https://crm.example.com/contacts/${index + 1}` : null,
			defaultFields: {
				company: index % 3 === 0 ? 'Acme Inc' : null,
				emails: [{ name: 'work', value: `contact${index + 1}@example.com`, id: randomId('', 24) }],
				firstName: firstNames[index % firstNames.length] ?? null,
				lastName: `Sample${index + 1}`,
				phoneNumbers: [{ name: 'mobile', value: number, id: randomId('', 24) }],
				role: index % 3 === 1 ? 'Buyer' : null,
			},
			customFields:
				index % 4 === 0
					? [
							customField('deal-size', 1000 * (index + 1)),
							customField('vip', index % 8 === 0),
							customField('interests', ['sms']),
						]
					: [],
			createdAt,
			updatedAt: createdAt,
			createdByUserId: owner.id,
		};
	});
}

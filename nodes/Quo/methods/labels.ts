import type { QuoContact, QuoConversation, QuoPhoneNumber, QuoUser } from '../transport/workspace';

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
	return (
		conversation.name?.trim() || (conversation.participants ?? []).join(', ') || conversation.id
	);
}

export function byName<T extends { name: string }>(a: T, b: T): number {
	return a.name.localeCompare(b.name);
}

import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { quoApiRequest } from '../transport';

interface QuoPhoneNumber {
	id: string;
	name?: string | null;
	number?: string | null;
	formattedNumber?: string | null;
}

/** The workspace's phone numbers as "Name (+1 555…)", for pickers that send `PN…` ids. */
export async function getPhoneNumbers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const { data } = (await quoApiRequest.call(this, { method: 'GET', path: '/v1/phone-numbers' })) as { data?: QuoPhoneNumber[] };
	return (data ?? [])
		.map((phoneNumber) => {
			const number = phoneNumber.formattedNumber ?? phoneNumber.number ?? '';
			const name = phoneNumber.name?.trim();
			return { name: name ? `${name} (${number})` : number || phoneNumber.id, value: phoneNumber.id };
		})
		.sort((a, b) => a.name.localeCompare(b.name));
}

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { QuoContact } from '../../transport/workspace';
import type { Execution } from '../types';
import { E164_EXAMPLE, requireE164, toE164 } from '../phoneNumbers';
import { resultLimit } from '../resultLimit';
import { limitOption, returnAllOption } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${E164_EXAMPLE}`,
		description:
			'The number to look for, in E.164 or any common form ((555) 555-0123 is taken as +15555550123; other countries need their code)',
	},
	{
		...returnAllOption,
		description: 'Whether to return every contact with the number or only up to a given limit',
	},
	{
		...limitOption,
		description: 'Max number of contacts to return; the search stops once it has found this many',
	},
];

const displayOptions = { show: { resource: ['contact'], operation: ['findByPhone'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

function hasNumber(contact: QuoContact, wanted: string): boolean {
	return (contact.defaultFields?.phoneNumbers ?? []).some(
		(entry) => typeof entry.value === 'string' && toE164(entry.value) === wanted,
	);
}

/**
 * Quo's v1 API cannot filter contacts by phone number, so this pages through every contact and compares the
 * numbers in E.164. Items of one execution share the pages, and the walk stops once Limit contacts are found.
 */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
): Promise<IDataObject[]> {
	const wanted = requireE164(
		this.getNode(),
		this.getNodeParameter('phoneNumber', itemIndex),
		'Phone Number',
		itemIndex,
	);
	const limit = resultLimit.call(this, itemIndex) ?? Infinity;
	const found: QuoContact[] = [];
	for (let index = 0; found.length < limit; index++) {
		const page = await execution.lookups.contactPage(index, itemIndex);
		if (!page) break;
		found.push(...page.items.filter((contact) => hasNumber(contact, wanted)));
		if (page.nextPageToken === undefined) break;
	}
	return found.slice(0, limit) as unknown as IDataObject[];
}

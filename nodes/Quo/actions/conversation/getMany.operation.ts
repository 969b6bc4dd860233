import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createdRangeQuery, updatedRangeQuery } from '../dateTime';
import { CONVERSATION_PAGE_SIZE } from '../../transport/workspace';
import { fieldError, requireQuoId, USER_ID } from '../fieldErrors';
import { listOf } from '../lists';
import { E164_EXAMPLE, isE164 } from '../phoneNumbers';
import { resultLimit } from '../resultLimit';
import { quoApiRequestAllItemsV1 } from '../../transport/pagination';
import {
	filtersWithCreatedRange,
	limitOption,
	returnAllOption,
	userRLC,
} from '../common.descriptions';

/** `GET /v1/conversations` takes at most 100 numbers. */
const MAX_PHONE_NUMBERS = 100;

const properties: INodeProperties[] = [
	returnAllOption,
	limitOption,
	filtersWithCreatedRange('conversations', [
		{
			displayName: 'Exclude Inactive',
			name: 'excludeInactive',
			type: 'boolean',
			default: false,
			description: 'Whether to leave out conversations that are inactive in Quo',
		},
		{
			displayName: 'Phone Number Names or IDs',
			name: 'phoneNumbers',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getPhoneNumbers' },
			default: [],
			description:
				'Only conversations of these Quo numbers (IDs or E.164 numbers, up to 100). Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
		{
			displayName: 'Updated After',
			name: 'updatedAfter',
			type: 'dateTime',
			default: '',
			description: 'Only conversations updated after this moment',
		},
		{
			displayName: 'Updated Before',
			name: 'updatedBefore',
			type: 'dateTime',
			default: '',
			description: 'Only conversations updated before this moment',
		},
		{ ...userRLC, description: 'Only conversations of the Quo numbers this user has' },
	]),
];

const displayOptions = { show: { resource: ['conversation'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

/** Quo takes the numbers as `PN…` ids or E.164 numbers alike, so neither needs a lookup. */
function phoneNumbersOf(node: INode, value: unknown, itemIndex: number): string[] {
	const phoneNumbers = listOf(value);
	if (phoneNumbers.length > MAX_PHONE_NUMBERS) {
		throw fieldError(
			node,
			'Phone Numbers',
			`${phoneNumbers.length} numbers; Quo allows at most ${MAX_PHONE_NUMBERS}`,
			itemIndex,
		);
	}
	const invalid = phoneNumbers.find((entry) => !isE164(entry) && !entry.startsWith('PN'));
	if (invalid !== undefined) {
		throw fieldError(
			node,
			'Phone Numbers',
			`'${invalid}' is neither a Quo phone number ID (PN…) nor an E.164 number like ${E164_EXAMPLE}`,
			itemIndex,
		);
	}
	return phoneNumbers;
}

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const node = this.getNode();
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const userId = String(
		this.getNodeParameter('filters.userId', itemIndex, '', { extractValue: true }),
	).trim();

	const qs: IDataObject = {
		...createdRangeQuery(node, filters, itemIndex),
		...updatedRangeQuery(node, filters, itemIndex),
	};
	const phoneNumbers = phoneNumbersOf(node, filters.phoneNumbers, itemIndex);
	if (phoneNumbers.length > 0) qs.phoneNumbers = phoneNumbers;
	if (userId) qs.userId = requireQuoId(node, userId, USER_ID, 'User', itemIndex);
	if (filters.excludeInactive === true) qs.excludeInactive = true;

	return (await quoApiRequestAllItemsV1.call(this, {
		path: '/v1/conversations',
		qs,
		limit: resultLimit.call(this, itemIndex),
		pageSize: CONVERSATION_PAGE_SIZE,
		itemIndex,
	})) as IDataObject[];
}

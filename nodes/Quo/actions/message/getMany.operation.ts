import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createdRangeQuery } from '../dateTime';
import type { Execution } from '../types';
import { requireQuoId, USER_ID } from '../fieldErrors';
import { E164_EXAMPLE, parsePhoneNumberList } from '../phoneNumbers';
import { resultLimit } from '../resultLimit';
import { quoApiRequestAllItemsV1 } from '../../transport/pagination';
import {
	filtersWithCreatedRange,
	limitOption,
	phoneNumberRLC,
	returnAllOption,
	userRLC,
} from '../common.descriptions';

const MAX_PARTICIPANTS = 10;
/** The largest page `GET /v1/messages` allows. */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	{
		...phoneNumberRLC,
		displayName: 'Quo Phone Number',
		required: true,
		description: 'The Quo number whose conversation to read',
	},
	{
		displayName: 'Participants',
		name: 'participants',
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${E164_EXAMPLE}`,
		description:
			'The other side of the conversation: one E.164 number, or up to ten separated by commas for a group conversation (Quo requires this)',
	},
	returnAllOption,
	limitOption,
	filtersWithCreatedRange('messages', [
		{
			...userRLC,
			description: 'Only messages sent by this Quo user',
		},
	]),
];

const displayOptions = { show: { resource: ['message'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
): Promise<IDataObject[]> {
	const node = this.getNode();
	const phoneNumberId = await execution.lookups.phoneNumberId(
		this.getNodeParameter('phoneNumberId', itemIndex, '', { extractValue: true }),
		'Quo Phone Number',
		itemIndex,
	);
	const participants = parsePhoneNumberList(
		node,
		this.getNodeParameter('participants', itemIndex),
		'Participants',
		{ max: MAX_PARTICIPANTS, noun: 'participants' },
		itemIndex,
	);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const userId = this.getNodeParameter('filters.userId', itemIndex, '', {
		extractValue: true,
	}) as string;

	const qs: IDataObject = {
		phoneNumberId,
		participants,
		...createdRangeQuery(node, filters, itemIndex),
	};
	if (userId) qs.userId = requireQuoId(node, userId, USER_ID, 'User', itemIndex);

	return (await quoApiRequestAllItemsV1.call(this, {
		path: '/v1/messages',
		qs,
		notFound: `the phone number (Quo Phone Number) ${phoneNumberId}`,
		limit: resultLimit.call(this, itemIndex),
		pageSize: PAGE_SIZE,
		itemIndex,
	})) as IDataObject[];
}

import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { createdRangeQuery } from '../dateTime';
import type { Execution } from '../types';
import { fieldError, requireQuoId, USER_ID } from '../fieldErrors';
import { listOf } from '../lists';
import { E164_EXAMPLE, requireE164 } from '../phoneNumbers';
import { resultLimit } from '../resultLimit';
import { quoApiRequestAllItemsV1 } from '../../transport/pagination';
import {
	filtersWithCreatedRange,
	limitOption,
	phoneNumberRLC,
	returnAllOption,
	userRLC,
} from '../common.descriptions';

/** The largest page `GET /v1/calls` allows. */
const PAGE_SIZE = 100;

const properties: INodeProperties[] = [
	{
		...phoneNumberRLC,
		displayName: 'Quo Phone Number',
		required: true,
		description: 'The Quo number whose calls to list',
	},
	{
		displayName: 'Participant',
		name: 'participant',
		type: 'string',
		required: true,
		default: '',
		placeholder: `e.g. ${E164_EXAMPLE}`,
		description:
			'The other side of the calls: exactly one phone number, written in E.164 or any common form (Quo requires it)',
	},
	returnAllOption,
	limitOption,
	filtersWithCreatedRange('calls', [
		{ ...userRLC, description: 'Only calls answered or made by this Quo user' },
	]),
];

const displayOptions = { show: { resource: ['call'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

/** Quo lists the calls with one other number at a time. */
function participantOf(node: INode, value: unknown, itemIndex: number): string {
	const numbers = listOf(value);
	if (numbers.length > 1) {
		throw fieldError(
			node,
			'Participant',
			`${numbers.length} numbers; Quo lists the calls with exactly one other number at a time`,
			itemIndex,
		);
	}
	return requireE164(node, numbers[0], 'Participant', itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
): Promise<IDataObject[]> {
	const node = this.getNode();
	const participant = participantOf(
		node,
		this.getNodeParameter('participant', itemIndex),
		itemIndex,
	);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const userId = String(
		this.getNodeParameter('filters.userId', itemIndex, '', { extractValue: true }),
	).trim();
	const qs: IDataObject = {
		participants: [participant],
		...createdRangeQuery(node, filters, itemIndex),
	};
	if (userId) qs.userId = requireQuoId(node, userId, USER_ID, 'User', itemIndex);
	qs.phoneNumberId = await execution.lookups.phoneNumberId(
		this.getNodeParameter('phoneNumberId', itemIndex, '', { extractValue: true }),
		'Quo Phone Number',
		itemIndex,
	);

	return (await quoApiRequestAllItemsV1.call(this, {
		path: '/v1/calls',
		qs,
		notFound: `the phone number (Quo Phone Number) ${qs.phoneNumberId}`,
		limit: resultLimit.call(this, itemIndex),
		pageSize: PAGE_SIZE,
		itemIndex,
	})) as IDataObject[];
}

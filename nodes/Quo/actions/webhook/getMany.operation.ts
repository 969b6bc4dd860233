import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { requireQuoId, USER_ID } from '../fieldErrors';
import { listSubscriptionRecords } from '../../transport/webhooks';
import { resultLimit } from '../resultLimit';
import { limitOption, returnAllOption, userRLC } from '../common.descriptions';
import { apiVersionOptions } from '../../shared/webhookFields';

const properties: INodeProperties[] = [
	{
		displayName: 'Webhook Version',
		name: 'apiVersion',
		type: 'options',
		options: [
			{ name: 'All', value: 'all', description: 'Webhooks of both generations, 2026-03-30 first' },
			...apiVersionOptions,
		],
		default: 'all',
		description: 'Which generation of Quo webhooks to list; each item says its own in "apiVersion"',
	},
	{
		...userRLC,
		displayName: 'V1 Owner',
		displayOptions: { show: { apiVersion: ['all', 'v1'] } },
		description: 'Quo lists v1 webhooks per user; leave empty for those of the workspace owner',
	},
	returnAllOption,
	limitOption,
];

const displayOptions = { show: { resource: ['webhook'], operation: ['getMany'] } };

export const description = updateDisplayOptions(displayOptions, properties);

export const readOnly = true;

async function list2026(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const webhooks = await listSubscriptionRecords.call(this, '2026-03-30', { itemIndex });
	return webhooks.map((webhook) => ({ ...webhook, apiVersion: '2026-03-30' }));
}

async function listV1(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const userId = String(
		this.getNodeParameter('userId', itemIndex, '', { extractValue: true }),
	).trim();
	const webhooks = await listSubscriptionRecords.call(this, 'v1', {
		userId: userId
			? requireQuoId(this.getNode(), userId, USER_ID, 'V1 Owner', itemIndex)
			: undefined,
		itemIndex,
	});
	return webhooks.map((webhook) => ({ ...webhook, apiVersion: 'v1' }));
}

/** Neither list is paginated by Quo; the limit is applied here. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const apiVersion = this.getNodeParameter('apiVersion', itemIndex, 'all') as string;
	const [current, legacy] = await Promise.all([
		apiVersion === 'v1' ? [] : list2026.call(this, itemIndex),
		apiVersion === '2026-03-30' ? [] : listV1.call(this, itemIndex),
	]);
	return [...current, ...legacy].slice(0, resultLimit.call(this, itemIndex));
}

import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionalIsoDateTime } from '../dateTime';
import type { Execution } from '../types';
import { ACTIVITY_ID, CONVERSATION_ID, fieldError, requireQuoId, USER_ID } from '../fieldErrors';
import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import {
	additionalFieldsCollection,
	conversationRLC,
	phoneNumberRLC,
	userRLC,
} from '../common.descriptions';
import { dueDateField } from './shared.descriptions';

const LINKS = ['Phone Number', 'Conversation', 'Activity ID'];

const properties: INodeProperties[] = [
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Call back about the quote',
		description: 'What is to be done',
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		default: '',
		typeOptions: { rows: 3 },
		placeholder: 'e.g. They asked for the enterprise price list',
		description: 'More about the task',
	},
	{
		...phoneNumberRLC,
		description:
			'Link the task to this Quo number. Set exactly one of Phone Number, Conversation and Activity ID.',
	},
	{
		...conversationRLC,
		description:
			'Link the task to this conversation. Set exactly one of Phone Number, Conversation and Activity ID.',
	},
	{
		displayName: 'Activity ID',
		name: 'activityId',
		type: 'string',
		default: '',
		placeholder: 'e.g. AC123abc',
		description:
			'Link the task to this message or call (its ID starts with AC). Set exactly one of Phone Number, Conversation and Activity ID.',
	},
	additionalFieldsCollection([
		{
			...userRLC,
			displayName: 'Assigned To',
			name: 'assignedTo',
			description: 'The Quo user the task is for',
		},
		dueDateField,
	]),
];

const displayOptions = { show: { resource: ['task'], operation: ['create'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** Quo links a task to exactly one thing; zero or several fail here, naming the fields, before any request. */
function exactlyOneLink(node: INode, values: string[], itemIndex: number): void {
	const set = LINKS.filter((_, index) => values[index] !== '');
	if (set.length === 1) return;
	if (set.length === 0) {
		throw fieldError(
			node,
			LINKS.join(', '),
			'link the task to exactly one of them; none is set',
			itemIndex,
		);
	}
	throw fieldError(
		node,
		set.join(', '),
		`link the task to exactly one of ${LINKS.join(', ')}; ${set.length} are set`,
		itemIndex,
	);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
): Promise<IDataObject> {
	const node = this.getNode();
	const title = String(this.getNodeParameter('title', itemIndex)).trim();
	if (title === '') throw fieldError(node, 'Title', 'required', itemIndex);
	const links = ['phoneNumberId', 'conversationId'].map((name) =>
		String(this.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim(),
	);
	links.push(String(this.getNodeParameter('activityId', itemIndex, '')).trim());
	exactlyOneLink(node, links, itemIndex);
	const [phoneNumber, conversationId, activityId] = links;
	const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const assignedTo = String(
		this.getNodeParameter('additionalFields.assignedTo', itemIndex, '', { extractValue: true }),
	).trim();

	// Quo requires a description, which may be empty.
	const body: IDataObject = {
		title,
		description: String(this.getNodeParameter('description', itemIndex, '')),
	};
	const dueDate = optionalIsoDateTime(node, fields.dueDate, 'Due Date', itemIndex);
	if (dueDate) body.dueDate = dueDate;
	if (assignedTo)
		body.assignedTo = requireQuoId(node, assignedTo, USER_ID, 'Assigned To', itemIndex);
	if (conversationId)
		body.conversationId = requireQuoId(
			node,
			conversationId,
			CONVERSATION_ID,
			'Conversation',
			itemIndex,
		);
	if (activityId)
		body.activityId = requireQuoId(node, activityId, ACTIVITY_ID, 'Activity ID', itemIndex);
	if (phoneNumber)
		body.phoneNumberId = await execution.lookups.phoneNumberId(
			phoneNumber,
			'Phone Number',
			itemIndex,
		);

	return unwrapData(
		await quoApiRequest.call(this, { method: 'POST', path: '/v1/tasks', body, itemIndex }),
	);
}

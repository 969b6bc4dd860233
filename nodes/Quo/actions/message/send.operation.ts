import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import type { Execution } from '../types';
import {
	fieldError,
	PHONE_NUMBER_ID,
	requireMaxLength,
	requireQuoId,
	USER_ID,
} from '../fieldErrors';
import { E164_EXAMPLE, isE164, parsePhoneNumberList } from '../phoneNumbers';
import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { phoneNumberRLC, userRLC } from '../common.descriptions';

const MAX_RECIPIENTS = 10;
const MAX_CONTENT_LENGTH = 1600;

/** A send whose answer was lost may have gone out: the error says so, and to check before sending again. */
const MESSAGE_SENT = { what: 'the message', done: 'sent', redo: 'sending' };

/**
 * The field with a hint about the items a workflow feeds it, shown in a workflow but not where the node is an AI
 * Agent's tool (n8n's `@tool`): there the model fills the field, and no trigger item precedes it.
 */
function withWorkflowHint(field: INodeProperties, hint: string): INodeProperties[] {
	return [
		{ ...field, hint, displayOptions: { hide: { '@tool': [true] } } },
		{ ...field, displayOptions: { show: { '@tool': [true] } } },
	];
}

const properties: INodeProperties[] = [
	...withWorkflowHint(
		{
			...phoneNumberRLC,
			displayName: 'From',
			name: 'from',
			required: true,
			description: 'The Quo number the message is sent from',
		},
		"To reply from the number a text or call came in on: By ID, {{ $json.context.phoneNumberId }}. The sample from the Quo Trigger's Execute step has a placeholder ID: test with a real text.",
	),
	...withWorkflowHint(
		{
			displayName: 'To',
			name: 'to',
			type: 'string',
			required: true,
			default: '',
			placeholder: `e.g. ${E164_EXAMPLE}, +15555550124`,
			description:
				'One to ten recipients in E.164 form, separated by commas (or an array from an expression). More than one sends a group message.',
		},
		'For a Quo Trigger item: {{ $json.context.senderIdentifier }} is who texted, {{ $json.context.participants.external[0] }} who called',
	),
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		required: true,
		default: '',
		typeOptions: { rows: 4 },
		placeholder: "e.g. Thanks for your message! We'll get back to you shortly.",
		description: 'The text of the message: 1 to 1,600 characters, not only spaces',
	},
	{
		...userRLC,
		description:
			'The Quo user the message is sent as; leave empty for the owner of the From number',
	},
	{
		displayName: 'Inbox Status',
		name: 'setInboxStatus',
		type: 'options',
		options: [
			{
				name: 'Done',
				value: 'done',
				description: "Move the conversation to the Done view of the sender's Quo inbox",
			},
			{
				name: 'Open',
				value: 'open',
				description: "Leave the conversation open in the sender's Quo inbox (Quo's default)",
			},
		],
		default: 'open',
		description: "Where the conversation shows in the sender's Quo inbox after sending",
	},
];

const displayOptions = { show: { resource: ['message'], operation: ['send'] } };

export const description = updateDisplayOptions(displayOptions, properties);

/** `from` may be a `PN…` id (list and ID modes) or an E.164 number (number mode, or a plain string). */
function senderOf(node: INode, value: unknown, itemIndex: number): string {
	const from = String(value ?? '').trim();
	if (isE164(from)) return from;
	if (from.startsWith('+'))
		throw fieldError(
			node,
			'From',
			`'${from}' is not an E.164 number like ${E164_EXAMPLE}`,
			itemIndex,
		);
	return requireQuoId(node, from, PHONE_NUMBER_ID, 'From', itemIndex);
}

/**
 * An expression can make Content any value. A number or true/false is sent as written, a missing value counts as
 * empty; an object or array would reach Quo as "[object Object]" or "a,b", so it is refused, like null.
 */
function contentOf(node: INode, value: unknown, itemIndex: number): string {
	const content =
		typeof value === 'number' || typeof value === 'boolean'
			? String(value)
			: value === undefined
				? ''
				: value;
	if (typeof content !== 'string') {
		const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : 'an object';
		throw fieldError(
			node,
			'Content',
			`${kind} is not text; pick the text out of it in the expression, or use JSON.stringify()`,
			itemIndex,
		);
	}
	if (content.trim() === '')
		throw fieldError(
			node,
			'Content',
			'empty or only spaces; Quo needs the text to send',
			itemIndex,
		);
	return requireMaxLength(node, content, 'Content', MAX_CONTENT_LENGTH, itemIndex);
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
): Promise<IDataObject> {
	const node = this.getNode();
	const from = senderOf(
		node,
		this.getNodeParameter('from', itemIndex, '', { extractValue: true }),
		itemIndex,
	);
	const to = parsePhoneNumberList(
		node,
		this.getNodeParameter('to', itemIndex),
		'To',
		{ max: MAX_RECIPIENTS, noun: 'recipients' },
		itemIndex,
	);
	const content = contentOf(node, this.getNodeParameter('content', itemIndex), itemIndex);
	const userId = this.getNodeParameter('userId', itemIndex, '', { extractValue: true }) as string;
	const inboxStatus = String(this.getNodeParameter('setInboxStatus', itemIndex, 'open') || 'open');
	if (inboxStatus !== 'open' && inboxStatus !== 'done') {
		throw fieldError(
			node,
			'Inbox Status',
			`'${inboxStatus}' is neither 'done' nor 'open'`,
			itemIndex,
		);
	}

	const body: IDataObject = { content, from, to };
	if (userId) body.userId = requireQuoId(node, userId, USER_ID, 'User', itemIndex);
	if (inboxStatus === 'done') body.setInboxStatus = 'done';

	// The transport resends only after a 429 (Quo refused it, nothing was sent); after a 5xx or a lost connection
	// the send is reported, never repeated: Quo has no idempotency key. Sends of one conversation go in item order.
	const conversation = `${from}>${[...to].sort().join(',')}`;
	const response = await execution.conversationLanes.run(
		conversation,
		async () =>
			await quoApiRequest.call(this, {
				method: 'POST',
				path: '/v1/messages',
				body,
				itemIndex,
				notFound: body.userId
					? `the sender number (From) ${from} or the user (User) ${String(body.userId)}`
					: `the sender number (From) ${from}`,
				effect: MESSAGE_SENT,
			}),
	);
	return unwrapData(response);
}

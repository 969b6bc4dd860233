import { errorFamilies, RouteError, type ErrorCatalog } from '../errors';
import { randomId } from '../ids';
import { requestedV1Page } from '../pagination';
import { bodyObject, optionalString, queryList, queryValue, stringList } from '../route-input';
import type { QueryValues, Route } from '../router';
import type { Message, PhoneNumber, StandInState } from '../state';

const errors: ErrorCatalog = { family: errorFamilies.messages };
// The v1 message operations declare a single 400, A2P Registration Not Approved, for every bad request.
const v1Errors: ErrorCatalog = {
	...errors,
	invalidInput: { code: '0206400', title: 'A2P Registration Not Approved' },
};

export const messageRoutes: Route[] = [
	{
		method: 'POST',
		path: '/v1/messages',
		operationId: 'sendMessage_v1',
		errors: v1Errors,
		handle: ({ state, body }) => {
			const input = bodyObject(body);
			const line = findLine(state, optionalString(input.from) ?? '');
			const to = stringList(input.to) ?? [];
			const now = new Date().toISOString();
			const message: Message = {
				id: randomId('AC', 32),
				to,
				from: line.number,
				text: optionalString(input.content) ?? '',
				phoneNumberId: line.id,
				conversationId: conversationIdFor(state, line.id, to),
				direction: 'outgoing',
				// Quo: "If not provided, defaults to the phone number owner."
				userId: optionalString(input.userId) ?? line.users[0]?.id ?? '',
				status: 'queued',
				createdAt: now,
				updatedAt: now,
			};
			state.messages.unshift(message);
			return { status: 202, body: { data: message } };
		},
	},
	{
		method: 'GET',
		path: '/v1/messages',
		operationId: 'listMessages_v1',
		errors: v1Errors,
		handle: ({ state, query }) => {
			const matching = state.messages.filter((message) => matchesQuery(state, message, query));
			return {
				status: 200,
				body: requestedV1Page(matching, query),
			};
		},
	},
	{
		method: 'GET',
		path: '/v1/messages/{id}',
		operationId: 'getMessageById_v1',
		errors: v1Errors,
		handle: ({ state, params }) => ({ status: 200, body: { data: findMessage(state, params.id) } }),
	},
	{
		method: 'POST',
		path: '/messages/{messageId}/retry',
		operationId: 'retryMessage',
		errors,
		handle: ({ state, params }) => {
			const message = findMessage(state, params.messageId);
			const failed = state.failedMessageIds.indexOf(message.id);
			if (failed === -1)
				throw new RouteError(422, 'Only messages with a failed status can be retried');
			state.failedMessageIds.splice(failed, 1);
			message.status = 'queued';
			message.updatedAt = new Date().toISOString();
			return { status: 202, body: {} };
		},
	},
];

/** `from` is a `PN…` id or the E.164 number of one of the workspace's lines. */
function findLine(state: StandInState, from: string): PhoneNumber {
	const line = state.phoneNumbers.find(
		(candidate) => candidate.id === from || candidate.number === from,
	);
	if (!line) throw new RouteError(404, 'Phone number not found');
	return line;
}

function findMessage(state: StandInState, id: string): Message {
	const message = state.messages.find((candidate) => candidate.id === id);
	if (!message) throw new RouteError(404, 'Message not found');
	return message;
}

/** The numbers of a message other than its line's own: the conversation's participants. */
function participantsOf(state: StandInState, message: Message): string[] {
	const lineNumber = state.phoneNumbers.find((line) => line.id === message.phoneNumberId)?.number;
	return [...new Set([message.from, ...message.to])].filter((number) => number !== lineNumber);
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
	const set = new Set(a);
	return set.size === new Set(b).size && b.every((value) => set.has(value));
}

function conversationIdFor(
	state: StandInState,
	phoneNumberId: string,
	participants: string[],
): string {
	const earlier = state.messages.find(
		(message) =>
			message.phoneNumberId === phoneNumberId &&
			sameMembers(participantsOf(state, message), participants),
	);
	return earlier?.conversationId ?? randomId('CN', 32);
}

function matchesQuery(state: StandInState, message: Message, query: QueryValues): boolean {
	const userId = queryValue(query, 'userId');
	const after = queryValue(query, 'createdAfter');
	const before = queryValue(query, 'createdBefore');
	const createdAt = Date.parse(message.createdAt);
	return (
		message.phoneNumberId === queryValue(query, 'phoneNumberId') &&
		sameMembers(participantsOf(state, message), queryList(query, 'participants')) &&
		(userId === undefined || message.userId === userId) &&
		(after === undefined || createdAt > Date.parse(after)) &&
		(before === undefined || createdAt < Date.parse(before))
	);
}

import { errorFamilies, found, type ErrorCatalog } from '../errors';
import { requestedV1Page } from '../pagination';
import { queryList, queryValue } from '../route-input';
import type { QueryValues, Route } from '../router';
import type { Conversation, ConversationInbox, StandInState } from '../state';

const errors: ErrorCatalog = { family: errorFamilies.conversations };

export const conversationRoutes: Route[] = [
	{
		method: 'GET',
		path: '/v1/conversations',
		operationId: 'listConversations_v1',
		errors,
		handle: ({ state, query }) => {
			const matching = state.conversations.filter((conversation) =>
				matchesQuery(state, conversation, query),
			);
			return {
				status: 200,
				body: requestedV1Page(matching, query),
			};
		},
	},
	markAs('mark-as-read', 'markConversationAsRead_v1', { read: true }),
	markAs('mark-as-done', 'markConversationAsDone_v1', { status: 'done' }),
	markAs('mark-as-open', 'markConversationAsOpen_v1', { status: 'open' }),
];

/** Quo answers these with the conversation itself, not wrapped in `data`. */
function markAs(action: string, operationId: string, change: Partial<ConversationInbox>): Route {
	return {
		method: 'POST',
		path: `/v1/conversations/{conversationId}/${action}`,
		operationId,
		errors,
		handle: ({ state, params }) => {
			const conversation = found(
				state.conversations.find((candidate) => candidate.id === params.conversationId),
				'Conversation',
			);
			state.conversationInbox[conversation.id] = {
				...(state.conversationInbox[conversation.id] ?? { read: true, status: 'open' }),
				...change,
			};
			conversation.updatedAt = new Date().toISOString();
			return { status: 200, body: conversation };
		},
	};
}

function within(
	value: string | null,
	after: string | undefined,
	before: string | undefined,
): boolean {
	if (after === undefined && before === undefined) return true;
	if (value === null) return false;
	const at = Date.parse(value);
	return (
		(after === undefined || at > Date.parse(after)) &&
		(before === undefined || at < Date.parse(before))
	);
}

/** Numbers are `PN…` ids or E.164; a user filters to the lines that user has; inactive means deleted. */
function matchesQuery(
	state: StandInState,
	conversation: Conversation,
	query: QueryValues,
): boolean {
	const numbers = [...queryList(query, 'phoneNumbers'), ...queryList(query, 'phoneNumber')];
	const line = state.phoneNumbers.find((candidate) => candidate.id === conversation.phoneNumberId);
	const userId = queryValue(query, 'userId');
	return (
		(numbers.length === 0 ||
			numbers.some((number) => number === line?.id || number === line?.number)) &&
		(userId === undefined || (line?.users.some((user) => user.id === userId) ?? false)) &&
		(queryValue(query, 'excludeInactive') !== 'true' || conversation.deletedAt === null) &&
		within(
			conversation.createdAt,
			queryValue(query, 'createdAfter'),
			queryValue(query, 'createdBefore'),
		) &&
		within(
			conversation.updatedAt,
			queryValue(query, 'updatedAfter'),
			queryValue(query, 'updatedBefore'),
		)
	);
}

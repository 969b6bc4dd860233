import { randomId } from './ids';
import type { Call, Conversation, PhoneNumber, StandInState, Task, User } from './state';

/** The outside number of seeded conversation n (n ≥ 1): +1555557nnnn. */
export function seededConversationParticipant(index: number): string {
	return `+1555557${String(index).padStart(4, '0')}`;
}

/**
 * `count` conversations, most recent activity first, spread over the lines. The first is the seeded message
 * conversation (first line and `participant`); every third has a name, every seventh was deleted (inactive).
 */
export function seedConversations(
	state: StandInState,
	count: number,
	lines: PhoneNumber[],
	owner: User | undefined,
	first: { participant: string; conversationId: string | undefined },
): Conversation[] {
	if (count === 0) return [];
	if (lines.length === 0 || !owner)
		throw new Error('Seeding conversations needs a phone number and a user');
	const now = Date.now();
	return Array.from({ length: count }, (_, index): Conversation => {
		const line = lines[index % lines.length]!;
		const activityAt = new Date(now - index * 3_600_000).toISOString();
		const createdAt = new Date(now - (index + 24) * 3_600_000).toISOString();
		const id = index === 0 && first.conversationId ? first.conversationId : randomId('CN', 32);
		state.conversationInbox[id] = { read: true, status: 'open' };
		return {
			assignedTo: index % 2 === 0 ? owner.id : null,
			createdAt,
			deletedAt: index % 7 === 6 ? activityAt : null,
			id,
			lastActivityAt: activityAt,
			lastActivityId: randomId('AC', 32),
			mutedUntil: null,
			name: index % 3 === 0 ? `Customer ${index + 1}` : null,
			participants: [index === 0 ? first.participant : seededConversationParticipant(index)],
			phoneNumberId: line.id,
			snoozedUntil: null,
			updatedAt: activityAt,
		};
	});
}

/**
 * `count` tasks, newest first, linked in turn to the first line, the first conversation and the first call
 * (falling back to the line when there is none); every fourth is completed, every other one assigned.
 */
export function seedTasks(state: StandInState, count: number, owner: User | undefined): Task[] {
	if (count === 0) return [];
	const line = state.phoneNumbers[0];
	if (!line || !owner) throw new Error('Seeding tasks needs a phone number and a user');
	const conversation: Conversation | undefined = state.conversations[0];
	const call: Call | undefined = state.calls[0];
	const now = Date.now();
	return Array.from({ length: count }, (_, index): Task => {
		const link = index % 3;
		return {
			taskId: randomId('TK', 16),
			phoneNumberId: link === 1 && conversation ? conversation.phoneNumberId : line.id,
			conversationId: link === 1 && conversation ? conversation.id : null,
			activityId: link === 2 && call ? call.id : null,
			phoneNumberGroupId: line.groupId,
			orgId: state.organization.id,
			title: `Follow up ${index + 1}`,
			description: `Seeded task ${index + 1}`,
			dueDate: index % 2 === 0 ? new Date(now + (index + 1) * 86_400_000).toISOString() : null,
			assignedTo: index % 2 === 0 ? owner.id : null,
			assignedBy: index % 2 === 0 ? owner.id : null,
			createdAt: new Date(now - index * 60_000).toISOString(),
			createdBy: owner.id,
			completed: index % 4 === 3,
			isDeleted: false,
			revision: '1',
		};
	});
}

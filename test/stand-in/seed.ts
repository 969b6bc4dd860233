import { randomId } from './ids';
import { seedCalls } from './seed-calls';
import { seedContacts, seededCustomFields } from './seed-contacts';
import { seedConversations, seedTasks } from './seed-conversations';
import type {
	Message,
	PhoneNumber,
	RegionRestrictions,
	StandInState,
	User,
	UserRole,
} from './state';

export interface SeedCounts {
	phoneNumbers: number;
	users: number;
	messages: number;
	contacts: number;
	calls: number;
	conversations: number;
	tasks: number;
}

/** The outside number of the seeded conversation with the first phone number. */
export const seededParticipant = '+15555550100';

const people = [
	{ firstName: 'Avery', lastName: 'Owner' },
	{ firstName: 'Jordan', lastName: 'Admin' },
	{ firstName: 'Sam', lastName: 'Member' },
];
const lineNames = ['Sales', 'Support', 'Billing'];
const unrestricted: RegionRestrictions = {
	CA: 'unrestricted',
	Intl: 'restricted',
	US: 'unrestricted',
};

export function createSeededState(counts: SeedCounts): StandInState {
	const createdAt = new Date().toISOString();
	const users = Array.from({ length: counts.users }, (_, index) => seedUser(index, createdAt));
	const phoneNumbers = Array.from({ length: counts.phoneNumbers }, (_, index) =>
		seedPhoneNumber(index, users, createdAt),
	);
	const messages = seedConversation(counts.messages, phoneNumbers[0], users[0]);
	const state: StandInState = {
		organization: { id: randomId('OR', 8) },
		users,
		phoneNumbers,
		webhooksV1: [],
		webhooks2026: [],
		deliveries: [],
		messages,
		failedMessageIds: [],
		lastWebhookNumber: 1000,
		customFields: structuredClone(seededCustomFields),
		contacts: seedContacts(counts.contacts, users[0]),
		calls: [],
		callRecordings: {},
		callSummaries: {},
		callTranscripts: {},
		callVoicemails: {},
		media: {},
		conversations: [],
		conversationInbox: {},
		tasks: [],
	};
	state.calls = seedCalls(state, counts.calls, phoneNumbers[0], users[0], seededParticipant);
	const first = { participant: seededParticipant, conversationId: messages[0]?.conversationId };
	state.conversations = seedConversations(
		state,
		counts.conversations,
		phoneNumbers,
		users[0],
		first,
	);
	state.tasks = seedTasks(state, counts.tasks, users[0]);
	return state;
}

/** `count` messages between the first line and `seededParticipant`, one a minute, newest first, alternating direction. */
function seedConversation(
	count: number,
	line: PhoneNumber | undefined,
	owner: User | undefined,
): Message[] {
	if (count === 0) return [];
	if (!line || !owner) throw new Error('Seeding messages needs a phone number and a user');
	const conversationId = randomId('CN', 32);
	const now = Date.now();
	return Array.from({ length: count }, (_, index) => {
		const outgoing = index % 2 === 0;
		const createdAt = new Date(now - index * 60_000).toISOString();
		return {
			id: randomId('AC', 32),
			to: [outgoing ? seededParticipant : line.number],
			from: outgoing ? line.number : seededParticipant,
			text: `Seeded message ${count - index}`,
			phoneNumberId: line.id,
			conversationId,
			direction: outgoing ? 'outgoing' : 'incoming',
			userId: owner.id,
			status: outgoing ? 'delivered' : 'received',
			createdAt,
			updatedAt: createdAt,
		};
	});
}

function seedUser(index: number, createdAt: string): User {
	const person = people[index] ?? { firstName: 'User', lastName: String(index + 1) };
	const role: UserRole = index === 0 ? 'owner' : index === 1 ? 'admin' : 'member';
	return {
		id: randomId('US', 8),
		email: `${person.firstName}.${person.lastName}`.toLowerCase() + '@example.com',
		firstName: person.firstName,
		lastName: person.lastName,
		pictureUrl: null,
		role,
		createdAt,
		updatedAt: createdAt,
	};
}

/** Number n is +1555555010n; the owner and one other user (round robin) share each line. */
function seedPhoneNumber(index: number, users: User[], createdAt: string): PhoneNumber {
	const lastFour = String(101 + index).padStart(4, '0');
	const groupId = randomId('GR', 8);
	const members = [users[0], users[(index % Math.max(users.length - 1, 1)) + 1]].filter(
		(user, position, all): user is User => user !== undefined && all.indexOf(user) === position,
	);
	return {
		id: randomId('PN', 8),
		groupId,
		portRequestId: null,
		formattedNumber: `(555) 555-${lastFour}`,
		forward: null,
		name: lineNames[index] ?? `Line ${index + 1}`,
		number: `+1555555${lastFour}`,
		portingStatus: null,
		symbol: null,
		users: members.map((user) => ({
			id: user.id,
			email: user.email,
			firstName: user.firstName,
			lastName: user.lastName,
			role: user.role,
			groupId,
		})),
		createdAt,
		updatedAt: createdAt,
		restrictions: { calling: { ...unrestricted }, messaging: { ...unrestricted } },
	};
}

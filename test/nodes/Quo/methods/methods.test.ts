import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { getContactCustomFields, getPhoneNumbers } from '../../../../nodes/Quo/methods/loadOptions';
import {
	searchContacts,
	searchConversations,
	searchPhoneNumbers,
	searchUsers,
} from '../../../../nodes/Quo/methods/listSearch';
import { seededCustomFields, seededSharedContactNumber } from '../../../stand-in/seed-contacts';
import { quoNode, useQuoNode } from '../actions/support';

const session = useQuoNode({ seed: { users: 60, contacts: 120, conversations: 150 } });

function context(): ILoadOptionsFunctions {
	return session.runtime.loadOptionsContext({
		nodeType: quoNode,
		parameters: { resource: 'message', operation: 'send' },
	});
}

describe('load options and list search', () => {
	test('the node offers them under the names its parameters use', () => {
		expect(Object.keys(quoNode.methods.loadOptions).sort()).toEqual([
			'getContactCustomFields',
			'getPhoneNumbers',
		]);
		expect(Object.keys(quoNode.methods.listSearch).sort()).toEqual([
			'searchContacts',
			'searchConversations',
			'searchPhoneNumbers',
			'searchUsers',
		]);
	});

	test('getPhoneNumbers lists the seeded numbers by name', async () => {
		const options = await getPhoneNumbers.call(context());

		const [sales, support, billing] = session.standIn.state.phoneNumbers;
		expect(options).toEqual([
			{ name: 'Billing ((555) 555-0103)', value: billing!.id },
			{ name: 'Sales ((555) 555-0101)', value: sales!.id },
			{ name: 'Support ((555) 555-0102)', value: support!.id },
		]);
	});

	test('searchPhoneNumbers filters by name or digits', async () => {
		const all = await searchPhoneNumbers.call(context());
		const byName = await searchPhoneNumbers.call(context(), 'supp');
		const byDigits = await searchPhoneNumbers.call(context(), '555-0103');

		expect(all.results).toHaveLength(3);
		expect(all.paginationToken).toBeUndefined();
		expect(byName.results.map((result) => result.name)).toEqual(['Support ((555) 555-0102)']);
		expect(byDigits.results.map((result) => result.value)).toEqual([
			session.standIn.state.phoneNumbers[2]!.id,
		]);
	});

	test('searchUsers pages through Quo with its page token', async () => {
		const first = await searchUsers.call(context());
		const second = await searchUsers.call(context(), undefined, first.paginationToken as string);
		const filtered = await searchUsers.call(context(), 'jordan');

		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toEqual(expect.any(String));
		expect(second.results).toHaveLength(10);
		expect(second.paginationToken).toBeUndefined();
		expect([...first.results, ...second.results].map((result) => result.value)).toEqual(
			session.standIn.state.users.map((user) => user.id),
		);
		expect(filtered.results).toEqual([
			{
				name: 'Jordan Admin (jordan.admin@example.com)',
				value: session.standIn.state.users[1]!.id,
			},
		]);
	});

	test('getContactCustomFields names each field with its type and sends its key', async () => {
		const options = await getContactCustomFields.call(context());

		expect(options).toHaveLength(seededCustomFields.length);
		expect(options).toContainEqual({
			name: 'Renewal Date (date)',
			value: 'renewal-date',
			description: 'Key renewal-date',
		});
		expect(options.map((option) => option.name)).toEqual(
			[...options.map((option) => option.name)].sort(),
		);
	});

	test('searchContacts pages through Quo with its page token and finds by name, company or number', async () => {
		const contacts = session.standIn.state.contacts;
		const first = await searchContacts.call(context());
		const second = await searchContacts.call(context(), undefined, first.paginationToken as string);
		const third = await searchContacts.call(context(), undefined, second.paginationToken as string);
		const byNumber = await searchContacts.call(context(), seededSharedContactNumber.slice(-8));
		const byName = await searchContacts.call(context(), 'sample12');

		expect([first, second, third].map((page) => page.results.length)).toEqual([50, 50, 20]);
		expect(third.paginationToken).toBeUndefined();
		expect(first.results[0]).toEqual({ name: 'Ada Sample1 (Acme Inc)', value: contacts[0]!.id });
		expect(byNumber.results.map((result) => result.value)).toEqual([contacts[3]!.id]);
		expect(byNumber.paginationToken).toEqual(expect.any(String));
		// A search filters one page at a time: Sample120 is on the third page.
		expect(byName.results).toEqual([{ name: 'Margaret Sample12', value: contacts[11]!.id }]);
	});

	test('searchConversations lists the most recent first, by name or participants, page by page', async () => {
		const conversations = session.standIn.state.conversations;
		const first = await searchConversations.call(context());
		const second = await searchConversations.call(
			context(),
			undefined,
			first.paginationToken as string,
		);
		const named = await searchConversations.call(context(), 'customer 4');

		expect([first.results.length, second.results.length]).toEqual([100, 50]);
		expect(second.paginationToken).toBeUndefined();
		expect(first.results[0]).toEqual({ name: 'Customer 1', value: conversations[0]!.id });
		expect(first.results[1]).toEqual({
			name: conversations[1]!.participants.join(', '),
			value: conversations[1]!.id,
		});
		expect(named.results.map((result) => result.name)).toEqual([
			'Customer 4',
			'Customer 40',
			'Customer 43',
			'Customer 46',
			'Customer 49',
		]);
	});
});

import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { getPhoneNumbers, getUsers } from '../../nodes/Quo/methods/loadOptions';
import { searchPhoneNumbers, searchUsers } from '../../nodes/Quo/methods/listSearch';
import { quoNode, useQuoNode } from './support';

const session = useQuoNode({ seed: { users: 60 } });

function context(): ILoadOptionsFunctions {
	return session.runtime.loadOptionsContext({ nodeType: quoNode, parameters: { resource: 'message', operation: 'send' } });
}

describe('load options and list search', () => {
	test('the node offers them under the names its parameters use', () => {
		expect(Object.keys(quoNode.methods.loadOptions).sort()).toEqual(['getPhoneNumbers', 'getUsers']);
		expect(Object.keys(quoNode.methods.listSearch).sort()).toEqual(['searchPhoneNumbers', 'searchUsers']);
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

	test('getUsers walks every page of users', async () => {
		const options = await getUsers.call(context());

		expect(options).toHaveLength(60);
		expect(options.map((option) => option.value).sort()).toEqual(session.standIn.state.users.map((user) => user.id).sort());
		expect(options).toContainEqual({ name: 'Avery Owner (avery.owner@example.com)', value: session.standIn.state.users[0]!.id });
		expect(session.standIn.requests.map((request) => request.query.maxResults)).toEqual(['50', '50']);
	});

	test('searchPhoneNumbers filters by name or digits', async () => {
		const all = await searchPhoneNumbers.call(context());
		const byName = await searchPhoneNumbers.call(context(), 'supp');
		const byDigits = await searchPhoneNumbers.call(context(), '555-0103');

		expect(all.results).toHaveLength(3);
		expect(all.paginationToken).toBeUndefined();
		expect(byName.results.map((result) => result.name)).toEqual(['Support ((555) 555-0102)']);
		expect(byDigits.results.map((result) => result.value)).toEqual([session.standIn.state.phoneNumbers[2]!.id]);
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
		expect(filtered.results).toEqual([{ name: 'Jordan Admin (jordan.admin@example.com)', value: session.standIn.state.users[1]!.id }]);
	});
});

import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';

describe('stand-in phone numbers and users', () => {
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn({ rateLimitPerSecond: 0 });
	});
	afterAll(() => standIn.close());

	it('lists the seeded phone numbers', async () => {
		const response = await callQuo(standIn, 'GET', '/v1/phone-numbers');

		expect(response.status).toBe(200);
		expect(response.json.data).toHaveLength(3);
		expect(response.json.data[0]).toMatchObject({
			id: expect.stringMatching(/^PN/),
			name: 'Sales',
			number: '+15555550101',
			formattedNumber: '(555) 555-0101',
			users: expect.arrayContaining([
				expect.objectContaining({ id: standIn.state.users[0]!.id, role: 'owner' }),
			]),
		});
		const names = response.json.data.map((phoneNumber: { name: string }) => phoneNumber.name);
		expect(names).toEqual(['Sales', 'Support', 'Billing']);
	});

	it('filters phone numbers by one of their users', async () => {
		const member = standIn.state.users[2]!;

		const response = await callQuo(standIn, 'GET', `/v1/phone-numbers?userId=${member.id}`);

		const expected = standIn.state.phoneNumbers.filter((phoneNumber) =>
			phoneNumber.users.some((user) => user.id === member.id),
		);
		expect(response.json.data).toEqual(expected);
		expect(expected.length).toBeGreaterThan(0);
		expect(expected.length).toBeLessThan(3);
	});

	it('gets a phone number by id, or 404', async () => {
		const phoneNumber = standIn.state.phoneNumbers[1]!;

		const found = await callQuo(standIn, 'GET', `/v1/phone-numbers/${phoneNumber.id}`);
		const missing = await callQuo(standIn, 'GET', '/v1/phone-numbers/PNmissing');

		expect(found.json).toEqual({ data: phoneNumber });
		expect(missing.status).toBe(404);
		expect(missing.json).toMatchObject({ message: 'Phone number not found', code: '0400404' });
	});

	it('pages users the v1 way', async () => {
		const first = await callQuo(standIn, 'GET', '/v1/users?maxResults=2');
		const second = await callQuo(
			standIn,
			'GET',
			`/v1/users?maxResults=2&pageToken=${first.json.nextPageToken}`,
		);

		expect(first.json).toMatchObject({ totalItems: 3, nextPageToken: expect.any(String) });
		expect(first.json.data).toEqual(standIn.state.users.slice(0, 2));
		expect(second.json).toEqual({
			data: standIn.state.users.slice(2),
			totalItems: 3,
			nextPageToken: null,
		});
	});

	it('refuses a page token it did not issue', async () => {
		const response = await callQuo(standIn, 'GET', '/v1/users?maxResults=2&pageToken=bogus');

		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({ code: '1100400', message: 'Invalid pageToken: bogus' });
	});

	it('gets a user by id, or 404', async () => {
		const user = standIn.state.users[1]!;

		const found = await callQuo(standIn, 'GET', `/v1/users/${user.id}`);
		const missing = await callQuo(standIn, 'GET', '/v1/users/USmissing');

		expect(found.json).toEqual({ data: user });
		expect(missing.json).toMatchObject({ status: 404, message: 'User not found', code: '1100404' });
	});
});

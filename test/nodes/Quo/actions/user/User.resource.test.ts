import { expectGetAndNotFound, locator, pairings, useQuoNode } from '../support';

const session = useQuoNode({ seed: { users: 120 } });
const state = () => session.standIn.state;

describe('user: get', () => {
	test("gets a user by id, and reports an unknown one with Quo's message", async () => {
		const user = state().users[1]!;

		await expectGetAndNotFound(session, {
			resource: 'user',
			parameter: 'userId',
			found: locator('id', user.id),
			unknown: locator('id', 'USnobody'),
			record: user,
			notFoundMessage: 'User not found',
		});
	});
});

describe('user: getMany', () => {
	test('Return All walks three pages of 50', async () => {
		const output = await session.run({ resource: 'user', operation: 'getMany', returnAll: true });

		expect(output.map((item) => item.json.id)).toEqual(state().users.map((user) => user.id));
		expect(session.standIn.requests.map((request) => request.query.maxResults)).toEqual([
			'50',
			'50',
			'50',
		]);
		expect(
			session.standIn.requests
				.slice(1)
				.every((request) => typeof request.query.pageToken === 'string'),
		).toBe(true);
	});

	test('Limit stops early and asks only for what it still needs', async () => {
		const output = await session.run(
			{ resource: 'user', operation: 'getMany', limit: 70 },
			{ items: [{}, {}] },
		);

		expect(output).toHaveLength(140);
		expect(pairings(output).slice(68, 72)).toEqual([
			{ item: 0 },
			{ item: 0 },
			{ item: 1 },
			{ item: 1 },
		]);
		expect(session.standIn.requests.map((request) => request.query.maxResults).sort()).toEqual([
			'20',
			'20',
			'50',
			'50',
		]);
	});
});

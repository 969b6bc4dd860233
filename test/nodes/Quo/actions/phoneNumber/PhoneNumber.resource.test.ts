import { NodeOperationError } from 'n8n-workflow';

import { locator, useQuoNode } from '../support';

const session = useQuoNode({ seed: { users: 120 } });
const state = () => session.standIn.state;

describe('phoneNumber: get', () => {
	test('gets a number by its PN id, paired with its item', async () => {
		const line = state().phoneNumbers[1]!;

		const output = await session.run({
			resource: 'phoneNumber',
			operation: 'get',
			phoneNumberId: locator('list', line.id),
		});

		expect(output).toEqual([{ json: line, pairedItem: { item: 0 } }]);
		expect(session.requestLines()).toEqual([`GET /v1/phone-numbers/${line.id}`]);
	});

	test('takes an E.164 number, looked up once for all items', async () => {
		const line = state().phoneNumbers[2]!;

		const output = await session.run(
			{
				resource: 'phoneNumber',
				operation: 'get',
				phoneNumberId: locator('phoneNumber', line.number),
			},
			{ items: [{}, {}] },
		);

		expect(output.map((item) => item.json.id)).toEqual([line.id, line.id]);
		expect(
			session.requestLines().filter((request) => request === 'GET /v1/phone-numbers'),
		).toHaveLength(1);
	});

	test('an id of another kind fails before any request', async () => {
		const error = await session.failure({
			resource: 'phoneNumber',
			operation: 'get',
			phoneNumberId: locator('id', 'US123'),
		});

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			"Phone Number: 'US123' is not a Quo phone number ID (those start with PN)",
		);
		expect(session.standIn.requests).toHaveLength(0);
	});
});

describe('phoneNumber: getMany', () => {
	test('lists every number, or those of one user; Limit cuts the one page Quo sends', async () => {
		const all = await session.run({
			resource: 'phoneNumber',
			operation: 'getMany',
			returnAll: true,
		});
		const limited = await session.run({ resource: 'phoneNumber', operation: 'getMany', limit: 2 });
		const member = state().phoneNumbers[0]!.users[1]!;
		const ofUser = await session.run({
			resource: 'phoneNumber',
			operation: 'getMany',
			returnAll: true,
			filters: { userId: locator('list', member.id) },
		});

		expect(all.map((item) => item.json.id)).toEqual(state().phoneNumbers.map((line) => line.id));
		expect(limited).toHaveLength(2);
		expect(ofUser.map((item) => item.json.id)).toContain(state().phoneNumbers[0]!.id);
		expect(ofUser.length).toBeLessThan(3);
		expect(session.standIn.requests.map((request) => request.rawQuery)).toEqual([
			'',
			'',
			`userId=${member.id}`,
		]);
	});
});

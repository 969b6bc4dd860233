import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { seededCustomFields } from '../../../stand-in/seed-contacts';
import { locator, pairings, useQuoNode } from '../actions/support';

const session = useQuoNode({ seed: { users: 120 } });
const state = () => session.standIn.state;

describe('phoneNumber: get', () => {
	test('gets a number by its PN id, paired with its item', async () => {
		const line = state().phoneNumbers[1]!;

		const output = await session.run({ resource: 'phoneNumber', operation: 'get', phoneNumberId: locator('list', line.id) });

		expect(output).toEqual([{ json: line, pairedItem: { item: 0 } }]);
		expect(session.requestLines()).toEqual([`GET /v1/phone-numbers/${line.id}`]);
	});

	test('takes an E.164 number, looked up once for all items', async () => {
		const line = state().phoneNumbers[2]!;

		const output = await session.run(
			{ resource: 'phoneNumber', operation: 'get', phoneNumberId: locator('phoneNumber', line.number) },
			{ items: [{}, {}] },
		);

		expect(output.map((item) => item.json.id)).toEqual([line.id, line.id]);
		expect(session.requestLines().filter((request) => request === 'GET /v1/phone-numbers')).toHaveLength(1);
	});

	test('an id of another kind fails before any request', async () => {
		const error = await session.failure({ resource: 'phoneNumber', operation: 'get', phoneNumberId: locator('id', 'US123') });

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe("Phone Number: 'US123' is not a Quo phone number ID (those start with PN)");
		expect(session.standIn.requests).toHaveLength(0);
	});
});

describe('phoneNumber: getMany', () => {
	test('lists every number, or those of one user; Limit cuts the one page Quo sends', async () => {
		const all = await session.run({ resource: 'phoneNumber', operation: 'getMany', returnAll: true });
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
		expect(session.standIn.requests.map((request) => request.rawQuery)).toEqual(['', '', `userId=${member.id}`]);
	});
});

describe('user: get', () => {
	test('gets a user by id, and reports an unknown one with Quo\'s message', async () => {
		const user = state().users[1]!;

		const output = await session.run({ resource: 'user', operation: 'get', userId: locator('id', user.id) });
		const error = await session.failure({ resource: 'user', operation: 'get', userId: locator('id', 'USnobody') });

		expect(output).toEqual([{ json: user, pairedItem: { item: 0 } }]);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('User not found');
	});
});

describe('user: getMany', () => {
	test('Return All walks three pages of 50', async () => {
		const output = await session.run({ resource: 'user', operation: 'getMany', returnAll: true });

		expect(output.map((item) => item.json.id)).toEqual(state().users.map((user) => user.id));
		expect(session.standIn.requests.map((request) => request.query.maxResults)).toEqual(['50', '50', '50']);
		expect(session.standIn.requests.slice(1).every((request) => typeof request.query.pageToken === 'string')).toBe(true);
	});

	test('Limit stops early and asks only for what it still needs', async () => {
		const output = await session.run({ resource: 'user', operation: 'getMany', limit: 70 }, { items: [{}, {}] });

		expect(output).toHaveLength(140);
		expect(pairings(output).slice(68, 72)).toEqual([{ item: 0 }, { item: 0 }, { item: 1 }, { item: 1 }]);
		expect(session.standIn.requests.map((request) => request.query.maxResults).sort()).toEqual(['20', '20', '50', '50']);
	});
});

describe('contactCustomField: getMany', () => {
	test("lists the workspace's custom fields, one of each type", async () => {
		const output = await session.run({ resource: 'contactCustomField', operation: 'getMany', returnAll: true });
		const limited = await session.run({ resource: 'contactCustomField', operation: 'getMany', limit: 3 });

		expect(output.map((item) => item.json)).toEqual(seededCustomFields);
		expect(new Set(output.map((item) => item.json.type))).toEqual(
			new Set(['address', 'boolean', 'date', 'multi-select', 'number', 'string', 'url']),
		);
		expect(limited).toHaveLength(3);
		expect(session.requestLines()).toEqual(['GET /v1/contact-custom-fields', 'GET /v1/contact-custom-fields']);
	});
});

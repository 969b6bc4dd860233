import { NodeOperationError } from 'n8n-workflow';

import { seededParticipant } from '../../../stand-in/seed';
import { locator, mostAtOnce, pairings, useQuoNode } from './support';

const session = useQuoNode();

const sendTo = {
	resource: 'message',
	operation: 'send',
	from: '={{ $json.from }}',
	to: '={{ $json.to }}',
	content: 'Hello',
};

function fiveItems(badIndex: number) {
	const from = session.standIn.state.phoneNumbers[0]!.id;
	return Array.from({ length: 5 }, (_, index) => ({
		from,
		to: index === badIndex ? '+1 555' : `+1555555020${index}`,
	}));
}

describe('items', () => {
	test('with Continue On Fail, one bad item among five gives four results and one {error}, each paired', async () => {
		const output = await session.run(sendTo, { items: fiveItems(2), continueOnFail: true });

		expect(pairings(output)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(output[2]!.json).toEqual({
			error: "To: '+1 555' is not an E.164 number like +15555550123",
		});
		expect(
			output.filter((item) => item.json.status === 'queued').map((item) => item.json.to),
		).toEqual([['+15555550200'], ['+15555550201'], ['+15555550203'], ['+15555550204']]);
		expect(session.standIn.requests).toHaveLength(4);
	});

	test('without it, the failure stops the run and names its item', async () => {
		const error = await session.failure(sendTo, { items: fiveItems(3) });

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.context?.itemIndex).toBe(3);
	});

	test("with Continue On Fail, Quo's refusal becomes that item's {error} too", async () => {
		const output = await session.run(
			{ resource: 'message', operation: 'get', messageId: '={{ $json.id }}' },
			{ items: [{ id: 'ACmissing' }, { id: 'nope' }], continueOnFail: true },
		);

		expect(output).toEqual([
			{ json: { error: 'Message not found' }, pairedItem: { item: 0 } },
			{
				json: { error: "Message ID: 'nope' is not a Quo message ID (those start with AC)" },
				pairedItem: { item: 1 },
			},
		]);
	});

	test('without Continue On Fail, sends go one after another, and a failure at Quo stops the run before the next send', async () => {
		const from = session.standIn.state.phoneNumbers[0]!.id;
		const items = [0, 1, 2, 3].map((index) => ({
			from: index === 1 ? 'PNnotInThisWorkspace' : from,
			to: `+1555555030${index}`,
		}));

		const error = await session.failure(sendTo, { items });

		expect(error.context?.itemIndex).toBe(1);
		expect(error.message).toMatch(/not found/i);
		expect(session.standIn.requests.filter((request) => request.method === 'POST')).toHaveLength(2);
	});

	test('sends go one after another and reads run several at once; outputs keep the input order either way', async () => {
		session.standIn.setResponseDelay(100);
		try {
			const from = session.standIn.state.phoneNumbers[0]!.id;
			const items = Array.from({ length: 6 }, (_, index) => ({ from, to: `+1555555030${index}` }));

			const sent = await session.run(sendTo, { items });
			const sends = session.standIn.requests.splice(0);
			const read = await session.run(
				{ resource: 'message', operation: 'get', messageId: '={{ $json.id }}' },
				{ items: sent.map((item) => item.json) },
			);
			const reads = session.standIn.requests.splice(0);

			expect(mostAtOnce(sends)).toBe(1);
			expect(mostAtOnce(reads)).toBeGreaterThan(1);
			expect(sent.map((item) => item.json.to)).toEqual(items.map((item) => [item.to]));
			expect(read.map((item) => item.json.id)).toEqual(sent.map((item) => item.json.id));
			expect(pairings(read)).toEqual(items.map((_, item) => ({ item })));
		} finally {
			session.standIn.setResponseDelay(0);
		}
	});

	test('with Continue On Fail, sends run several at once: each outcome is its own', async () => {
		session.standIn.setResponseDelay(100);
		try {
			const from = session.standIn.state.phoneNumbers[0]!.id;
			const items = Array.from({ length: 6 }, (_, index) => ({ from, to: `+1555555030${index}` }));

			const output = await session.run(sendTo, { items, continueOnFail: true });

			expect(mostAtOnce(session.standIn.requests)).toBeGreaterThan(1);
			expect(output.map((item) => item.json.to)).toEqual(items.map((item) => [item.to]));
		} finally {
			session.standIn.setResponseDelay(0);
		}
	});

	test('an unknown operation is refused', async () => {
		const error = await session.failure({ resource: 'message', operation: 'description' });

		expect(error.message).toBe('The operation "description" is not supported!');
	});

	test('an item-level expression can give a plain-string sender and recipients list', async () => {
		const output = await session.run({
			resource: 'message',
			operation: 'send',
			from: locator('list', session.standIn.state.phoneNumbers[1]!.id),
			to: `={{ ["${seededParticipant}"] }}`,
			content: 'Array from an expression',
		});

		expect(output[0]!.json.to).toEqual([seededParticipant]);
	});
});

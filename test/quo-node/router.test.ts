import { NodeOperationError } from 'n8n-workflow';

import { seededParticipant } from '../stand-in/seed';
import { locator, pairings, useQuoNode } from './support';

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
	return Array.from({ length: 5 }, (_, index) => ({ from, to: index === badIndex ? '+1 555' : `+1555555020${index}` }));
}

describe('items', () => {
	test('with Continue On Fail, one bad item among five gives four results and one {error}, each paired', async () => {
		const output = await session.run(sendTo, { items: fiveItems(2), continueOnFail: true });

		expect(pairings(output)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(output[2]!.json).toEqual({ error: "To: '+1 555' is not an E.164 number like +15555550123" });
		expect(output.filter((item) => item.json.status === 'queued').map((item) => item.json.to)).toEqual([
			['+15555550200'],
			['+15555550201'],
			['+15555550203'],
			['+15555550204'],
		]);
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
			{ json: { error: "Message ID: 'nope' is not a Quo message ID (those start with AC)" }, pairedItem: { item: 1 } },
		]);
	});

	test('items run concurrently, and the output keeps their order', async () => {
		session.standIn.setResponseDelay(300);
		try {
			const from = session.standIn.state.phoneNumbers[0]!.id;
			const items = Array.from({ length: 8 }, (_, index) => ({ from, to: `+1555555030${index}` }));
			const started = Date.now();

			const output = await session.run(sendTo, { items });

			// One after another would take 8 × 300 ms.
			expect(Date.now() - started).toBeLessThan(1500);
			expect(output.map((item) => item.json.to)).toEqual(items.map((item) => [item.to]));
			expect(pairings(output)).toEqual(items.map((_, item) => ({ item })));
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

import { NodeOperationError } from 'n8n-workflow';

import { seededParticipant } from '../stand-in/seed';
import { locator, useQuoNode } from '../nodes/Quo/actions/support';

const session = useQuoNode();
const line = () => session.standIn.state.phoneNumbers[0]!;

/** Message → Send with Content from the input item's `content`, whatever an expression makes of it. */
const send = () => ({
	resource: 'message',
	operation: 'send',
	from: locator('list', line().id),
	to: seededParticipant,
	content: '={{ $json.content }}',
});

/** Two UTF-16 units but one character, as Quo counts (JSON Schema `maxLength` counts code points). */
const GRINNING_FACE = '\u{1F600}';

describe('message: send refuses Content that is not text', () => {
	test.each([
		[
			'an object',
			{ text: 'Your table is ready' },
			'Content: an object is not text; pick the text out of it in the expression, or use JSON.stringify()',
		],
		[
			'an array',
			['Your table', 'is ready'],
			'Content: an array is not text; pick the text out of it in the expression, or use JSON.stringify()',
		],
		[
			'null',
			null,
			'Content: null is not text; pick the text out of it in the expression, or use JSON.stringify()',
		],
	])(
		'%s fails before any request, naming the field and the item',
		async (_case, content, message) => {
			const error = await session.failure(send(), { items: [{ content }] });

			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
			expect(error.context?.itemIndex).toBe(0);
			expect(session.standIn.requests).toHaveLength(0);
		},
	);

	test('with Continue On Fail the item with an object fails alone; the text items are sent as written', async () => {
		const output = await session.run(send(), {
			items: [{ content: 'Your table is ready' }, { content: { text: 'x' } }, { content: 4821 }],
			continueOnFail: true,
		});

		expect(output.map((item) => item.json.error ?? item.json.text)).toEqual([
			'Your table is ready',
			'Content: an object is not text; pick the text out of it in the expression, or use JSON.stringify()',
			'4821',
		]);
		expect(
			session.standIn.requests.map((request) => (request.body as { content: unknown }).content),
		).toEqual(['Your table is ready', '4821']);
	});
});

describe('length limits count characters, as Quo does, not UTF-16 units', () => {
	test('Content of 1,600 emoji (3,200 UTF-16 units) is sent', async () => {
		const content = GRINNING_FACE.repeat(1600);

		const [item] = await session.run(send(), { items: [{ content }] });

		expect(item.json.text).toBe(content);
		expect(session.standIn.requests).toHaveLength(1);
	});

	test('Content of 1,601 emoji is refused, counted as 1,601', async () => {
		const error = await session.failure(send(), {
			items: [{ content: GRINNING_FACE.repeat(1601) }],
		});

		expect(error.message).toBe('Content: 1,601 characters; Quo allows at most 1,600');
		expect(session.standIn.requests).toHaveLength(0);
	});

	test("a contact's External ID of 75 emoji is sent; 76 are refused", async () => {
		const create = (externalId: string) => ({
			resource: 'contact',
			operation: 'create',
			firstName: 'Ada',
			additionalFields: { externalId },
		});

		const [item] = await session.run(create(GRINNING_FACE.repeat(75)));
		const error = await session.failure(create(GRINNING_FACE.repeat(76)));

		expect(item.json.externalId).toBe(GRINNING_FACE.repeat(75));
		expect(error.message).toBe('External ID: 76 characters; Quo allows at most 75');
		expect(session.requestLines()).toEqual(['POST /v1/contacts']);
	});
});

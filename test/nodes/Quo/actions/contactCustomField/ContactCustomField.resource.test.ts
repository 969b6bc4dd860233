import { seededCustomFields } from '../../../../stand-in/seed-contacts';
import { useQuoNode } from '../support';

const session = useQuoNode({ seed: { users: 120 } });

describe('contactCustomField: getMany', () => {
	test("lists the workspace's custom fields, one of each type", async () => {
		const output = await session.run({
			resource: 'contactCustomField',
			operation: 'getMany',
			returnAll: true,
		});
		const limited = await session.run({
			resource: 'contactCustomField',
			operation: 'getMany',
			limit: 3,
		});

		expect(output.map((item) => item.json)).toEqual(seededCustomFields);
		expect(new Set(output.map((item) => item.json.type))).toEqual(
			new Set(['address', 'boolean', 'date', 'multi-select', 'number', 'string', 'url']),
		);
		expect(limited).toHaveLength(3);
		expect(session.requestLines()).toEqual([
			'GET /v1/contact-custom-fields',
			'GET /v1/contact-custom-fields',
		]);
	});
});

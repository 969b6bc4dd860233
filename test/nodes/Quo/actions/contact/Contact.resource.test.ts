import type { INodePropertyOptions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { seededContactNumber, seededSharedContactNumber } from '../../../../stand-in/seed-contacts';
import { expectGetAndNotFound, locator, pairings, quoNode, useQuoNode } from '../support';

const CONTACTS = 120;
const session = useQuoNode({ seed: { contacts: CONTACTS } });
const state = () => session.standIn.state;
const owner = () => state().users[0]!;

const create = (overrides: Record<string, unknown> = {}) => ({
	resource: 'contact',
	operation: 'create',
	firstName: 'Ada',
	...overrides,
});
const customFields = (...values: Array<{ key: string; value: unknown }>) => ({
	customFields: { values },
});

describe('contact: create', () => {
	test('sends default fields, labeled emails and numbers (in E.164) and custom fields of every type, by key or name', async () => {
		const output = await session.run(
			create({
				additionalFields: {
					lastName: 'Lovelace',
					company: 'Analytical Engines',
					role: 'Founder',
					emails: { values: [{ name: 'work', value: 'ada@example.com' }] },
					phoneNumbers: {
						values: [
							{ name: 'mobile', value: '(555) 555-0142' },
							{ name: 'office', value: '+44 20 7946 0958' },
						],
					},
					externalId: 'crm-900',
					source: 'hubspot',
					sourceUrl: 'https://crm.example.com/contacts/900',
					createdByUserId: locator('list', owner().id),
					...customFields(
						{ key: 'deal-size', value: '2500.5' },
						{ key: 'vip', value: 'true' },
						{ key: 'renewal-date', value: '2026-05-01' },
						{ key: 'interests', value: 'sms, calls' },
						{ key: 'website', value: 'https://ada.example.com' },
						{ key: 'Office Address', value: '12 St James Square, London' },
						{ key: 'lead source', value: 42 },
					),
				},
			}),
		);

		expect(session.requestLines()).toEqual(['GET /v1/contact-custom-fields', 'POST /v1/contacts']);
		expect(session.standIn.requests[1]!.body).toEqual({
			defaultFields: {
				firstName: 'Ada',
				lastName: 'Lovelace',
				company: 'Analytical Engines',
				role: 'Founder',
				emails: [{ name: 'work', value: 'ada@example.com' }],
				phoneNumbers: [
					{ name: 'mobile', value: '+15555550142' },
					{ name: 'office', value: '+442079460958' },
				],
			},
			externalId: 'crm-900',
			source: 'hubspot',
			sourceUrl: 'https://crm.example.com/contacts/900',
			createdByUserId: owner().id,
			customFields: [
				{ key: 'deal-size', value: 2500.5 },
				{ key: 'vip', value: true },
				{ key: 'renewal-date', value: '2026-05-01T00:00:00.000Z' },
				{ key: 'interests', value: ['sms', 'calls'] },
				{ key: 'website', value: 'https://ada.example.com' },
				{ key: 'office-address', value: '12 St James Square, London' },
				{ key: 'inbound-lead', value: '42' },
			],
		});
		expect(output).toEqual([
			{
				json: expect.objectContaining({ id: expect.any(String), externalId: 'crm-900' }),
				pairedItem: { item: 0 },
			},
		]);
		expect(output[0]!.json.customFields).toContainEqual(
			expect.objectContaining({
				name: 'Deal Size',
				key: 'deal-size',
				type: 'number',
				value: 2500.5,
			}),
		);
		expect(state().contacts[0]!.id).toBe(output[0]!.json.id);
	});

	test('with nothing but a name, or none: Quo still gets defaultFields.firstName, and no custom field lookup is made', async () => {
		const [named] = await session.run(create());
		const [nameless] = await session.run(
			create({ firstName: '', additionalFields: { company: 'Acme Inc' } }),
		);

		expect(named.json.defaultFields).toMatchObject({ firstName: 'Ada', lastName: null });
		expect(nameless.json.defaultFields).toMatchObject({ firstName: null, company: 'Acme Inc' });
		expect(session.standIn.requests.map((request) => request.body)).toEqual([
			{ defaultFields: { firstName: 'Ada' } },
			{ defaultFields: { firstName: null, company: 'Acme Inc' } },
		]);
	});

	const fieldCases: Array<[string, Record<string, unknown>, string]> = [
		[
			'an unknown custom field',
			customFields({ key: 'Shoe Size', value: '42' }),
			"Custom Fields: 'Shoe Size' is not a custom contact field of this workspace (it has: Deal Size, Interests, Lead Source, Office Address, Renewal Date, VIP, Website)",
		],
		[
			'text for a number field',
			customFields({ key: 'deal-size', value: 'lots' }),
			'Custom Fields (Deal Size): "lots" is not a number, which this number field needs',
		],
		[
			'a word for a boolean field',
			customFields({ key: 'vip', value: 'maybe' }),
			'Custom Fields (VIP): "maybe" is not true or false, which this boolean field needs',
		],
		[
			'a date that is not ISO 8601',
			customFields({ key: 'renewal-date', value: 'next Friday' }),
			'Custom Fields (Renewal Date): "next Friday" is not an ISO 8601 date like 2026-05-01, which this date field needs',
		],
		[
			'a URL without a scheme',
			customFields({ key: 'website', value: 'ada.example.com' }),
			'Custom Fields (Website): "ada.example.com" is not a URL like https://example.com, which this url field needs',
		],
		[
			'objects for a multi-select field',
			customFields({ key: 'interests', value: [{ option: 'sms' }] }),
			'Custom Fields (Interests): [{"option":"sms"}] is not a list of options, which this multi-select field needs',
		],
	];
	test.each(fieldCases)(
		'%s fails after the field lookup and before the contact is sent, naming the field',
		async (_case, fields, message) => {
			const error = await session.failure(create({ additionalFields: fields }));

			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
			expect(error.context?.itemIndex).toBe(0);
			expect(session.requestLines()).toEqual(['GET /v1/contact-custom-fields']);
		},
	);

	const inputCases: Array<[string, Record<string, unknown>, string]> = [
		[
			'a phone number that cannot be E.164',
			{ phoneNumbers: { values: [{ name: 'mobile', value: '555-0142' }] } },
			"Phone Numbers: '555-0142' is not a phone number that can be written in E.164 like +15555550123 (add the country code)",
		],
		[
			'an email address without a domain',
			{ emails: { values: [{ name: 'work', value: 'ada@' }] } },
			"Emails: 'ada@' is not an email address",
		],
		[
			'a source Quo reserves',
			{ source: 'csv-import' },
			"Source: 'csv-import' is reserved by Quo (openphone…, csv…, device, zapier, google-people, other)",
		],
		[
			'a source URL that is not one',
			{ sourceUrl: 'crm/42' },
			"Source URL: 'crm/42' is not a URL like https://example.com",
		],
		[
			'an external ID over 75 characters',
			{ externalId: 'x'.repeat(76) },
			'External ID: 76 characters; Quo allows at most 75',
		],
		[
			'a creator of another kind',
			{ createdByUserId: locator('id', 'PN123') },
			"Created By: 'PN123' is not a Quo user ID (those start with US)",
		],
	];
	test.each(inputCases)(
		'%s fails before any request, naming the field',
		async (_case, fields, message) => {
			const error = await session.failure(
				create({ additionalFields: { ...fields, ...customFields({ key: 'vip', value: true }) } }),
			);

			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(message);
			expect(session.standIn.requests).toHaveLength(0);
		},
	);

	test('the custom fields are looked up once for all items of an execution', async () => {
		const output = await session.run(
			create({
				firstName: '={{ $json.name }}',
				additionalFields: customFields({ key: 'VIP', value: 'yes' }),
			}),
			{
				items: [{ name: 'One' }, { name: 'Two' }, { name: 'Three' }],
			},
		);

		expect(output.map((item) => item.json.defaultFields)).toMatchObject([
			{ firstName: 'One' },
			{ firstName: 'Two' },
			{ firstName: 'Three' },
		]);
		expect(
			session.requestLines().filter((line) => line === 'GET /v1/contact-custom-fields'),
		).toHaveLength(1);
	});
});

describe('contact: get and delete', () => {
	test("gets a contact picked in the list; an unknown ID is reported with Quo's message", async () => {
		const contact = state().contacts[7]!;

		await expectGetAndNotFound(session, {
			resource: 'contact',
			parameter: 'contactId',
			found: locator('list', contact.id),
			unknown: locator('id', 'nobody'),
			record: contact,
			notFoundMessage: 'Contact not found',
		});
	});

	test('deletes a contact and says so', async () => {
		const contact = state().contacts[8]!;

		const output = await session.run({
			resource: 'contact',
			operation: 'delete',
			contactId: locator('id', contact.id),
		});

		expect(output).toEqual([{ json: { id: contact.id, deleted: true }, pairedItem: { item: 0 } }]);
		expect(state().contacts.some((candidate) => candidate.id === contact.id)).toBe(false);
	});
});

describe('contact: getMany', () => {
	test('Return All walks three pages (50, 50, 20)', async () => {
		const output = await session.run({
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
		});

		expect(output.map((item) => item.json.id)).toEqual(
			state().contacts.map((contact) => contact.id),
		);
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
		const output = await session.run({ resource: 'contact', operation: 'getMany', limit: 60 });

		expect(output).toHaveLength(60);
		expect(session.standIn.requests.map((request) => request.query.maxResults)).toEqual([
			'50',
			'10',
		]);
	});

	test('filters by external IDs and sources, sent as repeated keys', async () => {
		const output = await session.run({
			resource: 'contact',
			operation: 'getMany',
			returnAll: true,
			filters: { externalIds: 'crm-1, crm-3,crm-4', sources: 'hubspot' },
		});

		expect(output.map((item) => item.json.externalId)).toEqual(['crm-1', 'crm-3']);
		expect(session.standIn.requests[0]!.rawQuery).toBe(
			'externalIds=crm-1&externalIds=crm-3&externalIds=crm-4&sources=hubspot&maxResults=50',
		);
	});
});

describe('contact: update', () => {
	test('patches only the fields added; an empty one clears it', async () => {
		const contact = state().contacts[0]!;

		const [item] = await session.run({
			resource: 'contact',
			operation: 'update',
			contactId: locator('list', contact.id),
			updateFields: {
				role: 'CTO',
				company: '',
				...customFields({ key: 'deal-size', value: 99 }, { key: 'vip', value: '' }),
			},
		});

		expect(session.standIn.requests.at(-1)).toMatchObject({
			method: 'PATCH',
			path: `/v1/contacts/${contact.id}`,
			body: {
				defaultFields: { role: 'CTO', company: null },
				customFields: [
					{ key: 'deal-size', value: 99 },
					{ key: 'vip', value: null },
				],
			},
		});
		expect(item.json.defaultFields).toMatchObject({
			role: 'CTO',
			company: null,
			firstName: contact.defaultFields.firstName,
		});
		expect(item.json.customFields).toContainEqual(
			expect.objectContaining({ key: 'deal-size', value: 99 }),
		);
	});

	test('with no field to change it fails before any request', async () => {
		const error = await session.failure({
			resource: 'contact',
			operation: 'update',
			contactId: locator('id', 'abc'),
			updateFields: {},
		});

		expect(error.message).toBe('Update Fields: add at least one field to change');
		expect(session.standIn.requests).toHaveLength(0);
	});
});

describe('contact: findByPhone', () => {
	const find = (phoneNumber: string, overrides: Record<string, unknown> = {}) => ({
		resource: 'contact',
		operation: 'findByPhone',
		phoneNumber,
		returnAll: true,
		...overrides,
	});

	test("says that it pages through every contact, since Quo's v1 API has no phone filter", () => {
		const selector = quoNode.description.properties.find(
			(property) =>
				property.name === 'operation' &&
				property.displayOptions?.show?.resource?.includes('contact'),
		)!;
		const option = (selector.options as INodePropertyOptions[]).find(
			(candidate) => candidate.value === 'findByPhone',
		)!;

		expect(option.description).toMatch(
			/cannot search by number, so this pages through all contacts/,
		);
	});

	test('normalizes the number and finds every contact that has it, however it was stored, across all pages', async () => {
		const output = await session.run(find('(555) 555-0199'));

		expect(output.map((item) => item.json.id)).toEqual([
			state().contacts[3]!.id,
			state().contacts[CONTACTS - 1]!.id,
		]);
		expect(
			output.map(
				(item) =>
					(item.json.defaultFields as { phoneNumbers: Array<{ value: string }> }).phoneNumbers[0]!
						.value,
			),
		).toEqual([seededSharedContactNumber, '(555) 555-0199']);
		expect(session.requestLines()).toEqual([
			'GET /v1/contacts',
			'GET /v1/contacts',
			'GET /v1/contacts',
		]);
	});

	test('Limit stops the walk once enough contacts are found', async () => {
		const output = await session.run(
			find(seededSharedContactNumber, { returnAll: false, limit: 1 }),
		);

		expect(output.map((item) => item.json.id)).toEqual([state().contacts[3]!.id]);
		expect(session.standIn.requests).toHaveLength(1);
	});

	test('items of one execution share the pages; a number nobody has gives no item', async () => {
		const output = await session.run(find('={{ $json.number }}'), {
			items: [
				{ number: seededContactNumber(10) },
				{ number: '+1 555 560 0100' },
				{ number: '+15555559999' },
			],
		});

		expect(output.map((item) => item.json.id)).toEqual([
			state().contacts[10]!.id,
			state().contacts[100]!.id,
		]);
		expect(pairings(output)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(session.requestLines()).toEqual([
			'GET /v1/contacts',
			'GET /v1/contacts',
			'GET /v1/contacts',
		]);
	});

	test('a number that cannot be E.164 fails before any request', async () => {
		const error = await session.failure(find('call me'));

		expect(error.message).toBe(
			"Phone Number: 'call me' is not a phone number that can be written in E.164 like +15555550123 (add the country code)",
		);
		expect(session.standIn.requests).toHaveLength(0);
	});
});

describe('contact: upsert', () => {
	const upsert = (externalId: string, overrides: Record<string, unknown> = {}) => ({
		resource: 'contact',
		operation: 'upsert',
		externalId,
		firstName: 'Grace',
		...overrides,
	});

	test('updates the contact that has the external ID, with the fields that are set', async () => {
		const existing = state().contacts.find((contact) => contact.externalId === 'crm-3')!;

		const [item] = await session.run(
			upsert('crm-3', { additionalFields: { role: 'Admiral', lastName: '' } }),
		);

		expect(session.requestLines()).toEqual([
			'GET /v1/contacts',
			`PATCH /v1/contacts/${existing.id}`,
		]);
		expect(session.standIn.requests[0]!.rawQuery).toBe('externalIds=crm-3&maxResults=1');
		expect(session.standIn.requests[1]!.body).toEqual({
			defaultFields: { firstName: 'Grace', role: 'Admiral' },
		});
		expect(item.json).toMatchObject({
			id: existing.id,
			externalId: 'crm-3',
			defaultFields: { firstName: 'Grace', role: 'Admiral' },
		});
	});

	test('creates the contact, with its external ID, when none has it', async () => {
		const [item] = await session.run(
			upsert('crm-new', { additionalFields: customFields({ key: 'VIP', value: true }) }),
		);

		expect(session.requestLines()).toEqual([
			'GET /v1/contact-custom-fields',
			'GET /v1/contacts',
			'POST /v1/contacts',
		]);
		expect(session.standIn.requests[2]!.body).toEqual({
			defaultFields: { firstName: 'Grace' },
			externalId: 'crm-new',
			customFields: [{ key: 'vip', value: true }],
		});
		expect(item.json).toMatchObject({ externalId: 'crm-new' });
	});

	test('items with the same external ID run in order: the first creates, the second updates it', async () => {
		const output = await session.run(upsert('crm-twice', { firstName: '={{ $json.name }}' }), {
			items: [{ name: 'First' }, { name: 'Second' }],
		});

		expect(session.requestLines()).toEqual([
			'GET /v1/contacts',
			'POST /v1/contacts',
			'GET /v1/contacts',
			expect.stringMatching(/^PATCH/),
		]);
		expect(output[1]!.json).toMatchObject({
			id: output[0]!.json.id,
			defaultFields: { firstName: 'Second' },
		});
		expect(state().contacts.filter((contact) => contact.externalId === 'crm-twice')).toHaveLength(
			1,
		);
	});

	test('nothing to change: the contact found is returned as it is', async () => {
		const existing = state().contacts.find((contact) => contact.externalId === 'crm-5')!;

		const output = await session.run(upsert('crm-5', { firstName: '' }));

		expect(output).toEqual([{ json: existing, pairedItem: { item: 0 } }]);
		expect(session.requestLines()).toEqual(['GET /v1/contacts']);
	});

	test('an empty external ID fails before any request', async () => {
		const error = await session.failure(upsert(' '));

		expect(error.message).toBe('External ID: required: the contact is matched on it');
		expect(session.standIn.requests).toHaveLength(0);
	});
});

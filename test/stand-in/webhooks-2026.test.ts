import { Webhook } from 'standardwebhooks';
import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';
import { startReceiver } from './test-support/receiver';
import { waitUntil } from './test-support/wait-until';

const hook = { url: 'https://example.com/hook', events: ['message.received', 'call.completed'] };

describe('stand-in 2026-03-30 webhooks', () => {
	let standIn: StandIn;

	beforeAll(async () => {
		standIn = await startStandIn({ rateLimitPerSecond: 0 });
	});
	afterAll(() => standIn.close());
	beforeEach(() => standIn.reset());

	const create = async (body: object = hook) =>
		(await callQuo(standIn, 'POST', '/webhooks', { body })).json.data;

	it('creates a webhook with a numeric id and a whsec_ key', async () => {
		const response = await callQuo(standIn, 'POST', '/webhooks', {
			body: { ...hook, label: 'n8n' },
		});

		expect(response.status).toBe(201);
		expect(response.json.data).toEqual({
			id: expect.stringMatching(/^[0-9]+$/),
			orgId: standIn.state.organization.id,
			label: 'n8n',
			status: 'enabled',
			url: hook.url,
			createdAt: expect.any(String),
			updatedAt: expect.any(String),
			apiVersion: '2026-03-30',
			events: hook.events,
			resourceIds: ['*'],
			key: expect.stringMatching(/^whsec_/),
		});
		expect(Buffer.from(response.json.data.key.slice('whsec_'.length), 'base64')).toHaveLength(24);
	});

	it('never reuses ids', async () => {
		const first = await create();
		await callQuo(standIn, 'DELETE', `/webhooks/${first.id}`);
		const second = await create();

		expect(Number(second.id)).toBeGreaterThan(Number(first.id));
	});

	it('gives contact-only webhooks resourceIds ["*"]', async () => {
		const phoneNumberId = standIn.state.phoneNumbers[0]!.id;
		const withNumber = (events: string[]) =>
			create({ url: hook.url, events, resourceIds: [phoneNumberId] });
		const contactOnly = await withNumber(['contact.updated']);
		const mixed = await withNumber(['contact.updated', 'message.received']);

		expect(contactOnly.resourceIds).toEqual(['*']);
		expect(mixed.resourceIds).toEqual([phoneNumberId]);
	});

	it('lists and gets webhooks without their key', async () => {
		const created = await create();
		const { key: _key, ...withoutKey } = created;

		const list = await callQuo(standIn, 'GET', '/webhooks');
		const get = await callQuo(standIn, 'GET', `/webhooks/${created.id}`);

		expect(list.json).toEqual({ data: [withoutKey] });
		expect(get.json).toEqual({ data: withoutKey });
	});

	it('updates in place, and null, [] or ["*"] clear the phone number filter', async () => {
		const phoneNumberId = standIn.state.phoneNumbers[1]!.id;
		const created = await create({ ...hook, resourceIds: [phoneNumberId] });
		const patch = (body: object) => callQuo(standIn, 'PATCH', `/webhooks/${created.id}`, { body });

		const renamed = await patch({
			label: 'renamed',
			status: 'disabled',
			url: 'https://example.com/other',
		});
		expect(renamed.status).toBe(200);
		expect(renamed.json.data).toMatchObject({
			id: created.id,
			label: 'renamed',
			status: 'disabled',
			url: 'https://example.com/other',
			resourceIds: [phoneNumberId],
		});
		expect(renamed.json.data.key).toBeUndefined();

		for (const cleared of [null, [], ['*']]) {
			await patch({ resourceIds: [phoneNumberId] });
			expect((await patch({ resourceIds: cleared })).json.data.resourceIds).toEqual(['*']);
		}
		expect((await patch({ events: ['contact.deleted'] })).json.data).toMatchObject({
			events: ['contact.deleted'],
			resourceIds: ['*'],
		});
		expect((await patch({ label: null })).json.data.label).toBeNull();
	});

	it('deletes a webhook', async () => {
		const created = await create();

		const deleted = await callQuo(standIn, 'DELETE', `/webhooks/${created.id}`);

		expect(deleted.status).toBe(204);
		expect(deleted.text).toBe('');
		expect((await callQuo(standIn, 'GET', `/webhooks/${created.id}`)).status).toBe(404);
	});

	it('rotates the secret', async () => {
		const created = await create();

		const rotated = await callQuo(standIn, 'POST', `/webhooks/${created.id}/rotate`);

		expect(rotated.status).toBe(200);
		expect(rotated.json).toEqual({ data: { key: expect.stringMatching(/^whsec_/) } });
		expect(rotated.json.data.key).not.toBe(created.key);
		expect(standIn.state.webhooks2026[0]?.key).toBe(rotated.json.data.key);
	});

	it('answers unknown ids with 404 on every webhook operation', async () => {
		const calls = [
			callQuo(standIn, 'GET', '/webhooks/999'),
			callQuo(standIn, 'PATCH', '/webhooks/999', { body: { label: 'x' } }),
			callQuo(standIn, 'DELETE', '/webhooks/999'),
			callQuo(standIn, 'POST', '/webhooks/999/rotate'),
			callQuo(standIn, 'POST', '/webhooks/999/events/test', {
				body: { eventType: 'message.received' },
			}),
			callQuo(standIn, 'GET', '/webhooks/999/events'),
			callQuo(standIn, 'GET', '/webhooks/999/events/msg_x'),
			callQuo(standIn, 'POST', '/webhooks/999/events/msg_x/retry'),
		];

		for (const response of await Promise.all(calls)) {
			expect(response.status).toBe(404);
			expect(response.json).toMatchObject({
				message: 'Webhook not found',
				code: '0300404',
				title: 'Not Found',
			});
		}
	});

	describe('test events', () => {
		it('answers with the rendered sample and delivers it, signed, as a manual delivery', async () => {
			const receiver = await startReceiver();
			try {
				const created = await create({
					url: receiver.url,
					events: ['message.received'],
					status: 'disabled',
				});

				const response = await callQuo(standIn, 'POST', `/webhooks/${created.id}/events/test`, {
					body: { eventType: 'call.completed' },
				});

				expect(response.status).toBe(200);
				expect(response.json).toEqual({
					id: expect.any(String),
					apiVersion: '2026-03-30',
					type: 'call.completed',
					createdAt: expect.any(String),
					data: expect.objectContaining({
						resource: expect.any(Object),
						links: expect.any(Object),
					}),
				});
				const [delivery] = await receiver.waitFor(1);
				const verified = new Webhook(created.key).verify(
					delivery!.rawBody,
					delivery!.headers as Record<string, string>,
				);
				expect(verified).toEqual(response.json);
				await waitUntil(() => standIn.state.deliveries[0]?.status === 'success');
				expect(standIn.state.deliveries[0]?.attempts[0]?.triggerType).toBe('manual');
			} finally {
				await receiver.close();
			}
		});

		it("uses the workspace's own ids, so a reply built on the sample reaches a real number", async () => {
			const [, second] = standIn.state.phoneNumbers;
			const created = await create({
				url: 'http://127.0.0.1:9/unused',
				events: ['message.received'],
				resourceIds: [second.id],
				status: 'disabled',
			});

			const { json } = await callQuo(standIn, 'POST', `/webhooks/${created.id}/events/test`, {
				body: { eventType: 'message.received' },
			});

			expect(json.data.context).toMatchObject({
				phoneNumberId: second.id,
				userId: standIn.state.users[0].id,
				recipientIdentifiers: [second.number],
			});
			expect(JSON.stringify(json)).not.toMatch(/PN123|US123/);
		});

		it('describes the call its event is about: a missed call was not answered', async () => {
			const created = await create({
				url: 'http://127.0.0.1:9/unused',
				events: ['call.missed'],
				status: 'disabled',
			});

			const { json } = await callQuo(standIn, 'POST', `/webhooks/${created.id}/events/test`, {
				body: { eventType: 'call.missed' },
			});

			expect(json.data.resource).toMatchObject({ status: 'missed', duration: 0, answeredAt: null });
		});
	});
});

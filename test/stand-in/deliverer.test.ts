import { createHmac } from 'node:crypto';
import { createServer } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { startStandIn, type StandIn } from './index';
import { callQuo } from './test-support/quo-client';
import { startReceiver, type ReceivedDelivery, type Receiver } from './test-support/receiver';

const envelope = {
	id: 'EV123',
	apiVersion: '2026-03-30',
	createdAt: '2026-04-13T12:00:00.000Z',
	type: 'message.received',
	data: { resource: { id: 'ACabc' }, context: null, links: { quo: null } },
};

function verifyStandard(secret: string, delivery: ReceivedDelivery): unknown {
	return new Webhook(secret).verify(delivery.rawBody, delivery.headers as Record<string, string>);
}

/** Independent of the stand-in's signer: recomputes the legacy header from its parts. */
function legacyHeaderParts(key: string, delivery: ReceivedDelivery) {
	const [scheme, version, timestamp, signature] = String(
		delivery.headers['openphone-signature'],
	).split(';');
	const expected = createHmac('sha256', Buffer.from(key, 'base64'))
		.update(`${timestamp}.${delivery.rawBody}`)
		.digest('base64');
	return { scheme, version, timestamp: Number(timestamp), signature, expected };
}

async function closedPortUrl(): Promise<string> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	await new Promise((resolve) => server.close(resolve));
	return `http://127.0.0.1:${port}/gone`;
}

describe('stand-in deliverer', () => {
	let standIn: StandIn;
	let receiver: Receiver;

	const createWebhook2026 = async (url = receiver.url) =>
		(await callQuo(standIn, 'POST', '/webhooks', { body: { url, events: ['message.received'] } }))
			.json.data as {
			id: string;
			key: string;
		};
	const createWebhookV1 = async () =>
		(
			await callQuo(standIn, 'POST', '/v1/webhooks/messages', {
				body: { url: receiver.url, events: ['message.received'] },
			})
		).json.data as { id: string; key: string };

	beforeAll(async () => {
		standIn = await startStandIn({ rateLimitPerSecond: 0, deliveryRetryDelaysMs: [30, 30, 30] });
	});
	afterAll(() => standIn.close());
	beforeEach(() => standIn.reset());
	afterEach(() => receiver?.close());

	describe('2026-03-30 (Standard Webhooks)', () => {
		it('sends the compact envelope signed so that standardwebhooks verifies it', async () => {
			receiver = await startReceiver();
			const webhook = await createWebhook2026();

			const result = await standIn.deliver({ webhookId: webhook.id, envelope });

			const [delivery] = await receiver.waitFor(1);
			expect(delivery?.rawBody).toBe(JSON.stringify(envelope));
			expect(delivery?.headers['content-type']).toBe('application/json');
			expect(delivery?.headers['webhook-id']).toMatch(/^msg_[A-Za-z0-9]{22}$/);
			expect(Number(delivery?.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
			expect(verifyStandard(webhook.key, delivery!)).toEqual(envelope);
			expect(result).toMatchObject({
				finalStatus: 200,
				deliveryId: delivery?.headers['webhook-id'],
				body: delivery?.rawBody,
			});
			expect(result.attempts).toEqual([
				{ status: 200, body: 'answer 1', durationMs: expect.any(Number) },
			]);
			expect(result.headers['webhook-signature']).toBe(delivery?.headers['webhook-signature']);
		});

		it('sends rawBody byte for byte and uses a given delivery id', async () => {
			receiver = await startReceiver();
			const webhook = await createWebhook2026();
			const rawBody = '{ "type": "message.received",\n  "id": "EV1" }';

			await standIn.deliver({ webhookId: webhook.id, rawBody, deliveryId: 'msg_fixed' });

			const [delivery] = await receiver.waitFor(1);
			expect(delivery?.rawBody).toBe(rawBody);
			expect(delivery?.headers['webhook-id']).toBe('msg_fixed');
			expect(() => verifyStandard(webhook.key, delivery!)).not.toThrow();
		});

		it('signs badly on request', async () => {
			receiver = await startReceiver();
			const webhook = await createWebhook2026();

			await standIn.deliver({ webhookId: webhook.id, envelope, signing: 'none' });
			await standIn.deliver({ webhookId: webhook.id, envelope, signing: 'wrong-key' });
			await standIn.deliver({ webhookId: webhook.id, envelope, signing: 'tampered-body' });
			const [unsigned, wrongKey, tampered] = await receiver.waitFor(3);

			expect(unsigned?.headers['webhook-signature']).toBeUndefined();
			expect(unsigned?.headers['webhook-id']).toBeDefined();
			expect(() => verifyStandard(webhook.key, wrongKey!)).toThrow();
			expect(JSON.parse(tampered!.rawBody)).toEqual({ ...envelope, tampered: true });
			expect(() => verifyStandard(webhook.key, tampered!)).toThrow();
			expect(() =>
				verifyStandard(webhook.key, { ...tampered!, rawBody: JSON.stringify(envelope) }),
			).not.toThrow();
			// Quo's log has what Quo sent; the forger's two deliveries are not Quo's.
			expect(standIn.state.deliveries.map((delivery) => delivery.id)).toEqual([
				tampered!.headers['webhook-id'],
			]);
		});

		it('shifts the timestamp, adds signatures and headers on request', async () => {
			receiver = await startReceiver();
			const webhook = await createWebhook2026();

			await standIn.deliver({
				webhookId: webhook.id,
				envelope,
				signing: {
					timestampOffsetSeconds: -600,
					extraSignatures: ['v1,bm90IGl0'],
					headers: { 'X-Extra': 'yes' },
				},
			});

			const [delivery] = await receiver.waitFor(1);
			const [extra, real] = String(delivery?.headers['webhook-signature']).split(' ');
			expect(extra).toBe('v1,bm90IGl0');
			expect(Number(delivery?.headers['webhook-timestamp'])).toBeCloseTo(
				Date.now() / 1000 - 600,
				-1,
			);
			expect(delivery?.headers['x-extra']).toBe('yes');
			expect(() => verifyStandard(webhook.key, delivery!)).toThrow(/too old/);
			const fresh = new Webhook(webhook.key);
			const signedFor = fresh.sign(
				String(delivery?.headers['webhook-id']),
				new Date(Number(delivery?.headers['webhook-timestamp']) * 1000),
				delivery!.rawBody,
			);
			expect(real).toBe(signedFor);
		});

		it('signs with the rotated secret at once', async () => {
			receiver = await startReceiver();
			const webhook = await createWebhook2026();
			const rotated = (await callQuo(standIn, 'POST', `/webhooks/${webhook.id}/rotate`)).json.data
				.key as string;

			await standIn.deliver({ webhookId: webhook.id, envelope });

			const [delivery] = await receiver.waitFor(1);
			expect(() => verifyStandard(rotated, delivery!)).not.toThrow();
			expect(() => verifyStandard(webhook.key, delivery!)).toThrow();
		});

		it('retries non-2xx answers with the same webhook-id and a fresh signature each time', async () => {
			receiver = await startReceiver([500, 503, 200]);
			const webhook = await createWebhook2026();

			const result = await standIn.deliver({ webhookId: webhook.id, envelope });

			const deliveries = await receiver.waitFor(3);
			expect(result.attempts.map((attempt) => attempt.status)).toEqual([500, 503, 200]);
			expect(result.finalStatus).toBe(200);
			expect(new Set(deliveries.map((delivery) => delivery.headers['webhook-id']))).toEqual(
				new Set([result.deliveryId]),
			);
			for (const delivery of deliveries)
				expect(() => verifyStandard(webhook.key, delivery)).not.toThrow();
			expect(deliveries[1]!.at - deliveries[0]!.at).toBeGreaterThanOrEqual(25);
		});

		it('gives up after the retry schedule, or at once with retry: false', async () => {
			receiver = await startReceiver([500]);
			const webhook = await createWebhook2026();

			const exhausted = await standIn.deliver({ webhookId: webhook.id, envelope });
			const single = await standIn.deliver({ webhookId: webhook.id, envelope, retry: false });

			expect(exhausted.attempts).toHaveLength(4);
			expect(exhausted.finalStatus).toBe(500);
			expect(single.attempts).toHaveLength(1);
		});

		it('records the delivery and its attempts in state', async () => {
			receiver = await startReceiver([502, 200]);
			const webhook = await createWebhook2026();

			const result = await standIn.deliver({ webhookId: webhook.id, envelope });

			expect(standIn.state.deliveries).toEqual([
				expect.objectContaining({
					id: result.deliveryId,
					webhookId: webhook.id,
					eventType: 'message.received',
					requestBody: envelope,
					status: 'success',
					nextAttemptAt: null,
					attempts: [
						expect.objectContaining({
							status: 'failed',
							responseStatusCode: 502,
							triggerType: 'scheduled',
							url: receiver.url,
						}),
						expect.objectContaining({
							status: 'success',
							responseStatusCode: 200,
							responseBody: 'answer 2',
						}),
					],
				}),
			]);
			expect(standIn.state.deliveries[0]?.attempts[0]?.id).toMatch(/^atmpt_/);
		});

		it('records status 0 when nobody answers, and appends a reused delivery id to its record', async () => {
			receiver = await startReceiver();
			const webhook = await createWebhook2026();
			const url = await closedPortUrl();

			const failed = await standIn.deliver({ webhookId: webhook.id, envelope, url, retry: false });
			await standIn.deliver({
				webhookId: webhook.id,
				envelope,
				deliveryId: failed.deliveryId ?? '',
			});

			expect(failed.attempts).toEqual([{ status: 0, body: '', durationMs: expect.any(Number) }]);
			expect(standIn.state.deliveries).toHaveLength(1);
			expect(
				standIn.state.deliveries[0]?.attempts.map((attempt) => attempt.responseStatusCode),
			).toEqual([0, 200]);
			expect(standIn.state.deliveries[0]?.attempts[0]?.url).toBe(url);
		});
	});

	describe('v1 (openphone-signature)', () => {
		it('signs over "{ms timestamp}.{raw body}" with the base64-decoded key', async () => {
			receiver = await startReceiver();
			const webhook = await createWebhookV1();

			const result = await standIn.deliver({ webhookId: webhook.id, envelope });

			const [delivery] = await receiver.waitFor(1);
			const parts = legacyHeaderParts(webhook.key, delivery!);
			expect(parts).toMatchObject({ scheme: 'hmac', version: '1', signature: parts.expected });
			expect(String(parts.timestamp)).toMatch(/^\d{13}$/);
			expect(Math.abs(parts.timestamp - Date.now())).toBeLessThan(5000);
			expect(delivery?.headers['webhook-id']).toBeUndefined();
			expect(result.deliveryId).toBeNull();
			expect(standIn.state.deliveries).toHaveLength(0);
		});

		it('re-signs every retry with a new timestamp', async () => {
			receiver = await startReceiver([500, 200]);
			const webhook = await createWebhookV1();

			await standIn.deliver({ webhookId: webhook.id, envelope });

			const [first, second] = (await receiver.waitFor(2)).map((delivery) =>
				legacyHeaderParts(webhook.key, delivery),
			);
			expect(first?.signature).toBe(first?.expected);
			expect(second?.signature).toBe(second?.expected);
			expect(second!.timestamp).toBeGreaterThan(first!.timestamp);
		});

		it('joins extra signatures with commas and offsets the timestamp in milliseconds', async () => {
			receiver = await startReceiver();
			const webhook = await createWebhookV1();

			await standIn.deliver({
				webhookId: webhook.id,
				envelope,
				signing: { timestampOffsetSeconds: -3600, extraSignatures: ['hmac;1;1;bm9wZQ=='] },
			});

			const [delivery] = await receiver.waitFor(1);
			const [extra, real] = String(delivery?.headers['openphone-signature']).split(',');
			expect(extra).toBe('hmac;1;1;bm9wZQ==');
			const timestamp = Number(real?.split(';')[2]);
			expect(Math.abs(timestamp - (Date.now() - 3_600_000))).toBeLessThan(5000);
		});
	});

	it('refuses an unknown webhook', async () => {
		await expect(standIn.deliver({ webhookId: 'WHnope', envelope })).rejects.toThrow(
			'The stand-in has no webhook WHnope',
		);
	});
});

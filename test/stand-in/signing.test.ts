import fc from 'fast-check';
import { Webhook } from 'standardwebhooks';
import { legacySignature, standardWebhookSignature } from './webhooks/signing';

describe('Quo-side webhook signing', () => {
	it('reproduces the legacy worked example (reference §5.4.1)', () => {
		const body =
			'{"id":"EVc67ec998b35c41d388af50799aeeba3e","object":"event","apiVersion":"v4","createdAt":"2022-01-23T16:55:52.557Z","type":"message.received","data":{"object":{"id":"AC24a8b8321c4f4cf2be110f4250793d51","object":"message","from":"+19876543210","to":["+15555555555"],"direction":"incoming","text":"Hello, world!","status":"delivered","createdAt":"2022-01-23T16:55:52.420Z","userId":"USu5AsEHuQ","phoneNumberId":"PNtoDbDhuz"}}}';

		expect(
			legacySignature('R2ZLM2o0bFhBNVpyUnU2NG9mYXQ1MHNyR3pvSUhIVVg=', 1639710054089, body),
		).toBe('hmac;1;1639710054089;RJ2ovDJl3G0KsYaBMSwSlu2RhaN8GBqWU06SGG8zxM0=');
	});

	it('reproduces the Standard Webhooks worked example (reference §5.4.2)', () => {
		const body =
			'{"id":"EV123","apiVersion":"2026-03-30","createdAt":"2026-04-13T12:00:00.000Z","type":"call.summary.completed","data":{"resource":{},"context":{},"links":{"quo":null}}}';

		const secret = 'whsec_cXVvLW44bi10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5YWI=';

		expect(standardWebhookSignature(secret, 'msg_2abcDEFghiJKLmnoPQRstu', 1775000000, body)).toBe(
			'v1,8K+ZMFzCqB/otqcvihtDr5DMgbnuyP09gB2dZEvYh5A=',
		);
	});

	it('agrees with the standardwebhooks library for any secret, id and body', () => {
		const secrets = fc
			.uint8Array({ minLength: 16, maxLength: 64 })
			.map((bytes) => 'whsec_' + Buffer.from(bytes).toString('base64'));
		const deliveryIds = fc.stringMatching(/^msg_[A-Za-z0-9]{1,30}$/);
		fc.assert(
			fc.property(secrets, deliveryIds, fc.string({ unit: 'grapheme' }), (secret, id, body) => {
				const timestamp = Math.floor(Date.now() / 1000);
				const signature = standardWebhookSignature(secret, id, timestamp, body);
				const webhook = new Webhook(secret);

				expect(signature).toBe(webhook.sign(id, new Date(timestamp * 1000), body));
				expect(() =>
					webhook.verify(
						body,
						{
							'webhook-id': id,
							'webhook-timestamp': `${timestamp}`,
							'webhook-signature': signature,
						},
						{ jsonParse: false },
					),
				).not.toThrow();
			}),
			{ numRuns: 200 },
		);
	});
});

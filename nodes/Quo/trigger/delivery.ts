import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { canonicalEventName, type WebhookApiVersion } from '../events/catalog';
import { normalizeEvent } from '../events/normalize';
import { rememberDelivery } from './dedupe';
import { recoverSigningKey } from './keyRecovery';
import { type SignatureCheck, verifyLegacySignature, verifyStandardWebhook } from './signature';
import { registeredDeliverySettings } from './subscriptionState';

const ACKNOWLEDGED: IWebhookResponseData = { webhookResponse: 'OK' };

function firstHeader(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value[0] : value;
}

/** Any stored key may have signed it: v1 keeps one key per event family. No registration, no keys: refused. */
function checkSignature(
	apiVersion: WebhookApiVersion | undefined,
	rawBody: Buffer,
	headers: IDataObject,
	keys: string[],
): SignatureCheck {
	const verify = apiVersion === 'v1' ? verifyLegacySignature : verifyStandardWebhook;
	const now = Date.now();
	let check: SignatureCheck = { valid: false, reason: 'no-secret' };
	for (const key of keys) {
		check = verify(rawBody, headers as Record<string, string | string[] | undefined>, key, now);
		if (check.valid) break;
	}
	return check;
}

/** The media type n8n parses as JSON (it answers 422 itself when such a body is not JSON). */
const JSON_MEDIA_TYPE = /^\s*application\/json\s*(;|$)/i;

/**
 * n8n has parsed a body sent as application/json already. It reads other content types its own way (form fields,
 * plain text), so those bodies are parsed here from the raw bytes that the signature covers.
 */
function parsedBody(body: unknown, rawBody: Buffer, contentType: string | undefined): unknown {
	const parsedAsJson = contentType !== undefined && JSON_MEDIA_TYPE.test(contentType);
	if (parsedAsJson && typeof body === 'object' && body !== null && Object.keys(body).length > 0) return body;
	try {
		return JSON.parse(rawBody.toString('utf8'));
	} catch {
		// A signed body that is not JSON still becomes an item, flagged by the normalizer: nothing is lost.
		return rawBody.toString('utf8');
	}
}

/**
 * One delivery: verify the signature over the raw bytes (401 and no run when it fails; a 2026-03-30 key that
 * Quo no longer signs with is recovered first, see keyRecovery), skip events the node did not select, skip a
 * delivery seen before, then emit one `QuoEvent` item.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const staticData = this.getWorkflowStaticData('node');
	const { apiVersion, events, includeRawBody, keys, subscriptionIds } = registeredDeliverySettings(staticData);
	const rawBody = request.rawBody ?? Buffer.alloc(0);

	const check = checkSignature(apiVersion, rawBody, request.headers, keys);
	if (!check.valid) {
		this.logger.debug(`Quo Trigger refused a delivery: ${check.reason}`);
		// Before answering, so that Quo's retry is checked against the key Quo now signs with.
		if (check.reason === 'mismatch' && apiVersion === '2026-03-30' && subscriptionIds.length === 1) {
			await recoverSigningKey.call(this, staticData, subscriptionIds[0], keys[0]);
		}
		this.getResponseObject().status(401).send('Unauthorized').end();
		return { noWebhookResponse: true };
	}

	const body = parsedBody(request.body, rawBody, request.headers['content-type']);
	const envelope = (typeof body === 'object' && body !== null ? body : {}) as IDataObject;
	const type = typeof envelope.type === 'string' ? canonicalEventName(envelope.type) : undefined;
	if (type !== undefined && !events.includes(type)) return ACKNOWLEDGED;

	const deliveryId = apiVersion === 'v1' ? null : (firstHeader(request.headers['webhook-id']) ?? null);
	const dedupeKey = deliveryId ?? (typeof envelope.id === 'string' ? envelope.id : undefined);
	if (dedupeKey !== undefined && !rememberDelivery(staticData, dedupeKey, subscriptionIds.join(','))) {
		return ACKNOWLEDGED;
	}

	const event = normalizeEvent(body, { deliveryId }) as unknown as IDataObject;
	return { workflowData: [[{ json: includeRawBody ? { ...event, raw: rawBody.toString('utf8') } : event }]] };
}

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { canonicalEventName, type WebhookApiVersion } from '../events/catalog';
import { normalizeEvent } from '../events/normalize';
import { rememberDelivery } from './dedupe';
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

/** n8n has parsed a JSON body already; anything else (another content type, say) is parsed here from the raw bytes. */
function parsedBody(body: unknown, rawBody: Buffer): unknown {
	if (typeof body === 'object' && body !== null && Object.keys(body).length > 0) return body;
	try {
		return JSON.parse(rawBody.toString('utf8'));
	} catch {
		// A signed body that is not JSON still becomes an item, flagged by the normalizer: nothing is lost.
		return rawBody.toString('utf8');
	}
}

/**
 * One delivery: verify the signature over the raw bytes (401 and no run when it fails), skip events the node
 * did not select, skip a delivery seen before, then emit one `QuoEvent` item.
 */
export function receiveDelivery(this: IWebhookFunctions): IWebhookResponseData {
	const request = this.getRequestObject();
	const staticData = this.getWorkflowStaticData('node');
	const { apiVersion, events, includeRawBody, keys, subscriptionIds } = registeredDeliverySettings(staticData);
	const rawBody = request.rawBody ?? Buffer.alloc(0);

	const check = checkSignature(apiVersion, rawBody, request.headers, keys);
	if (!check.valid) {
		this.logger.debug(`Quo Trigger refused a delivery: ${check.reason}`);
		this.getResponseObject().status(401).send('Unauthorized').end();
		return { noWebhookResponse: true };
	}

	const body = parsedBody(request.body, rawBody);
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

import { createHash } from 'node:crypto';

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { canonicalEventName, type WebhookApiVersion } from '../events/catalog';
import { normalizeEvent } from '../events/normalize';
import { headerValue } from '../transport/streamedResponse';
import { deliveryKeyOf, runStartedInProcess } from './dedupe';
import { recoverSigningKey } from './keyRecovery';
import {
	type DeliveryHeaders,
	type SignatureCheck,
	verifyLegacySignature,
	verifyStandardWebhook,
} from './signature';
import {
	type DirectionFilter,
	registeredDeliverySettings,
	sampleEventId,
} from './subscriptionState';

const ACKNOWLEDGED: IWebhookResponseData = { webhookResponse: 'OK' };

/** Any stored key may have signed it: v1 keeps one key per event family. No registration, no keys: refused. */
function checkSignature(
	apiVersion: WebhookApiVersion | undefined,
	rawBody: Buffer,
	headers: IDataObject,
	keys: string[],
	nowMs: number,
): SignatureCheck {
	const verify = apiVersion === 'v1' ? verifyLegacySignature : verifyStandardWebhook;
	let check: SignatureCheck = { valid: false, reason: 'no-secret' };
	for (const key of keys) {
		check = verify(rawBody, headers as DeliveryHeaders, key, nowMs);
		if (check.valid) break;
	}
	return check;
}

/** The signed bytes read as UTF-8, with their JSON value when they are JSON. */
function signedText(rawBody: Buffer): { text: string; json?: { value: unknown } } {
	const text = rawBody.toString('utf8');
	try {
		return { text, json: { value: JSON.parse(text) } };
	} catch {
		return { text };
	}
}

/** A Content-Type n8n has parsed as JSON, decoding the bytes as UTF-8: no charset, or a UTF-8 one. */
const UTF8_JSON_MEDIA_TYPE = /^\s*application\/json\s*(;\s*charset\s*=\s*"?utf-?8"?\s*)?$/i;

/**
 * The body as Quo signed it: its bytes, read as UTF-8 whatever charset the (unsigned) Content-Type claims. n8n's
 * parsed body is the same thing, and is used, only for JSON it decoded as UTF-8; other content types and charsets
 * n8n reads its own way (form fields, plain text, `charset=latin1`), so those are parsed here.
 */
function parsedBody(body: unknown, rawBody: Buffer, contentType: string | undefined): unknown {
	const parsedAsUtf8Json = contentType !== undefined && UTF8_JSON_MEDIA_TYPE.test(contentType);
	if (parsedAsUtf8Json && typeof body === 'object' && body !== null && Object.keys(body).length > 0)
		return body;
	// A signed body that is not JSON still becomes an item, flagged by the normalizer: nothing is lost.
	const { text, json } = signedText(rawBody);
	return json ? json.value : text;
}

/**
 * The bytes Quo signed. n8n reads them before `webhook()` for a node of typeVersion 1, and above that only for the
 * content types it parses; otherwise they are still unread. When they cannot be read (the sender gave up, the body
 * is over n8n's size limit), n8n's own error answers the request.
 */
async function signedBytes(
	request: ReturnType<IWebhookFunctions['getRequestObject']>,
): Promise<Buffer> {
	if (request.rawBody === undefined) await request.readRawBody();
	return request.rawBody ?? Buffer.alloc(0);
}

/** A message or call event in the direction the node takes; events without a direction (contacts, tasks) always are. */
function goesInDirection(event: IDataObject, direction: DirectionFilter): boolean {
	if (direction === 'both') return true;
	const eventDirection = (event.resource as IDataObject | undefined)?.direction;
	return eventDirection !== 'incoming' && eventDirection !== 'outgoing'
		? true
		: eventDirection === direction;
}

/**
 * One delivery: verify the signature over the raw bytes (401 and no run when it fails; a 2026-03-30 key that
 * Quo no longer signs with is recovered first, see keyRecovery), skip events the node did not select, skip a
 * delivery seen before, then emit one `QuoEvent` item.
 */
export async function receiveDelivery(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	const staticData = this.getWorkflowStaticData('node');
	const nowMs = Date.now();
	const { apiVersion, events, includeRawBody, direction, keys, subscriptionIds } =
		registeredDeliverySettings(staticData, nowMs);
	const rawBody = await signedBytes(request);
	const webhookId = headerValue(request.headers, 'webhook-id');

	const check = checkSignature(apiVersion, rawBody, request.headers, keys, nowMs);
	if (!check.valid) {
		this.logger.debug(`Quo Trigger refused a delivery: ${check.reason}`);
		// Only a fresh, well-formed 2026-03-30 delivery can show that the key is stale (see keyRecovery).
		const mayBeQuos =
			check.reason === 'mismatch' && apiVersion === '2026-03-30' && subscriptionIds.length === 1;
		const headers = request.headers as DeliveryHeaders;
		const outcome = mayBeQuos
			? await recoverSigningKey.call(this, {
					staticData,
					subscriptionId: subscriptionIds[0],
					currentKey: keys[0],
					heldKeys: keys,
					deliveryId: webhookId ?? '',
					readBody: () => signedText(rawBody).json?.value,
					isSignedWith: (key) => verifyStandardWebhook(rawBody, headers, key, Date.now()).valid,
				})
			: 'refused';
		if (outcome !== 'verified') {
			this.getResponseObject().status(401).send('Unauthorized').end();
			return { noWebhookResponse: true };
		}
	}

	const body = parsedBody(request.body, rawBody, request.headers['content-type']);
	const envelope = (typeof body === 'object' && body !== null ? body : {}) as IDataObject;
	const type = typeof envelope.type === 'string' ? canonicalEventName(envelope.type) : undefined;
	if (type !== undefined && !events.includes(type)) return ACKNOWLEDGED;

	const deliveryId = apiVersion === 'v1' ? null : (webhookId ?? null);
	const event = normalizeEvent(body, { deliveryId }) as unknown as IDataObject;
	// A v1 body without an event id (not JSON, say) is known by its signed bytes: Quo's retry sends the same ones.
	if (deliveryId === null && event.eventId === '')
		event.eventId = `sha256:${createHash('sha256').update(rawBody).digest('hex')}`;
	// Repeats are dropped by the trigger's execute() (see dedupe); one whose run this process started ends here. A
	// test delivery is never taken for a repeat: Quo may send the same event to the test URL too.
	const mode = this.getMode();
	if (mode === 'webhook' && runStartedInProcess.call(this, deliveryKeyOf(event)))
		return ACKNOWLEDGED;
	// Quo's sample for "Execute step" carries placeholder ids: say so on its item, where the user meets them. It is
	// of the first selected event whatever its direction, and it is what the user waits for: no filter drops it.
	const isSample = mode === 'manual' && event.eventId === sampleEventId(staticData);
	if (isSample) event.sample = true;
	else if (!goesInDirection(event, direction)) return ACKNOWLEDGED;
	return {
		workflowData: [
			[{ json: includeRawBody ? { ...event, raw: rawBody.toString('utf8') } : event }],
		],
	};
}

import { newAttemptId } from '../ids';
import type { DeliveryAttempt, StandInState, WebhookDelivery } from '../state';
import type { DeliveryAttemptResult } from '../types';

/** Finds the delivery with this webhook-id (a retry of it) or records a new one. */
export function openDelivery(
	state: StandInState,
	webhookId: string,
	deliveryId: string,
	rawBody: string,
): WebhookDelivery {
	const existing = state.deliveries.find(
		(delivery) => delivery.webhookId === webhookId && delivery.id === deliveryId,
	);
	if (existing) return existing;
	const requestBody = parseOrKeep(rawBody);
	const delivery: WebhookDelivery = {
		id: deliveryId,
		webhookId,
		eventType: eventTypeOf(requestBody),
		createdAt: new Date().toISOString(),
		requestBody,
		rawBody,
		status: 'sending',
		nextAttemptAt: null,
		attempts: [],
	};
	state.deliveries.push(delivery);
	return delivery;
}

export function recordAttempt(
	delivery: WebhookDelivery,
	result: DeliveryAttemptResult,
	details: { url: string; triggerType: DeliveryAttempt['triggerType']; nextAttemptAt: Date | null },
): void {
	const succeeded = isSuccess(result.status);
	delivery.attempts.push({
		id: newAttemptId(),
		timestamp: new Date().toISOString(),
		status: succeeded ? 'success' : 'failed',
		responseStatusCode: result.status,
		responseBody: result.body,
		responseDurationMs: result.durationMs,
		triggerType: details.triggerType,
		url: details.url,
	});
	delivery.nextAttemptAt = details.nextAttemptAt?.toISOString() ?? null;
	delivery.status = succeeded ? 'success' : details.nextAttemptAt ? 'pending' : 'failed';
}

export function isSuccess(status: number): boolean {
	return status >= 200 && status < 300;
}

function parseOrKeep(rawBody: string): unknown {
	try {
		return JSON.parse(rawBody);
	} catch {
		return rawBody;
	}
}

function eventTypeOf(body: unknown): string {
	const type =
		typeof body === 'object' && body !== null ? (body as { type?: unknown }).type : undefined;
	return typeof type === 'string' ? type : 'unknown';
}

import { setMaxListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { newDeliveryId } from '../ids';
import type { DeliveryAttempt, StandInState } from '../state';
import type { DeliveryAttemptResult, DeliveryRequest, DeliveryResult } from '../types';
import { isSuccess, openDelivery, recordAttempt } from './delivery-log';
import { postRaw } from './http-post';
import { signedRequest, type WebhookGeneration } from './signed-request';

type TriggerType = DeliveryAttempt['triggerType'];

interface Subscription {
	generation: WebhookGeneration;
	url: string;
	/** Read at every attempt, so a rotated secret takes effect at once. */
	currentKey(): string;
}

/** Quo's side of webhooks: sends signed deliveries, retries non-2xx answers and logs 2026-03-30 deliveries. */
export class Deliverer {
	private readonly inFlight = new Set<Promise<unknown>>();
	private readonly shutdown = new AbortController();

	constructor(
		private readonly state: StandInState,
		private readonly retryDelaysMs: number[],
	) {
		// Every open request and waiting retry listens for shutdown; many deliveries at once are normal.
		setMaxListeners(0, this.shutdown.signal);
	}

	async deliver(
		request: DeliveryRequest,
		triggerType: TriggerType = 'scheduled',
	): Promise<DeliveryResult> {
		const subscription = this.findSubscription(request.webhookId);
		const rawBody =
			request.rawBody ?? (request.envelope ? JSON.stringify(request.envelope) : undefined);
		if (rawBody === undefined) throw new Error('A delivery needs an envelope or a rawBody');
		const url = request.url ?? subscription.url;
		const deliveryId =
			subscription.generation === '2026-03-30' ? (request.deliveryId ?? newDeliveryId()) : null;
		const signing = request.signing ?? 'valid';
		// A delivery signed with another key, or not signed, plays a forger's: Quo's log never has it.
		const forged = signing === 'wrong-key' || signing === 'none';
		const logged =
			deliveryId === null || forged
				? null
				: openDelivery(this.state, request.webhookId, deliveryId, rawBody);
		const retryDelays = request.retry === false ? [] : this.retryDelaysMs;

		const attempts: DeliveryAttemptResult[] = [];
		const sign = () =>
			signedRequest(
				subscription.generation,
				subscription.currentKey(),
				deliveryId ?? '',
				rawBody,
				signing,
				Date.now(),
			);
		let sent = sign();
		for (let attemptIndex = 0; ; attemptIndex++) {
			if (logged) logged.status = 'sending';
			const result = await postRaw(url, sent.headers, sent.body, this.shutdown.signal);
			attempts.push(result);
			const delay =
				isSuccess(result.status) || this.shutdown.signal.aborted
					? undefined
					: retryDelays[attemptIndex];
			if (logged) {
				recordAttempt(logged, result, {
					url,
					triggerType: attemptIndex === 0 ? triggerType : 'scheduled',
					nextAttemptAt: delay === undefined ? null : new Date(Date.now() + delay),
				});
			}
			if (delay === undefined || !(await this.pause(delay))) break;
			// Each retry is signed afresh: same webhook-id, new timestamp.
			sent = sign();
		}
		const finalStatus = attempts[attempts.length - 1]?.status ?? 0;
		return { attempts, finalStatus, deliveryId, headers: sent.headers, body: sent.body };
	}

	/** For deliveries Quo makes on its own (test events, retries): errors are reported, not thrown. */
	deliverInBackground(request: DeliveryRequest, triggerType: TriggerType): void {
		const pending: Promise<unknown> = this.deliver(request, triggerType)
			.catch((error: unknown) => console.error('Quo stand-in: background delivery failed', error))
			.finally(() => this.inFlight.delete(pending));
		this.inFlight.add(pending);
	}

	/** Stops waiting retries, aborts open requests and waits for background deliveries to settle. */
	async close(): Promise<void> {
		this.shutdown.abort();
		await Promise.all(this.inFlight);
	}

	private async pause(ms: number): Promise<boolean> {
		try {
			await sleep(ms, undefined, { signal: this.shutdown.signal });
			return true;
		} catch {
			return false;
		}
	}

	private findSubscription(webhookId: string): Subscription {
		const v1 = this.state.webhooksV1.find((webhook) => webhook.id === webhookId);
		if (v1) return { generation: 'v1', url: v1.url, currentKey: () => v1.key };
		const current = this.state.webhooks2026.find((webhook) => webhook.id === webhookId);
		if (current)
			return { generation: '2026-03-30', url: current.url, currentKey: () => current.key };
		throw new Error(`The stand-in has no webhook ${webhookId}`);
	}
}

import type { StandInState } from './state';

/** The time the stand-in answers by: the real one by default, a manual one in tests about waiting. */
export interface StandInClock {
	now(): number;
	/** Does not keep the process alive once the stand-in is closed (a stalled answer outlasts its client). */
	sleep(ms: number): Promise<void>;
}

export interface StandInOptions {
	/** Default 0: a free port on 127.0.0.1. */
	port?: number;
	/** Valid API keys; default one generated key. */
	apiKeys?: string[];
	/** Default 10 (Quo's limit per API key); 0 or Infinity disables the limit. */
	rateLimitPerSecond?: number;
	/** Added latency before every answer (default 0). */
	responseDelayMs?: number;
	/**
	 * Every answer leaves no earlier than this long after its request arrived (default 0), however long the
	 * stand-in itself took: a fixed response time, as a client sees Quo's, that the stand-in's own work does not add to.
	 */
	responseLatencyMs?: number;
	/** Default: the real clock. Request times, the rate limit, latencies and fault delays follow it. */
	clock?: StandInClock;
	/** Default: env QUO_OPENAPI_DIR, else `<repo>/../shared/quo-api` if it exists, else null (no validation). */
	openApiDir?: string | null;
	/** Delays between delivery attempts after a non-2xx answer; default [100, 500, 2000]. */
	deliveryRetryDelaysMs?: number[];
	/**
	 * How much demo data to create (defaults: 3 phone numbers, 3 users, none of the rest). Custom contact fields
	 * (one of each type) are always there; calls, conversations and tasks are those of the first number.
	 */
	seed?: {
		phoneNumbers?: number;
		users?: number;
		messages?: number;
		contacts?: number;
		calls?: number;
		conversations?: number;
		tasks?: number;
	};
}

export interface RecordedRequest {
	at: number;
	method: string;
	path: string;
	rawQuery: string;
	/** Repeated keys become arrays. */
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	/** The parsed JSON body; undefined when the body is empty or not JSON (see rawBody). */
	body: unknown;
	rawBody: string;
	operationId: string | null;
	/** The status answered; 0 while unanswered or when the connection was dropped. */
	status: number;
	/** When the answer was written (ms since the epoch, like `at`); 0 while unanswered or when the connection was dropped. */
	answeredAt: number;
	/** Problems against the OpenAPI operation, checked on arrival for every matched request. */
	validationErrors: string[];
	/** The Authorization header as received; null when absent. */
	apiKey: string | null;
}

export interface FaultRule {
	method?: string;
	/** A string matches the path (without query) exactly; a RegExp is tested against it. */
	path?: string | RegExp;
	status?: number;
	/** Sent as JSON; without body and rawBody a Quo error body for the status is sent. */
	body?: unknown;
	rawBody?: string;
	contentType?: string;
	headers?: Record<string, string>;
	delayMs?: number;
	dropConnection?: boolean;
	/**
	 * Handle the request as usual first, so its effects happen (a message is sent, a webhook created), then apply
	 * the fault to the answer: wait `delayMs`, drop the connection instead of answering, or replace the status, body,
	 * content type or headers given. Without it a fault answers in place of Quo, which never sees the request.
	 */
	afterHandling?: boolean;
	/** Declare the whole answer's Content-Length, send only the first half of the body, then close the connection. */
	truncateBody?: boolean;
	/** Default 1; Infinity allowed. */
	times?: number;
}

/**
 * How the stand-in signs a delivery. 'none' and 'wrong-key' play a forger's deliveries: they are not in Quo's
 * delivery log. 'tampered-body' plays a delivery of Quo's changed on the way: the log has what Quo sent.
 */
export type SigningMode =
	| 'valid'
	| 'none'
	| 'wrong-key'
	| 'tampered-body'
	| {
			timestampOffsetSeconds?: number;
			extraSignatures?: string[];
			headers?: Record<string, string>;
			tamperBody?: boolean;
	  };

export interface DeliveryRequest {
	/** A v1 (WH…) or 2026-03-30 (numeric) subscription in state. */
	webhookId: string;
	/** Sent as compact JSON. */
	envelope?: object;
	/** Exact bytes to send. */
	rawBody?: string;
	signing?: SigningMode;
	/** 2026-03-30: the webhook-id header (default 'msg_' + random); reuse it to simulate Quo's retry of a delivery. */
	deliveryId?: string;
	/** Default true: retry non-2xx answers using deliveryRetryDelaysMs. */
	retry?: boolean;
	/** Default: the subscription's url. */
	url?: string;
}

export interface DeliveryAttemptResult {
	/** 0 when no response came. */
	status: number;
	body: string;
	durationMs: number;
}

export interface DeliveryResult {
	attempts: DeliveryAttemptResult[];
	finalStatus: number;
	deliveryId: string | null;
	/** The headers of the last attempt. */
	headers: Record<string, string>;
	/** The body as sent. */
	body: string;
}

export interface StandIn {
	url: string;
	apiKey: string;
	requests: RecordedRequest[];
	addFault(rule: FaultRule): void;
	clearFaults(): void;
	state: StandInState;
	deliver(request: DeliveryRequest): Promise<DeliveryResult>;
	setRateLimit(perSecond: number): void;
	setResponseDelay(ms: number): void;
	/**
	 * Clears requests, faults, webhooks, deliveries, sent messages and rate-limit windows, and brings seeded contacts,
	 * conversations and tasks back to how they were seeded; keeps seeded data.
	 */
	reset(): void;
	close(): Promise<void>;
}

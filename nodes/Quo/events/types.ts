/** One output item of the Quo Trigger: a delivery of either webhook generation, in one shape. */
export interface QuoEvent {
	/** The envelope `type`; legacy "callSummary" / "callTranscript" become "call.summary.completed" / "call.transcript.completed". */
	event: string;
	/** Envelope `id`. */
	eventId: string;
	/** `webhook-id` header; null on v1. */
	deliveryId: string | null;
	/** Envelope `apiVersion`: "2026-03-30", "v4", "v3", "v2", ... */
	apiVersion: string;
	/** Envelope `createdAt`. */
	createdAt: string;
	/** `data.resource`, or the legacy `data.object` mapped to the 2026-03-30 shape. */
	resource: object;
	/** `data.context`, or built from the legacy object. */
	context: object | null;
	links: { quo: string | null };
	/** Only when the payload does not match the known schema of its type; the item is still emitted. */
	schemaIssues?: string[];
}

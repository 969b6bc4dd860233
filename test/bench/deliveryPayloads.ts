import { type LegacyEnvelope, sampleLegacyEnvelope, seedEnvelopes } from '../fixtures/events';

/**
 * Delivery bodies for the benchmarks, each a real event shape: the seed examples of the 2026-03-30 documentation
 * and the legacy (v1) samples Quo has sent, padded with more of their own content where a size is named.
 * A real message.received event is about half a kilobyte (its context names the line, conversation, user,
 * contacts, sender and recipients), so that is the small case; its exact size is printed with every result.
 */

/** The 2026-03-30 message.received of the seed document (about 0.5 KB signed). */
export function messageEvent(): object {
	return seedEnvelopes['message.received'];
}

/** The v1 message.received of Quo's documentation (about 0.4 KB signed). */
export function legacyMessageEvent(): object {
	return sampleLegacyEnvelope('message.received');
}

/** A 2026-03-30 contact.updated of about `targetBytes`: the seed contact with more custom fields. */
export function contactEvent(targetBytes = 3 * 1024): object {
	const envelope = structuredClone(seedEnvelopes['contact.updated']) as unknown as {
		data: { resource: { customFields: object[] } };
	};
	for (let i = 0; JSON.stringify(envelope).length < targetBytes; i++) {
		envelope.data.resource.customFields.push({
			name: `Field ${i}`,
			key: `field_${i}`,
			id: `cf${i}`,
			type: 'string',
			value: `Value number ${i}`,
		});
	}
	return envelope;
}

function dialogueLine(i: number): object {
	return {
		userId: i % 2 ? 'US123' : null,
		identifier: i % 2 ? null : '+15550000002',
		content: `Line ${i}: we talked about the order, the delivery date and the invoice.`,
		start: i * 3,
		end: i * 3 + 3,
	};
}

/** A 2026-03-30 call.transcript.completed of about `targetBytes`: the seed transcript with more dialogue. */
export function transcriptEvent(targetBytes = 20 * 1024): object {
	const envelope = structuredClone(seedEnvelopes['call.transcript.completed']) as unknown as {
		data: { resource: { dialogue: object[] } };
	};
	const lines = envelope.data.resource.dialogue;
	for (let i = 0; JSON.stringify(envelope).length < targetBytes; i++) lines.push(dialogueLine(i));
	return envelope;
}

/** A v1 call.transcript.completed (`data.object`) of about `targetBytes`: the documented sample with more dialogue. */
export function legacyTranscriptEvent(targetBytes = 20 * 1024): object {
	const envelope = sampleLegacyEnvelope('call.transcript.completed') as LegacyEnvelope & {
		data: { object: { dialogue: object[] } };
	};
	const lines = envelope.data.object.dialogue;
	for (let i = 0; JSON.stringify(envelope).length < targetBytes; i++) lines.push(dialogueLine(i));
	return envelope;
}

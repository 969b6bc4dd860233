import { seedEnvelopes } from '../fixtures/events';

/** A delivery body of about `targetBytes`, built from the seed examples, for each size the benchmarks name. */
export function messageEvent(): object {
	return seedEnvelopes['message.received'];
}

export function contactEvent(targetBytes = 3 * 1024): object {
	const envelope = structuredClone(seedEnvelopes['contact.updated']) as unknown as { data: { resource: { customFields: object[] } } };
	for (let i = 0; JSON.stringify(envelope).length < targetBytes; i++) {
		envelope.data.resource.customFields.push({ name: `Field ${i}`, key: `field_${i}`, id: `cf${i}`, type: 'string', value: `Value number ${i}` });
	}
	return envelope;
}

export function transcriptEvent(targetBytes = 20 * 1024): object {
	const envelope = structuredClone(seedEnvelopes['call.transcript.completed']) as unknown as { data: { resource: { dialogue: object[] } } };
	const lines = envelope.data.resource.dialogue;
	for (let i = 0; JSON.stringify(envelope).length < targetBytes; i++) {
		lines.push({ userId: i % 2 ? 'US123' : null, identifier: i % 2 ? null : '+15550000002', content: `Line ${i}: we talked about the order, the delivery date and the invoice.`, start: i * 3, end: i * 3 + 3 });
	}
	return envelope;
}

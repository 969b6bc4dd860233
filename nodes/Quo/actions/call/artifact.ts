import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { fetchCallArtifact } from './callArtifacts';
import { CALL_ID, requireQuoId } from '../fieldErrors';
import { callIdField } from './shared.descriptions';

export function requireCallId(this: IExecuteFunctions, itemIndex: number): string {
	return requireQuoId(this.getNode(), this.getNodeParameter('callId', itemIndex), CALL_ID, 'Call ID', itemIndex);
}

/**
 * Get Summary and Get Transcript differ only in Quo's path (`/v1/call-summaries/{callId}`,
 * `/v1/call-transcripts/{id}`); each operation file builds its description and execute here.
 */
export function artifactOperation(operation: 'getSummary' | 'getTranscript', collection: 'call-summaries' | 'call-transcripts') {
	return {
		description: updateDisplayOptions({ show: { resource: ['call'], operation: [operation] } }, [callIdField]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const callId = requireCallId.call(this, itemIndex);
			return await fetchCallArtifact.call(this, `/v1/${collection}/${encodeURIComponent(callId)}`, callId, itemIndex);
		},
	};
}

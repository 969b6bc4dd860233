import type { IDataObject, IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError, updateDisplayOptions } from 'n8n-workflow';

import { quoApiRequest } from '../../transport';
import { unwrapData } from '../../transport/responseData';
import { CALL_ID, requireQuoId } from '../fieldErrors';
import { callIdField } from './shared.descriptions';

export function requireCallId(this: IExecuteFunctions, itemIndex: number): string {
	return requireQuoId(
		this.getNode(),
		this.getNodeParameter('callId', itemIndex),
		CALL_ID,
		'Call ID',
		itemIndex,
	);
}

/**
 * Quo makes a call's summary, transcript and voicemail some time after the call: until then it answers
 * `status: in-progress`, or 404. Either is a result (`ready: false`), not a failure, so a workflow can wait
 * and ask again. A 404 is checked against the call itself: for a call that does not exist it stays an error.
 */
export async function fetchCallArtifact(
	this: IExecuteFunctions,
	path: string,
	callId: string,
	itemIndex: number,
): Promise<IDataObject> {
	try {
		const artifact = unwrapData(
			await quoApiRequest.call(this, {
				method: 'GET',
				path,
				itemIndex,
				notFound: `the call ${callId}`,
			}),
		);
		return { ...artifact, ready: artifact.status === 'completed' };
	} catch (error) {
		// The transport's errors are NodeApiErrors already, which NodeApiError passes on unchanged.
		if (!(error instanceof NodeApiError) || error.httpCode !== '404')
			throw new NodeApiError(this.getNode(), error as JsonObject, { itemIndex });
		await quoApiRequest.call(this, {
			method: 'GET',
			path: `/v1/calls/${encodeURIComponent(callId)}`,
			itemIndex,
			notFound: `the call ${callId}`,
		});
		return { callId, ready: false, status: 'absent' };
	}
}

/**
 * Get Summary and Get Transcript differ only in Quo's path (`/v1/call-summaries/{callId}`,
 * `/v1/call-transcripts/{id}`); each operation file builds its description and execute here.
 */
export function artifactOperation(
	operation: 'getSummary' | 'getTranscript',
	collection: 'call-summaries' | 'call-transcripts',
) {
	return {
		description: updateDisplayOptions({ show: { resource: ['call'], operation: [operation] } }, [
			callIdField,
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const callId = requireCallId.call(this, itemIndex);
			return await fetchCallArtifact.call(
				this,
				`/v1/${collection}/${encodeURIComponent(callId)}`,
				callId,
				itemIndex,
			);
		},
	};
}

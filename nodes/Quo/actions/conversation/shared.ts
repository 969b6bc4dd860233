import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { CONVERSATION_ID, requireQuoId } from '../fieldErrors';
import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { conversationRLC } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...conversationRLC, required: true, description: 'The conversation to mark' },
];

/**
 * Mark as Read, Done and Open differ only in Quo's path (`/v1/conversations/{id}/mark-as-read`, …); each operation
 * file builds its description and execute here. Quo answers with the conversation itself, not wrapped in `data`.
 */
export function markAsOperation(
	operation: 'markAsRead' | 'markAsDone' | 'markAsOpen',
	action: 'mark-as-read' | 'mark-as-done' | 'mark-as-open',
) {
	return {
		description: updateDisplayOptions(
			{ show: { resource: ['conversation'], operation: [operation] } },
			properties,
		),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const value = this.getNodeParameter('conversationId', itemIndex, '', { extractValue: true });
			const conversationId = requireQuoId(
				this.getNode(),
				value,
				CONVERSATION_ID,
				'Conversation',
				itemIndex,
			);
			const path = `/v1/conversations/${encodeURIComponent(conversationId)}/${action}`;
			return unwrapData(
				await quoApiRequest.call(this, {
					method: 'POST',
					path,
					itemIndex,
					notFound: `the conversation ${conversationId}`,
				}),
			);
		},
	};
}

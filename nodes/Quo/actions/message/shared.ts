import type { IExecuteFunctions } from 'n8n-workflow';

import { MESSAGE_ID, requireQuoId } from '../fieldErrors';

export function requireMessageId(this: IExecuteFunctions, itemIndex: number): string {
	return requireQuoId(
		this.getNode(),
		this.getNodeParameter('messageId', itemIndex),
		MESSAGE_ID,
		'Message ID',
		itemIndex,
	);
}

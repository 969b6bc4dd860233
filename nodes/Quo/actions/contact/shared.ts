import type { IExecuteFunctions } from 'n8n-workflow';

import { requireText } from '../fieldErrors';

/** The Contact parameter (list, ID or URL mode). Contact ids have no prefix: only emptiness is checked. */
export function requireContactId(this: IExecuteFunctions, itemIndex: number): string {
	return requireText(
		this.getNode(),
		this.getNodeParameter('contactId', itemIndex, '', { extractValue: true }),
		'Contact',
		itemIndex,
	);
}

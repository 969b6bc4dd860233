import type { IExecuteFunctions } from 'n8n-workflow';

/** The item's "Limit", or undefined when "Return All" is on. */
export function resultLimit(this: IExecuteFunctions, itemIndex: number): number | undefined {
	if (this.getNodeParameter('returnAll', itemIndex, false) as boolean) return undefined;
	return this.getNodeParameter('limit', itemIndex, 50) as number;
}

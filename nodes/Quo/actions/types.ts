import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ExecutionCache } from './lookups';

/** Output items that carry binary data (downloads): the router passes them on as they are, only adding the pairing. */
export class BinaryItems {
	constructor(readonly items: INodeExecutionData[]) {}
}

/**
 * An operation works on one input item and returns what Quo answered, as one or more JSON objects (or
 * `BinaryItems`); the router pairs them with the item, runs items concurrently and applies "Continue On Fail".
 */
export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
) => Promise<IDataObject | IDataObject[] | BinaryItems>;

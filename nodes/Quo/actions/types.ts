import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionCache } from '../helpers/executionCache';

/**
 * An operation works on one input item and returns what Quo answered, as one or more JSON objects;
 * the router pairs them with the item, runs items concurrently and applies "Continue On Fail".
 */
export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
) => Promise<IDataObject | IDataObject[]>;

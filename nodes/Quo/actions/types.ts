import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { WorkspaceLookups } from './lookups';
import type { OrderedLanes } from './orderedLanes';

/** Output items that carry binary data (downloads): the router passes them on as they are, only adding the pairing. */
export class BinaryItems {
	constructor(readonly items: INodeExecutionData[]) {}
}

/** What the items of one execution share, handed to each operation with its item. */
export interface Execution {
	/** Phone numbers, custom fields and contact pages, looked up once per execution. */
	lookups: WorkspaceLookups;
	/** Sends to the same conversation keep item order. */
	conversationLanes: OrderedLanes;
	/** Upserts of the same external ID run in item order, so a later item finds the contact an earlier one created. */
	externalIdLanes: OrderedLanes;
}

/**
 * An operation works on one input item and returns what Quo answered, as one or more JSON objects (or
 * `BinaryItems`); the router pairs them with the item, runs items concurrently and applies "Continue On Fail".
 */
export type ItemOperation = (
	this: IExecuteFunctions,
	itemIndex: number,
	execution: Execution,
) => Promise<IDataObject | IDataObject[] | BinaryItems>;

/** What the router runs: an operation file's `execute`, and `readOnly` when it only reads. */
export interface Operation {
	execute: ItemOperation;
	/** Items of an operation that only reads may run ten at a time, as they cannot change what Quo does. */
	readOnly?: boolean;
}

import type { IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { mapItemsConcurrently } from './itemPool';
import { WorkspaceLookups } from './lookups';
import { OrderedLanes } from './orderedLanes';
import * as call from './call/Call.resource';
import * as contact from './contact/Contact.resource';
import * as contactCustomField from './contactCustomField/ContactCustomField.resource';
import * as conversation from './conversation/Conversation.resource';
import * as message from './message/Message.resource';
import type { QuoType } from './node.type';
import * as phoneNumber from './phoneNumber/PhoneNumber.resource';
import * as task from './task/Task.resource';
import { BinaryItems, type Execution, type Operation } from './types';
import * as user from './user/User.resource';
import * as webhook from './webhook/Webhook.resource';

/** Items in flight at once; the transport's limiter keeps the pace under Quo's 10 requests per second. */
const MAX_ITEMS_IN_FLIGHT = 10;

const resources = {
	call,
	contact,
	contactCustomField,
	conversation,
	message,
	phoneNumber,
	task,
	user,
	webhook,
};

/**
 * Each resource's operations, by the values of the node's Resource and Operation options: every export of a
 * `<Resource>.resource.ts` but its description. `NodeMap` is read from here.
 */
export const RESOURCES: {
	[R in keyof typeof resources]: Record<
		Exclude<keyof (typeof resources)[R], 'description'>,
		Operation
	>;
} = resources;

function operationOf(this: IExecuteFunctions, { resource, operation }: QuoType): Operation {
	// The parameters may hold anything (an old workflow, an expression), so the lookup is checked at run time.
	const operations: Record<string, Operation> | undefined = Object.hasOwn(RESOURCES, resource)
		? RESOURCES[resource]
		: undefined;
	const found =
		operations && Object.hasOwn(operations, operation) ? operations[operation] : undefined;
	if (typeof found?.execute !== 'function') {
		throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported!`);
	}
	return found;
}

/** The error that stops the execution, pointing n8n at the item it came from. */
function itemError(
	node: INode,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(node, error as Error, { itemIndex });
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const quoNodeData = {
		resource: this.getNodeParameter('resource', 0),
		operation: this.getNodeParameter('operation', 0),
	} as QuoType;
	const { execute, readOnly } = operationOf.call(this, quoNodeData);
	const execution: Execution = {
		lookups: new WorkspaceLookups(this),
		conversationLanes: new OrderedLanes(),
		externalIdLanes: new OrderedLanes(),
	};

	// An item that changes something waits for the one before it, as n8n users expect: without Continue On Fail the
	// run stops at the first failure, and no later item has reached Quo (re-running after a fix sends nothing twice).
	// Reads, and items whose failures are their own (Continue On Fail), run several at once.
	const inFlight = readOnly === true || this.continueOnFail() ? MAX_ITEMS_IN_FLIGHT : 1;
	const outputs = await mapItemsConcurrently(items.length, inFlight, async (itemIndex) => {
		try {
			const result = await execute.call(this, itemIndex, execution);
			const data =
				result instanceof BinaryItems ? result.items : this.helpers.returnJsonArray(result);
			return this.helpers.constructExecutionMetaData(data, { itemData: { item: itemIndex } });
		} catch (error) {
			if (!this.continueOnFail()) throw itemError(this.getNode(), error, itemIndex);
			return [{ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } }];
		}
	});
	return [outputs.flat()];
}

import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { quoApiRequest, type QuoRequest } from '../../nodes/Quo/transport';
import {
	quoApiRequestAllItemsCursor,
	quoApiRequestAllItemsV1,
} from '../../nodes/Quo/transport/pagination';

/**
 * A test-only node that sends one request per input item through the package's transport, so the
 * transport runs inside n8n-core's real `ExecuteContext` before the product nodes use it.
 * Each item's json says what to send: `{method, path, qs?, body?, effect?, paginate?: 'v1' | 'cursor', limit?, pageSize?}`.
 */
export class TransportProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Transport Probe',
		name: 'transportProbe',
		group: ['transform'],
		version: 1,
		description: 'Sends requests through the Quo transport',
		defaults: { name: 'Transport Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'quoApi', required: true }],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		return [
			await Promise.all(
				items.map(async (item, itemIndex) => {
					const spec = item.json as {
						method: IHttpRequestMethods;
						path: string;
						qs?: IDataObject;
						body?: IDataObject;
						effect?: QuoRequest['effect'];
						paginate?: 'v1' | 'cursor';
						limit?: number;
						pageSize?: number;
					};
					if (spec.paginate) {
						const walk =
							spec.paginate === 'v1' ? quoApiRequestAllItemsV1 : quoApiRequestAllItemsCursor;
						const data = await walk.call(this, {
							path: spec.path,
							qs: spec.qs,
							limit: spec.limit,
							pageSize: spec.pageSize ?? 50,
							itemIndex,
						});
						return { json: { data }, pairedItem: { item: itemIndex } };
					}
					const json = await quoApiRequest.call(this, {
						method: spec.method,
						path: spec.path,
						qs: spec.qs,
						body: spec.body,
						effect: spec.effect,
						itemIndex,
					});
					return { json: (json ?? {}) as IDataObject, pairedItem: { item: itemIndex } };
				}),
			),
		];
	}
}

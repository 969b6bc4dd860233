import type { IExecuteFunctions, INode } from 'n8n-workflow';

import type { WebhookApiVersion } from '../../events/catalog';
import { fieldError, requireText } from '../fieldErrors';

export interface WebhookRef {
	id: string;
	apiVersion: WebhookApiVersion;
}

/** The id's form tells the generation: v1 ids start with `WH`, 2026-03-30 ids are numeric strings. */
export function webhookRefOf(node: INode, value: unknown, itemIndex: number): WebhookRef {
	const id = String(value ?? '').trim();
	if (/^WH[A-Za-z0-9]+$/.test(id)) return { id, apiVersion: 'v1' };
	if (/^[0-9]+$/.test(id)) return { id, apiVersion: '2026-03-30' };
	throw fieldError(
		node,
		'Webhook ID',
		`'${id}' is neither a v1 webhook ID (starting with WH) nor a 2026-03-30 webhook ID (digits only)`,
		itemIndex,
	);
}

/**
 * The Webhook ID parameter, for operations Quo offers only on 2026-03-30 webhooks: a v1 id fails here, before any
 * request.
 */
export function require2026Webhook(
	this: IExecuteFunctions,
	itemIndex: number,
	operation: string,
): string {
	const node = this.getNode();
	const webhook = webhookRefOf(node, this.getNodeParameter('webhookId', itemIndex), itemIndex);
	if (webhook.apiVersion === '2026-03-30') return webhook.id;
	throw fieldError(
		node,
		'Webhook ID',
		`'${webhook.id}' is a v1 webhook, and Quo's v1 API has no way to ${operation}; this works only on 2026-03-30 webhooks (numeric IDs). Create a 2026-03-30 webhook to use it.`,
		itemIndex,
	);
}

/** The Delivery ID parameter. Delivery ids (`msg_…`) are Quo's own; only emptiness is checked here. */
export function requireDeliveryId(this: IExecuteFunctions, itemIndex: number): string {
	return requireText(
		this.getNode(),
		this.getNodeParameter('deliveryId', itemIndex),
		'Delivery ID',
		itemIndex,
	);
}

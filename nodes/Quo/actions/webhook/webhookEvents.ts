import type { INode } from 'n8n-workflow';

import { eventsForApiVersion, type WebhookApiVersion } from '../../events/catalog';
import { fieldError } from '../fieldErrors';
import { listOf } from '../lists';

/** The chosen events, each one that the generation offers; checked before any request. */
export function eventsFor(
	node: INode,
	value: unknown,
	apiVersion: WebhookApiVersion,
	field: string,
	itemIndex: number,
): string[] {
	const events = listOf(value);
	if (events.length === 0) throw fieldError(node, field, 'choose at least one event', itemIndex);
	const offered = new Set<string>(eventsForApiVersion(apiVersion));
	const missing = events.filter((event) => !offered.has(event));
	if (missing.length > 0) {
		const hint = apiVersion === 'v1' ? '; choose Webhook Version 2026-03-30 for them' : '';
		throw fieldError(
			node,
			field,
			`${missing.join(', ')} not offered by ${apiVersion} webhooks${hint}`,
			itemIndex,
		);
	}
	return events;
}

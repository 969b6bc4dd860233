import type { SecretKind } from './secretForms';

/** What the nodes can make visible to a user, an operator or Quo. */
export type Channel =
	| 'output'
	| 'error'
	| 'execution data'
	| 'static data'
	| 'n8n log'
	| 'console'
	| 'answer to Quo'
	| 'credential test';

export interface Location {
	channel: Channel;
	/** The node type (`quo`, `quoTrigger`, …), the credential type, or the logger. */
	source: string;
	/** `resource.operation` of an action node's run, or the lifecycle method (`checkExists`, …) of a trigger's. */
	operation?: string;
}

export function describeLocation({ channel, source, operation }: Location): string {
	return [source, operation, channel].filter(Boolean).join(' ');
}

/** Quo returns a webhook's signing key from create and rotate only, and these operations pass it to the user. */
const HANDING_OUT_KEYS = new Set(['webhook.create', 'webhook.rotateSecret']);

/** An output item's own `key` field: `[index].json.key`. */
const ITEM_KEY_FIELD = /^\[\d+\]\.json\.key$/;

/**
 * Where keys belong. The API key: in the credential, which is never examined, so nowhere else. A signing key:
 * in the workflow's static data (where the trigger keeps it); in the `key` field of the item that Create or
 * Rotate Secret hands to the user who asked for it; and in the raw Quo answers the transport probe (a test
 * node, not part of the package) returns.
 */
export function isWhereItBelongs(kind: SecretKind, location: Location, path: string): boolean {
	if (kind !== 'signing key') return false;
	if (location.channel === 'static data') return true;
	if (location.channel !== 'output') return false;
	if (location.source === 'transportProbe') return true;
	return (
		location.source === 'quo' &&
		HANDING_OUT_KEYS.has(location.operation ?? '') &&
		ITEM_KEY_FIELD.test(path)
	);
}

/**
 * Where the scan also looks for signing keys no test handed out (a key from a server a test stands up, or one the
 * harness never saw): errors, whose message, description and details n8n shows in the editor, stores and logs.
 */
export function looksForUnlistedSigningKeys(location: Location): boolean {
	return location.channel === 'error';
}

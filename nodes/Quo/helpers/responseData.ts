import type { IDataObject } from 'n8n-workflow';

/** Quo wraps single objects as `{data: {...}}`; the node outputs the object itself. */
export function unwrapData(response: IDataObject): IDataObject {
	const { data } = response;
	return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as IDataObject) : response;
}

/** Quo wraps lists as `{data: [...]}`. */
export function unwrapList(response: IDataObject): IDataObject[] {
	return Array.isArray(response.data) ? (response.data as IDataObject[]) : [];
}

/**
 * A webhook as Get and Get Many output it. Quo's v1 get and list return each webhook's signing key; it is left
 * out, so that looking webhooks up does not copy keys (the Quo Trigger's among them) into execution data. A key
 * goes to whoever asked for it: the output of Create and of Rotate Secret.
 */
export function withoutSigningKey(webhook: IDataObject): IDataObject {
	const shown = { ...webhook };
	delete shown.key;
	return shown;
}

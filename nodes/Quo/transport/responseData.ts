import type { IDataObject } from 'n8n-workflow';

/** Quo wraps single objects as `{data: {...}}`; the node outputs the object itself. */
export function unwrapData(response: IDataObject): IDataObject {
	const { data } = response;
	return typeof data === 'object' && data !== null && !Array.isArray(data)
		? (data as IDataObject)
		: response;
}

/** Quo wraps lists as `{data: [...]}`. */
export function unwrapList(response: IDataObject): IDataObject[] {
	return Array.isArray(response.data) ? (response.data as IDataObject[]) : [];
}

/** The dated version of Quo's API whose endpoints carry no `/v1` prefix and require a version header. */
export const QUO_API_VERSION = '2026-03-30';

export const QUO_API_VERSION_HEADER = 'Quo-Api-Version';

export function isVersionedPath(path: string): boolean {
	return !path.startsWith('/v1/');
}

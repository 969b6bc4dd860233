/** Quo's two REST surfaces: `/v1/...` and the unprefixed paths versioned by the `Quo-Api-Version` header. */
export type ApiSurface = 'v1' | '2026-03-30';

export const headerVersion = '2026-03-30';

export function surfaceFor(path: string): ApiSurface {
	return path === '/v1' || path.startsWith('/v1/') ? 'v1' : '2026-03-30';
}

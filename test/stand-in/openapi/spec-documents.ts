import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ApiSurface } from '../surfaces';

/** One document per surface: `/v1/...` paths in the v1 spec, the unprefixed paths in the 2026-03-30 spec. */
export type SpecName = ApiSurface;

export const specFiles: Record<SpecName, string> = {
	v1: 'openapi.json',
	'2026-03-30': 'openapi-2026-03-30.json',
};

export interface OpenApiParameter {
	in: 'path' | 'query' | 'header' | 'cookie';
	name: string;
	required?: boolean;
	schema?: object;
}

export interface OpenApiOperation {
	operationId: string;
	parameters?: OpenApiParameter[];
	requestBody?: { required?: boolean; content?: Record<string, { schema?: object }> };
	responses?: Record<string, { content?: Record<string, { schema?: object }> }>;
}

export interface OpenApiDocument {
	paths: Record<string, Record<string, OpenApiOperation>>;
}

export const httpMethods = ['get', 'post', 'put', 'patch', 'delete'] as const;

export function readSpec(dir: string, name: SpecName): OpenApiDocument {
	const file = join(dir, specFiles[name]);
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument;
	} catch (error) {
		throw new Error(`Quo stand-in: cannot read the OpenAPI document ${file}: ${String(error)}`);
	}
}

import type { ErrorObject } from 'ajv';
import type { FieldError } from '../errors';

/** Turns ajv errors into Quo's `errors[]` entries (`{path, message, value, schema: {type}}`). */
export function toFieldErrors(
	errors: ErrorObject[] | null | undefined,
	unknownKeyMessage: string,
	resolveRef: (ref: string) => unknown,
): FieldError[] {
	return (errors ?? []).map((error) => {
		const params = error.params as { missingProperty?: string; additionalProperty?: string };
		if (error.keyword === 'required' && params.missingProperty !== undefined) {
			return {
				path: `${error.instancePath}/${params.missingProperty}`,
				message: 'Expected required property',
				schema: {
					type: typeName(
						propertySchema(error.parentSchema, params.missingProperty, resolveRef)?.type,
					),
				},
			};
		}
		if (error.keyword === 'additionalProperties' && params.additionalProperty !== undefined) {
			return {
				path: `${error.instancePath}/${params.additionalProperty}`,
				message: unknownKeyMessage,
				value: (error.data as Record<string, unknown> | undefined)?.[params.additionalProperty],
				schema: { type: 'never' },
			};
		}
		return {
			path: `${error.instancePath}` || '/',
			message: error.message ?? error.keyword,
			value: error.data,
			schema: { type: typeName(error.parentSchema?.type) },
		};
	});
}

type PropertySchema = { type?: unknown; $ref?: string };

function propertySchema(
	schema: unknown,
	name: string,
	resolveRef: (ref: string) => unknown,
): PropertySchema | undefined {
	const property = (schema as { properties?: Record<string, PropertySchema> } | undefined)
		?.properties?.[name];
	return property?.$ref === undefined
		? property
		: (resolveRef(property.$ref) as PropertySchema | undefined);
}

function typeName(type: unknown): string {
	if (Array.isArray(type)) return type.join('|');
	return typeof type === 'string' ? type : 'unknown';
}

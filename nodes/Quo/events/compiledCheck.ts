import { z } from 'zod';

/** A plain predicate that answers exactly what `schema.safeParse(value).success` answers. */
export type CompiledCheck = (value: unknown) => boolean;

function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Compiles the zod schema into a predicate, or returns null when it uses something this compiler does not
 * model exactly (refinements, transforms, string or number checks, ...): callers then use zod itself.
 * zod builds a copy of every value it parses; for the triggers' hot path only the verdict matters, so the
 * trigger asks zod only for the issues of payloads this predicate rejects.
 */
function compile(schema: z.ZodTypeAny): CompiledCheck | null {
	if (schema instanceof z.ZodString) return schema._def.checks.length === 0 ? (value) => typeof value === 'string' : null;
	if (schema instanceof z.ZodNumber) {
		return schema._def.checks.length === 0 ? (value) => typeof value === 'number' && !Number.isNaN(value) : null;
	}
	if (schema instanceof z.ZodBoolean) return (value) => typeof value === 'boolean';
	if (schema instanceof z.ZodLiteral) {
		const literal: unknown = schema._def.value;
		return (value) => value === literal;
	}
	if (schema instanceof z.ZodEnum) {
		const members = new Set<unknown>(schema._def.values as unknown[]);
		return (value) => typeof value === 'string' && members.has(value);
	}
	if (schema instanceof z.ZodNullable) {
		const inner = compile(schema._def.innerType);
		return inner && ((value) => value === null || inner(value));
	}
	if (schema instanceof z.ZodOptional) {
		const inner = compile(schema._def.innerType);
		return inner && ((value) => value === undefined || inner(value));
	}
	if (schema instanceof z.ZodArray) {
		const { exactLength, minLength, maxLength } = schema._def;
		if (exactLength !== null || minLength !== null || maxLength !== null) return null;
		const item = compile(schema._def.type);
		return item && ((value) => Array.isArray(value) && value.every(item));
	}
	if (schema instanceof z.ZodUnion) {
		const options = (schema._def.options as z.ZodTypeAny[]).map(compile);
		if (options.some((option) => option === null)) return null;
		return (value) => options.some((option) => option!(value));
	}
	if (schema instanceof z.ZodDiscriminatedUnion) {
		const options = (schema.options as z.ZodTypeAny[]).map(compile);
		if (options.some((option) => option === null)) return null;
		return (value) => options.some((option) => option!(value));
	}
	if (schema instanceof z.ZodObject) return compileObject(schema);
	if (schema instanceof z.ZodEffects) return compileRefinement(schema);
	if (schema instanceof z.ZodUnknown || schema instanceof z.ZodAny) return () => true;
	return null;
}

function compileObject(schema: z.AnyZodObject): CompiledCheck | null {
	const { unknownKeys, catchall } = schema._def;
	if (unknownKeys === 'strict' || !(catchall instanceof z.ZodNever)) return null;
	const fields: Array<[string, CompiledCheck]> = [];
	for (const [key, fieldSchema] of Object.entries(schema.shape as Record<string, z.ZodTypeAny>)) {
		const field = compile(fieldSchema);
		if (!field) return null;
		fields.push([key, field]);
	}
	return (value) => isPlainObject(value) && fields.every(([key, field]) => field(value[key]));
}

/**
 * `.refine(...)` runs after its inner schema has accepted the value. The inner schemas compiled here never
 * transform, so the refinement sees the value itself; it reports failure through `ctx.addIssue`.
 */
function compileRefinement(schema: z.ZodEffects<z.ZodTypeAny>): CompiledCheck | null {
	const { effect } = schema._def;
	if (effect.type !== 'refinement') return null;
	const inner = compile(schema._def.schema);
	if (!inner) return null;
	return (value) => {
		if (!inner(value)) return false;
		let refused = false;
		const context = { addIssue: () => (refused = true), path: [] } as unknown as z.RefinementCtx;
		effect.refinement(value, context);
		return !refused;
	};
}

const compiled = new WeakMap<z.ZodTypeAny, CompiledCheck | null>();

/** The compiled predicate of a schema, compiled once; null when zod itself must decide. */
export function compiledCheck(schema: z.ZodTypeAny): CompiledCheck | null {
	if (!compiled.has(schema)) compiled.set(schema, compile(schema));
	return compiled.get(schema) ?? null;
}

import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { FieldError } from '../errors';
import { toFieldErrors } from './field-errors';
import type { OperationRef } from './operation-index';
import type { OpenApiDocument, SpecName } from './spec-documents';

export interface HeaderValidator {
	name: string;
	required: boolean;
	validate: ValidateFunction;
}

export interface OperationValidators {
	pathParams: ValidateFunction;
	query: ValidateFunction;
	headers: HeaderValidator[];
	body: { required: boolean; validate: ValidateFunction | null } | null;
}

/**
 * Compiles the schemas of an operation on first use (the v1 document is about 1 MB) and keeps them.
 * Schemas are referenced inside the registered documents, so their own `$ref`s resolve.
 */
export class SchemaCompiler {
	/** Bodies and responses: no coercion. */
	private readonly strictAjv = newAjv(false);
	/** Path, query and header values arrive as strings; repeated query keys as arrays. */
	private readonly coercingAjv = newAjv('array');
	private readonly operations = new Map<OperationRef, OperationValidators>();
	private readonly responses = new Map<string, ValidateFunction>();

	addDocument(spec: SpecName, document: OpenApiDocument): void {
		this.strictAjv.addSchema(document, documentId(spec));
		this.coercingAjv.addSchema(document, documentId(spec));
	}

	/** Quo-style errors of data against a compiled schema; empty when it is valid. */
	errorsOf(validate: ValidateFunction, data: unknown, unknownKeyMessage: string): FieldError[] {
		if (validate(data)) return [];
		return toFieldErrors(
			validate.errors,
			unknownKeyMessage,
			(ref) => this.strictAjv.getSchema(ref)?.schema,
		);
	}

	forOperation(ref: OperationRef): OperationValidators {
		let validators = this.operations.get(ref);
		if (!validators) {
			validators = this.compileOperation(ref);
			this.operations.set(ref, validators);
		}
		return validators;
	}

	forResponse(ref: OperationRef, status: string): ValidateFunction {
		const responseRef = schemaRef(
			ref,
			'responses',
			status,
			'content',
			'application/json',
			'schema',
		);
		let validate = this.responses.get(responseRef);
		if (!validate) {
			validate = this.strictAjv.compile({ $ref: responseRef });
			this.responses.set(responseRef, validate);
		}
		return validate;
	}

	private compileOperation(ref: OperationRef): OperationValidators {
		const parameters = (ref.operation.parameters ?? []).map((parameter, index) => ({
			...parameter,
			schemaRef: schemaRef(ref, 'parameters', String(index), 'schema'),
		}));
		const objectOf = (location: 'path' | 'query') => {
			const own = parameters.filter((parameter) => parameter.in === location);
			return this.coercingAjv.compile({
				type: 'object',
				properties: Object.fromEntries(
					own.map((parameter) => [parameter.name, { $ref: parameter.schemaRef }]),
				),
				required: own
					.filter((parameter) => parameter.required || location === 'path')
					.map((parameter) => parameter.name),
				additionalProperties: false,
			});
		};
		const requestBody = ref.operation.requestBody;
		const hasJsonBody = requestBody?.content?.['application/json']?.schema !== undefined;
		return {
			pathParams: objectOf('path'),
			query: objectOf('query'),
			headers: parameters
				.filter((parameter) => parameter.in === 'header')
				.map((parameter) => ({
					name: parameter.name,
					required: parameter.required === true,
					validate: this.coercingAjv.compile({ $ref: parameter.schemaRef }),
				})),
			body: requestBody
				? {
						required: requestBody.required === true,
						validate: hasJsonBody
							? this.strictAjv.compile({
									$ref: schemaRef(ref, 'requestBody', 'content', 'application/json', 'schema'),
								})
							: null,
					}
				: null,
		};
	}
}

function newAjv(coerceTypes: false | 'array'): Ajv2020 {
	// strict: false lets the third-party `example` keys (and other OpenAPI annotations) through.
	const ajv = new Ajv2020({ strict: false, allErrors: true, verbose: true, coerceTypes });
	addFormats(ajv);
	return ajv;
}

function documentId(spec: SpecName): string {
	return `quo-openapi-${spec}.json`;
}

function schemaRef(ref: OperationRef, ...tokens: string[]): string {
	const pointer = ['paths', ref.template, ref.method, ...tokens]
		.map((token) => encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1')))
		.join('/');
	return `${documentId(ref.spec)}#/${pointer}`;
}

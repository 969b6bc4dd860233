import type { FieldError } from '../errors';
import { OperationIndex, type OperationRef } from './operation-index';
import { SchemaCompiler, type HeaderValidator, type OperationValidators } from './schema-compiler';
import { readSpec, specFiles, type SpecName } from './spec-documents';

export interface IncomingRequest {
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Record<string, string | string[] | undefined>;
	rawBody: string;
	/** undefined when rawBody is empty or not JSON. */
	body: unknown;
}

export interface SpecCheck {
	operationId: string;
	/** Empty when the request is valid. */
	errors: FieldError[];
	/** The same problems, prefixed with where they are (`query /limit: must be <= 50`). */
	problems: string[];
}

const validatorsByDir = new Map<string, SpecValidator>();

/** One validator per OpenAPI folder and process: the documents are parsed and registered once. */
export function specValidatorFor(dir: string): SpecValidator {
	let validator = validatorsByDir.get(dir);
	if (!validator) {
		validator = new SpecValidator(dir);
		validatorsByDir.set(dir, validator);
	}
	return validator;
}

/** Validates requests (and, for tests, responses) against the OpenAPI operation they match. */
export class SpecValidator {
	private readonly operations = new OperationIndex();
	private readonly schemas = new SchemaCompiler();

	constructor(dir: string) {
		for (const spec of Object.keys(specFiles) as SpecName[]) {
			const document = readSpec(dir, spec);
			this.operations.add(spec, document);
			this.schemas.addDocument(spec, document);
		}
	}

	operationFor(method: string, path: string): OperationRef | null {
		return this.operations.find(method, path)?.value ?? null;
	}

	/** null when no operation of the specs matches the request. */
	check(request: IncomingRequest): SpecCheck | null {
		const match = this.operations.find(request.method, request.path);
		if (!match) return null;
		const validators = this.schemas.forOperation(match.value);
		// ajv coerces in place; the recorded query keeps its strings.
		const query = structuredClone(request.query);
		const located: Array<{ where: string; errors: FieldError[] }> = [
			{
				where: 'path',
				errors: this.schemas.errorsOf(
					validators.pathParams,
					match.params,
					'Unknown path parameter',
				),
			},
			{
				where: 'query',
				errors: this.schemas.errorsOf(validators.query, query, 'Unknown query parameter'),
			},
			{ where: 'header', errors: this.checkHeaders(validators.headers, request.headers) },
			{ where: 'body', errors: validators.body ? this.checkBody(validators.body, request) : [] },
		];
		return {
			operationId: match.value.operation.operationId,
			errors: located.flatMap(({ errors }) => errors),
			problems: located.flatMap(({ where, errors }) =>
				errors.map((error) => `${where} ${error.path}: ${error.message}`),
			),
		};
	}

	/** Problems of a response body against the schema the operation declares for the status; empty when it conforms. */
	checkResponse(method: string, path: string, status: number, body: unknown): string[] {
		const ref = this.operationFor(method, path);
		if (!ref) return [`no operation matches ${method} ${path}`];
		const response = ref.operation.responses?.[String(status)];
		if (!response) return [`${ref.operation.operationId} declares no ${status} response`];
		// The 2026-03-30 spec declares a JSON object for its 204s, but a 204 carries no body.
		if (status === 204 || !response.content?.['application/json']?.schema) {
			return body === undefined
				? []
				: [`${ref.operation.operationId} declares no body for ${status}`];
		}
		const validate = this.schemas.forResponse(ref, String(status));
		return this.schemas
			.errorsOf(validate, body, 'Unknown property')
			.map((error) => `${error.path}: ${error.message}`);
	}

	private checkHeaders(
		validators: HeaderValidator[],
		headers: IncomingRequest['headers'],
	): FieldError[] {
		return validators.flatMap((header) => {
			const value = headers[header.name.toLowerCase()];
			if (value === undefined) {
				const missing = {
					path: `/${header.name}`,
					message: 'Expected required header',
					schema: { type: 'string' },
				};
				return header.required ? [missing] : [];
			}
			return this.schemas
				.errorsOf(header.validate, value, 'Unknown property')
				.map((error) => ({ ...error, path: `/${header.name}` }));
		});
	}

	private checkBody(
		body: NonNullable<OperationValidators['body']>,
		request: IncomingRequest,
	): FieldError[] {
		if (request.rawBody.trim() === '') {
			return body.required
				? [{ path: '/', message: 'Expected a JSON request body', schema: { type: 'object' } }]
				: [];
		}
		const contentType = String(request.headers['content-type'] ?? '');
		if (!contentType.toLowerCase().includes('application/json')) {
			const message = 'Expected content-type application/json';
			return [{ path: '/', message, value: contentType, schema: { type: 'object' } }];
		}
		if (request.body === undefined) {
			return [
				{
					path: '/',
					message: 'Expected a JSON body',
					value: request.rawBody,
					schema: { type: 'object' },
				},
			];
		}
		return body.validate
			? this.schemas.errorsOf(body.validate, request.body, 'Unknown property')
			: [];
	}
}

import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** Node parameters as a test writes them (values straight from earlier output included). */
export type NodeParameters = Record<string, unknown>;

import { apiOperations } from './apiOperations';
import { Quo } from '../../../../nodes/Quo/Quo.node';
import { useStandIn, type StandInSession } from '../../../harness/standInRuntime';
import type { RecordedRequest, StandInOptions } from '../../../stand-in';
import { specValidatorFor } from '../../../stand-in/openapi/spec-validator';
import { openApiDir } from '../../../stand-in/test-support/spec-availability';

export const quoNode = new Quo();

export interface RunOptions {
	/** Default one empty item. */
	items?: IDataObject[];
	continueOnFail?: boolean;
}

/**
 * The Quo API operations among `requests` that `apiOperations` does not list for the node operation: each request is
 * matched to its OpenAPI operation (method and path template); requests that match none (media files) are left out.
 */
export function undeclaredOperations(
	resource: string,
	operation: string,
	requests: RecordedRequest[],
): string[] {
	if (!openApiDir) return [];
	const validator = specValidatorFor(openApiDir);
	const declared: readonly string[] =
		(apiOperations as Record<string, Record<string, readonly string[]>>)[resource]?.[operation] ??
		[];
	return requests
		.map((request) => validator.operationFor(request.method, request.path))
		.filter((ref) => ref !== null)
		.map((ref) => `${ref.method.toUpperCase()} ${ref.template}`)
		.filter((called) => !declared.includes(called));
}

export interface QuoNodeSession extends StandInSession {
	/** Runs the Quo node once over the items and returns its single output. */
	run(parameters: NodeParameters, options?: RunOptions): Promise<INodeExecutionData[]>;
	/** What the run threw; fails the test when it did not throw. */
	failure(
		parameters: NodeParameters,
		options?: RunOptions,
	): Promise<Error & { context?: IDataObject }>;
	/** Requests Quo saw, as "METHOD /path". */
	requestLines(): string[];
}

/**
 * A stand-in for the file's tests and the Quo node run in n8n-core's real execution context. After each test
 * every request the stand-in recorded must match Quo's OpenAPI documents (method, path, query, body, headers).
 */
export function useQuoNode(options: StandInOptions = {}): QuoNodeSession {
	const session = useStandIn(options) as QuoNodeSession;
	const undeclared: string[] = [];
	session.run = async (parameters, { items = [{}], continueOnFail } = {}) => {
		const before = session.standIn.requests.length;
		try {
			const [output] = await session.runtime.execute(
				{ nodeType: quoNode, parameters: parameters as INodeParameters, continueOnFail },
				items.map((json) => ({ json })),
			);
			return output;
		} finally {
			const { resource, operation } = parameters as { resource?: unknown; operation?: unknown };
			const made = session.standIn.requests.slice(before);
			const called = undeclaredOperations(String(resource), String(operation), made);
			undeclared.push(
				...called.map((line) => `${String(resource)}.${String(operation)} called ${line}`),
			);
		}
	};
	session.failure = async (parameters, runOptions) => {
		const thrown = await session.run(parameters, runOptions).then(
			() => undefined,
			(error: Error) => error,
		);
		if (!thrown) throw new Error('Expected the Quo node to fail, but it succeeded');
		return thrown;
	};
	session.requestLines = () =>
		session.standIn.requests.map((request) => `${request.method} ${request.path}`);
	afterEach(() => {
		const invalid = session.standIn.requests.filter(
			(request) => request.validationErrors.length > 0,
		);
		expect(
			invalid.map(({ method, path, validationErrors }) => ({ method, path, validationErrors })),
		).toEqual([]);
		// Every Quo operation a node operation calls is one apiOperations lists for it.
		expect(undeclared.splice(0)).toEqual([]);
	});
	return session;
}

/** A resource locator value as n8n's editor stores it. */
export function locator(mode: string, value: string): { __rl: true; mode: string; value: string } {
	return { __rl: true, mode, value };
}

/**
 * A get operation returns the record its id parameter names, paired with item 0, and reports an unknown id with
 * Quo's 404 message.
 */
export async function expectGetAndNotFound(
	session: QuoNodeSession,
	get: {
		resource: string;
		/** The id parameter, and its value for the record and for one Quo does not have. */
		parameter: string;
		found: unknown;
		unknown: unknown;
		record: unknown;
		notFoundMessage: string;
	},
): Promise<void> {
	const { resource, parameter } = get;
	const output = await session.run({ resource, operation: 'get', [parameter]: get.found });
	const error = await session.failure({ resource, operation: 'get', [parameter]: get.unknown });

	expect(output).toEqual([{ json: get.record, pairedItem: { item: 0 } }]);
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toBe(get.notFoundMessage);
}

export function pairings(output: INodeExecutionData[]): unknown[] {
	return output.map((item) => item.pairedItem);
}

/** The most requests Quo was working on at one moment (from when each arrived until it was answered). */
export function mostAtOnce(requests: Array<{ at: number; answeredAt: number }>): number {
	return Math.max(
		0,
		...requests.map(
			({ at }) => requests.filter((other) => other.at <= at && at < other.answeredAt).length,
		),
	);
}

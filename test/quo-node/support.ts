import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

/** Node parameters as a test writes them (values straight from earlier output included). */
export type NodeParameters = Record<string, unknown>;

import { Quo } from '../../nodes/Quo/Quo.node';
import { useStandIn, type StandInSession } from '../harness/standInRuntime';
import type { StandInOptions } from '../stand-in';

export const quoNode = new Quo();

export interface RunOptions {
	/** Default one empty item. */
	items?: IDataObject[];
	continueOnFail?: boolean;
}

export interface QuoNodeSession extends StandInSession {
	/** Runs the Quo node once over the items and returns its single output. */
	run(parameters: NodeParameters, options?: RunOptions): Promise<INodeExecutionData[]>;
	/** What the run threw; fails the test when it did not throw. */
	failure(parameters: NodeParameters, options?: RunOptions): Promise<Error & { context?: IDataObject }>;
	/** Requests Quo saw, as "METHOD /path". */
	requestLines(): string[];
}

/**
 * A stand-in for the file's tests and the Quo node run in n8n-core's real execution context. After each test
 * every request the stand-in recorded must match Quo's OpenAPI documents (method, path, query, body, headers).
 */
export function useQuoNode(options: StandInOptions = {}): QuoNodeSession {
	const session = useStandIn(options) as QuoNodeSession;
	session.run = async (parameters, { items = [{}], continueOnFail } = {}) => {
		const [output] = await session.runtime.execute(
			{ nodeType: quoNode, parameters: parameters as INodeParameters, continueOnFail },
			items.map((json) => ({ json })),
		);
		return output;
	};
	session.failure = async (parameters, runOptions) => {
		const thrown = await session.run(parameters, runOptions).then(
			() => undefined,
			(error: Error) => error,
		);
		if (!thrown) throw new Error('Expected the Quo node to fail, but it succeeded');
		return thrown;
	};
	session.requestLines = () => session.standIn.requests.map((request) => `${request.method} ${request.path}`);
	afterEach(() => {
		const invalid = session.standIn.requests.filter((request) => request.validationErrors.length > 0);
		expect(invalid.map(({ method, path, validationErrors }) => ({ method, path, validationErrors }))).toEqual([]);
	});
	return session;
}

/** A resource locator value as n8n's editor stores it. */
export function locator(mode: string, value: string): { __rl: true; mode: string; value: string } {
	return { __rl: true, mode, value };
}

export function pairings(output: INodeExecutionData[]): unknown[] {
	return output.map((item) => item.pairedItem);
}

import type { INodePropertyOptions } from 'n8n-workflow';

import { apiOperations } from './apiOperations';
import { httpMethods, readSpec, type SpecName } from '../../../stand-in/openapi/spec-documents';
import { describeWithSpecs, openApiDir } from '../../../stand-in/test-support/spec-availability';
import { quoNode } from './support';

/** "METHOD /path" for every operation of one of Quo's OpenAPI documents. */
function operationsOf(spec: SpecName): string[] {
	const document = readSpec(openApiDir ?? '', spec);
	return Object.entries(document.paths).flatMap(([path, item]) =>
		httpMethods
			.filter((method) => item[method] !== undefined)
			.map((method) => `${method.toUpperCase()} ${path}`),
	);
}

/** Each resource's operation values, as the node's description offers them. */
function nodeOperations(): Record<string, string[]> {
	const resources = quoNode.description.properties.find(
		(property) => property.name === 'resource',
	)!;
	return Object.fromEntries(
		(resources.options as INodePropertyOptions[]).map(({ value }) => {
			const selector = quoNode.description.properties.find(
				(property) =>
					property.name === 'operation' && property.displayOptions?.show?.resource?.includes(value),
			)!;
			return [
				String(value),
				(selector.options as INodePropertyOptions[]).map((option) => String(option.value)).sort(),
			];
		}),
	);
}

const declared = Object.entries(apiOperations).flatMap(([resource, operations]) =>
	Object.entries(operations as Record<string, readonly string[]>).map(([operation, calls]) => ({
		node: `${resource}.${operation}`,
		calls,
	})),
);

describeWithSpecs("the Quo node covers Quo's v1 API (../shared/quo-api/openapi.json)", () => {
	test("the map of Quo operations lists exactly the node's resources and operations", () => {
		const mapped = Object.fromEntries(
			Object.entries(apiOperations).map(([resource, operations]) => [
				resource,
				Object.keys(operations).sort(),
			]),
		);
		expect(mapped).toEqual(nodeOperations());
		expect(declared.every(({ calls }) => calls.length > 0)).toBe(true);
	});

	test('every v1 operation of the document is called by a node operation', () => {
		const v1 = operationsOf('v1');
		const called = new Set(declared.flatMap(({ calls }) => calls));

		// The 2026-08 copy has 43 operations (its provenance notes say 44); fewer would mean a truncated document.
		expect(v1.length).toBeGreaterThanOrEqual(43);
		expect(v1.filter((operation) => !called.has(operation))).toEqual([]);
	});

	test("every Quo operation the map names exists in Quo's documents (v1 or 2026-03-30)", () => {
		const known = new Set([...operationsOf('v1'), ...operationsOf('2026-03-30')]);
		const unknown = declared.flatMap(({ node, calls }) =>
			calls.filter((call) => !known.has(call)).map((call) => `${node}: ${call}`),
		);

		expect(unknown).toEqual([]);
	});
});

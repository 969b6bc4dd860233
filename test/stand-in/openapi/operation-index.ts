import { PathMatcher, type PathMatch } from '../path-matcher';
import { surfaceFor } from '../surfaces';
import {
	httpMethods,
	type OpenApiDocument,
	type OpenApiOperation,
	type SpecName,
} from './spec-documents';

export interface OperationRef {
	spec: SpecName;
	template: string;
	method: string;
	operation: OpenApiOperation;
}

/** Finds the operation of a request in the document of its surface. */
export class OperationIndex {
	private readonly matchers: Record<SpecName, PathMatcher<OperationRef>> = {
		v1: new PathMatcher(),
		'2026-03-30': new PathMatcher(),
	};

	add(spec: SpecName, document: OpenApiDocument): void {
		for (const [template, item] of Object.entries(document.paths)) {
			for (const method of httpMethods) {
				const operation = item[method];
				if (operation)
					this.matchers[spec].add(method, template, { spec, template, method, operation });
			}
		}
	}

	find(method: string, path: string): PathMatch<OperationRef> | null {
		return this.matchers[surfaceFor(path)].match(method, path);
	}
}

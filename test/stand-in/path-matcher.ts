interface Entry<T> {
	method: string;
	segments: string[];
	value: T;
}

export interface PathMatch<T> {
	value: T;
	params: Record<string, string>;
}

/** Matches `METHOD /a/{b}/c` templates; with several candidates the one with the most literal segments wins. */
export class PathMatcher<T> {
	private readonly entries: Array<Entry<T>> = [];

	add(method: string, template: string, value: T): void {
		this.entries.push({ method: method.toUpperCase(), segments: template.split('/'), value });
	}

	match(method: string, path: string): PathMatch<T> | null {
		const segments = path.split('/');
		let best: { match: PathMatch<T>; literals: number } | null = null;
		for (const entry of this.entries) {
			if (entry.method !== method.toUpperCase()) continue;
			const params = matchSegments(entry.segments, segments);
			if (!params) continue;
			const literals = entry.segments.filter((segment) => !isParam(segment)).length;
			if (!best || literals > best.literals)
				best = { match: { value: entry.value, params }, literals };
		}
		return best?.match ?? null;
	}
}

function matchSegments(template: string[], actual: string[]): Record<string, string> | null {
	if (template.length !== actual.length) return null;
	const params: Record<string, string> = {};
	for (const [index, segment] of template.entries()) {
		const value = actual[index] ?? '';
		if (isParam(segment)) {
			if (value === '') return null;
			params[segment.slice(1, -1)] = safeDecode(value);
		} else if (segment !== value) {
			return null;
		}
	}
	return params;
}

function isParam(segment: string): boolean {
	return segment.startsWith('{') && segment.endsWith('}');
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value);
	} catch {
		return value;
	}
}

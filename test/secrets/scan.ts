import type { SecretIndex } from './secretIndex';
import type { Secret } from './secretForms';

export interface Hit {
	secret: Secret;
	/** Which form of the secret was found. */
	form: string;
	/** Where in the examined value, e.g. `[0].json.key`, `.cause.description`, `.toJSON().context.data`. */
	path: string;
}

export interface ScanResult {
	/** Strings and byte buffers looked through. */
	strings: number;
	hits: Hit[];
	/** Where the scan stopped because the value was too large or too deep to vouch for. */
	gaveUpAt?: string;
}

/** Far beyond anything a node returns or throws; a value that goes on is reported, not skipped. */
const MAX_DEPTH = 64;
const MAX_VALUES = 500_000;

function propertyPath(path: string, key: string): string {
	return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Looks through everything a value holds for the secrets: strings, byte buffers, arrays, maps, sets, and every
 * own property of objects and errors, enumerable or not (an error's `message`, `stack`, `description`,
 * `context`, `cause`, `httpCode` …), plus what `toJSON()` gives, which is what n8n stores and shows.
 */
export function scan(value: unknown, secrets: SecretIndex): ScanResult {
	const result: ScanResult = { strings: 0, hits: [] };
	const seen = new Set<object>();
	let visited = 0;

	const inText = (text: string, path: string) => {
		result.strings++;
		for (const { secret, form } of secrets.findIn(text)) result.hits.push({ secret, form, path });
	};

	const walk = (current: unknown, path: string, depth: number): void => {
		if (typeof current === 'string') return inText(current, path);
		if (typeof current !== 'object' || current === null || result.gaveUpAt !== undefined) return;
		if (seen.has(current)) return;
		seen.add(current);
		if (++visited > MAX_VALUES || depth > MAX_DEPTH) {
			result.gaveUpAt = path;
			return;
		}
		if (ArrayBuffer.isView(current)) {
			return inText(Buffer.from(current.buffer, current.byteOffset, current.byteLength).toString('latin1'), path);
		}
		if (current instanceof Map) {
			for (const [key, entry] of current) {
				walk(key, `${path}<key>`, depth + 1);
				walk(entry, `${path}.get(${String(key)})`, depth + 1);
			}
			return;
		}
		if (current instanceof Set) {
			for (const entry of current) walk(entry, `${path}<entry>`, depth + 1);
			return;
		}
		for (const key of Reflect.ownKeys(current)) {
			if (typeof key !== 'string') continue;
			let property: unknown;
			try {
				property = (current as Record<string, unknown>)[key];
			} catch {
				continue;
			}
			walk(property, Array.isArray(current) && /^\d+$/.test(key) ? `${path}[${key}]` : propertyPath(path, key), depth + 1);
		}
		const { toJSON } = current as { toJSON?: unknown };
		if (typeof toJSON !== 'function') return;
		let serialized: unknown;
		try {
			serialized = toJSON.call(current);
		} catch {
			return;
		}
		walk(serialized, `${path}.toJSON()`, depth + 1);
	};

	walk(value, '', 0);
	return result;
}

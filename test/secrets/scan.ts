import type { SecretIndex } from './secretIndex';
import type { Secret } from './secretForms';

/** A signing key that no test handed out, found by its form alone. */
export const UNLISTED_SIGNING_KEY: Secret = {
	kind: 'signing key',
	origin: 'one no test handed out',
	forms: [],
};

/** A 2026-03-30 signing key: Quo's prefix and base64 (24 bytes make 32 characters; 16 are enough to tell). */
const STANDARD_KEY_FORM = /whsec_[A-Za-z0-9+/]{16,}/;

/** What a `key` field holding a signing key looks like: a 2026-03-30 key, or a v1 key's bare base64 (32 bytes). */
const KEY_FIELD_FORM = /^(whsec_)?[A-Za-z0-9+/]{16,}={0,2}$/;

/** Under an error's details (`errorResponse`), at any depth. */
const IN_ERROR_DETAILS = /\.errorResponse(?=[.[]|$)/;

export interface ScanOptions {
	/**
	 * Also find signing keys no test handed out, by their form: a `whsec_` key in any text, and base64 in a `key` field
	 * of an error's details (the field Quo puts keys in; a v1 key has no prefix to tell it by).
	 */
	signingKeysByForm?: boolean;
}

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
export function scan(value: unknown, secrets: SecretIndex, options: ScanOptions = {}): ScanResult {
	const result: ScanResult = { strings: 0, hits: [] };
	const byForm: Hit[] = [];
	const seen = new Set<object>();
	let visited = 0;

	const inText = (text: string, path: string) => {
		result.strings++;
		for (const { secret, form } of secrets.findIn(text)) result.hits.push({ secret, form, path });
		if (options.signingKeysByForm && STANDARD_KEY_FORM.test(text))
			byForm.push({ secret: UNLISTED_SIGNING_KEY, form: 'by its whsec_ prefix', path });
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
			return inText(
				Buffer.from(current.buffer, current.byteOffset, current.byteLength).toString('latin1'),
				path,
			);
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
			const keyPath =
				Array.isArray(current) && /^\d+$/.test(key) ? `${path}[${key}]` : propertyPath(path, key);
			if (
				options.signingKeysByForm &&
				key === 'key' &&
				typeof property === 'string' &&
				KEY_FIELD_FORM.test(property) &&
				IN_ERROR_DETAILS.test(path)
			) {
				byForm.push({ secret: UNLISTED_SIGNING_KEY, form: 'by its field name', path: keyPath });
			}
			walk(property, keyPath, depth + 1);
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
	// A key a test handed out is reported as that key; by its form, only one that is not, once per place.
	const reported = new Set(result.hits.map(({ path }) => path));
	for (const hit of byForm) {
		if (reported.has(hit.path)) continue;
		reported.add(hit.path);
		result.hits.push(hit);
	}
	return result;
}

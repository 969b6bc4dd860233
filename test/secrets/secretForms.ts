/**
 * The secrets the tests hand out, and every form in which one could leak: a key is as good as leaked
 * whether it shows up as given, re-encoded, or as its raw bytes.
 */

export type SecretKind = 'API key' | 'signing key';

export interface SecretForm {
	name: string;
	text: string;
}

export interface Secret {
	kind: SecretKind;
	/** Where the secret came from, for the report (never the secret itself). */
	origin: string;
	/** Text forms, most specific first. */
	forms: SecretForm[];
}

/** Shorter strings would match ordinary words; no secret the tests hand out is this short. */
export const MIN_FORM_LENGTH = 8;

const STANDARD_PREFIX = 'whsec_';

function distinctForms(forms: SecretForm[]): SecretForm[] {
	const seen = new Set<string>();
	return forms.filter(({ text }) => {
		if (text.length < MIN_FORM_LENGTH || seen.has(text)) return false;
		seen.add(text);
		return true;
	});
}

/** The Quo API key of a credential: as typed, URL-encoded, base64-encoded. */
export function apiKeySecret(value: string, origin: string): Secret {
	return {
		kind: 'API key',
		origin,
		forms: distinctForms([
			{ name: 'as typed', text: value },
			{ name: 'URL-encoded', text: encodeURIComponent(value) },
			{ name: 'base64', text: Buffer.from(value, 'utf8').toString('base64') },
		]),
	};
}

/**
 * A webhook signing key: 2026-03-30 `whsec_<base64>` or a v1 base64 key. Both stand for the same kind of thing,
 * the HMAC key bytes, so each is looked for as given, as its base64 part, base64url, hex and the raw bytes (one
 * character per byte, as they read in a byte buffer or a string decoded as binary).
 */
export function signingKeySecret(value: string, origin: string): Secret {
	const base64 = value.startsWith(STANDARD_PREFIX) ? value.slice(STANDARD_PREFIX.length) : value;
	const bytes = Buffer.from(base64, 'base64');
	return {
		kind: 'signing key',
		origin,
		forms: distinctForms([
			{ name: 'as Quo gives it', text: value },
			{ name: 'base64 part', text: base64 },
			{ name: 'base64url', text: bytes.toString('base64url') },
			{ name: 'hex', text: bytes.toString('hex') },
			{ name: 'raw bytes', text: bytes.toString('latin1') },
		]),
	};
}

import {
	describeLocation,
	isWhereItBelongs,
	type Location,
	looksForUnlistedSigningKeys,
} from './policy';
import { scan } from './scan';
import type { Secret } from './secretForms';
import { SecretIndex } from './secretIndex';

/**
 * One test file's record of the secrets the harness handed out and of what the nodes made visible. Everything
 * is examined the moment it is recorded (a secret cannot leak before it is handed out); findings wait until
 * the secret-scan setup fails the test, or a test that leaks on purpose takes them.
 */

export interface Tally {
	apiKeys: number;
	signingKeys: number;
	/** Things examined: an output, an error, a log call, a static-data snapshot … */
	examined: number;
	/** Strings and byte buffers within them. */
	strings: number;
	/** Secrets found where they do not belong, including those planted by tests that leak on purpose. */
	found: number;
	/** Those of them that failed a test. */
	leaks: number;
}

const secrets = new SecretIndex();
const handedOut = new Set<string>();
/** One line each: which secret, where, in which form; never the secret itself. */
const findings: string[] = [];

export const tally: Tally = {
	apiKeys: 0,
	signingKeys: 0,
	examined: 0,
	strings: 0,
	found: 0,
	leaks: 0,
};

export function recordSecret(secret: Secret): void {
	const [first] = secret.forms;
	if (first === undefined || handedOut.has(first.text)) return;
	handedOut.add(first.text);
	secrets.add(secret);
	if (secret.kind === 'API key') tally.apiKeys++;
	else tally.signingKeys++;
}

/** Looks through something a node made visible, now. */
export function examine(location: Location, value: unknown): void {
	const { strings, hits, gaveUpAt } = scan(value, secrets, {
		signingKeysByForm: looksForUnlistedSigningKeys(location),
	});
	tally.examined++;
	tally.strings += strings;
	if (gaveUpAt !== undefined) {
		tally.found++;
		findings.push(
			`${describeLocation(location)} too large or too deep to examine, from ${gaveUpAt || 'the value itself'} on`,
		);
	}
	for (const { secret, form, path } of hits) {
		if (isWhereItBelongs(secret.kind, location, path)) continue;
		tally.found++;
		findings.push(
			`${secret.kind} (${secret.origin}) in ${describeLocation(location)} at ${path || 'the value itself'}, ${form}`,
		);
	}
}

/** The findings since the last call, which are thereby dealt with. */
export function takeFindings(): string[] {
	return findings.splice(0);
}

import { recordSecret } from '../../secrets/ledger';
import { signingKeySecret } from '../../secrets/secretForms';
import { randomBase64 } from '../ids';

/**
 * Quo's webhook signing keys. Every key the stand-in issues is reported to the secret scan (test/secrets),
 * which fails a test in which one shows up outside the workflow's static data.
 */

/** 2026-03-30: `whsec_` and 24 random bytes in base64, from create and from rotate. */
export function issueStandardSecret(webhookId: string, how: 'created' | 'rotated'): string {
	const secret = 'whsec_' + randomBase64(24);
	recordSecret(signingKeySecret(secret, `signing key of Quo webhook ${webhookId}, ${how}`));
	return secret;
}

/** v1: 32 random bytes in base64, for the webhook's lifetime. */
export function issueLegacyKey(webhookId: string): string {
	const key = randomBase64(32);
	recordSecret(signingKeySecret(key, `signing key of v1 Quo webhook ${webhookId}`));
	return key;
}

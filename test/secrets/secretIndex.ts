import { MIN_FORM_LENGTH, type Secret } from './secretForms';

export interface Match {
	secret: Secret;
	/** The most specific form of the secret found. */
	form: string;
}

interface Entry {
	secret: Secret;
	text: string;
	name: string;
	/** The form's place among its secret's forms: lower is more specific. */
	rank: number;
}

/**
 * Every form of every secret, by its first characters, so that a text is looked through in one pass however
 * many secrets a test file has handed out (hundreds, with a signing key per webhook created).
 */
export class SecretIndex {
	private readonly byPrefix = new Map<string, Entry[]>();

	add(secret: Secret): void {
		secret.forms.forEach(({ name, text }, rank) => {
			const prefix = text.slice(0, MIN_FORM_LENGTH);
			const entries = this.byPrefix.get(prefix) ?? [];
			entries.push({ secret, text, name, rank });
			this.byPrefix.set(prefix, entries);
		});
	}

	/** The secrets in a text (bytes are read one character per byte), each once, with its most specific form. */
	findIn(text: string): Match[] {
		const best = new Map<Secret, Entry>();
		for (let index = 0; index + MIN_FORM_LENGTH <= text.length; index++) {
			const entries = this.byPrefix.get(text.slice(index, index + MIN_FORM_LENGTH));
			if (entries === undefined) continue;
			for (const entry of entries) {
				const known = best.get(entry.secret);
				if ((known === undefined || entry.rank < known.rank) && text.startsWith(entry.text, index))
					best.set(entry.secret, entry);
			}
		}
		return [...best.values()].map(({ secret, name }) => ({ secret, form: name }));
	}
}

// The command-line options of the real-n8n runs. Each run declares its flags once (help, default, checks) and gets
// typed options back: `--flag value` or `--flag=value`, `--no-flag` for a boolean, a list as `a,b` (or the flag
// repeated). `--help` prints the usage; an unknown flag or a bad value prints the error and the usage, exit code 2.

export interface Flag<T> {
	help: string;
	/** How the value is written in the usage, e.g. `<a,b>`; none for a boolean, which takes no value. */
	placeholder?: string;
	/** Where the value comes from when the flag is absent, before the default. */
	env?: string;
	defaultValue: T;
	/** Shown in the usage when the default is not plain to print (e.g. "every version"). */
	defaultText?: string;
	/** Turns every value given (from each use of the flag, or `env`) into the option; throws on a bad value. */
	parse?: (values: string[], flag: string) => T;
}

const splitList = (values: string[]) =>
	values
		.flatMap((value) => value.split(','))
		.map((v) => v.trim())
		.filter(Boolean);

function checkChoices(
	flag: string,
	values: string[],
	choices: readonly string[] | undefined,
): void {
	const unknown = values.filter((value) => choices && !choices.includes(value));
	if (unknown.length > 0)
		throw new Error(`${flag}: unknown ${unknown.join(', ')} (known: ${choices!.join(', ')})`);
}

export const flag = {
	/** `--x a,b`: names, each one of `choices` when given. */
	list<T extends string>(
		help: string,
		options: { defaultValue: T[]; choices?: readonly T[]; env?: string; defaultText?: string },
	): Flag<T[]> {
		return {
			help,
			placeholder: '<a,b>',
			...options,
			parse: (values, name) => {
				const list = splitList(values);
				if (list.length === 0) throw new Error(`${name} needs a comma-separated list`);
				checkChoices(name, list, options.choices);
				return list as T[];
			},
		};
	},
	/** `--x value`, one of `choices` when given; the last use wins. */
	text<T extends string | undefined>(
		help: string,
		options: { defaultValue: T; choices?: readonly string[]; placeholder?: string },
	): Flag<T | string> {
		return {
			help,
			placeholder: options.placeholder ?? '<value>',
			...options,
			parse: (values, name) => {
				const value = values[values.length - 1];
				checkChoices(name, [value], options.choices);
				return value;
			},
		};
	},
	/** `--x 12`: a whole number, at least `min`. */
	integer(
		help: string,
		options: { defaultValue: number; min: number; env?: string; why?: string },
	): Flag<number> {
		return {
			help,
			placeholder: '<n>',
			...options,
			parse: (values, name) => {
				const value = Number(values[values.length - 1]);
				if (!Number.isInteger(value) || value < options.min)
					throw new Error(
						`${name} must be a whole number, at least ${options.min}${options.why ? ` (${options.why})` : ''}`,
					);
				return value;
			},
		};
	},
	/** `--x` sets it, `--no-x` clears it. */
	boolean(help: string, defaultValue: boolean): Flag<boolean> {
		return { help, defaultValue };
	},
	/** `--x N8N_NAME=value`, repeated or comma-separated: settings for the n8n processes a run starts. */
	n8nSettings(help: string): Flag<Record<string, string>> {
		return {
			help,
			placeholder: '<N8N_NAME=value,...>',
			defaultValue: {},
			defaultText: 'none',
			parse: (values, name) =>
				Object.fromEntries(
					splitList(values).map((setting) => {
						const match = /^(N8N_\w+)=(.*)$/.exec(setting);
						if (!match)
							throw new Error(
								`${name} takes N8N_NAME=value settings, comma-separated; got ${setting}`,
							);
						return [match[1], match[2]];
					}),
				),
		};
	},
};

type Options<F> = { [K in keyof F]: F[K] extends Flag<infer T> ? T : never };

/** `rateLimit` -> `--rate-limit`, `n8nEnv` -> `--n8n-env`. */
const flagName = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function usage(command: string, flags: Record<string, Flag<unknown>>): string {
	const rows = Object.entries(flags).map(([key, f]) => {
		const name = f.placeholder
			? `${flagName(key)} ${f.placeholder}`
			: `--${f.defaultValue ? 'no-' : ''}${flagName(key).slice(2)}`;
		const shown =
			f.defaultText ?? (Array.isArray(f.defaultValue) ? f.defaultValue.join(',') : f.defaultValue);
		const extra = [
			f.placeholder && shown !== undefined ? `default ${shown}` : '',
			f.env ? `or $${f.env}` : '',
		]
			.filter(Boolean)
			.join('; ');
		return [name, `${f.help}${extra ? ` (${extra})` : ''}`];
	});
	const width = Math.max(...rows.map(([name]) => name.length));
	return [
		`Usage: ${command} [-- options]`,
		...rows.map(([name, help]) => `  ${name.padEnd(width)}  ${help}`),
	].join('\n');
}

function readArgs(argv: string[], flags: Record<string, Flag<unknown>>): Record<string, unknown> {
	const keyOf = new Map(Object.keys(flags).map((key) => [flagName(key), key]));
	const given = new Map<string, string[]>();
	const options: Record<string, unknown> = {};
	for (let i = 0; i < argv.length; i++) {
		const [name, inline] = argv[i].includes('=')
			? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)]
			: [argv[i], undefined];
		const negated = name.startsWith('--no-') ? keyOf.get(`--${name.slice(5)}`) : undefined;
		const key = keyOf.get(name) ?? negated;
		if (!key) throw new Error(`unknown option ${argv[i]}`);
		const f = flags[key];
		if (!f.parse) {
			if (inline !== undefined) throw new Error(`${name} takes no value`);
			options[key] = !negated;
			continue;
		}
		if (negated) throw new Error(`unknown option ${name}`);
		const value = inline ?? argv[++i];
		if (value === undefined || (inline === undefined && value.startsWith('--')))
			throw new Error(`${name} needs a value ${f.placeholder}`);
		given.set(key, [...(given.get(key) ?? []), value]);
	}
	for (const [key, f] of Object.entries(flags)) {
		if (key in options) continue;
		const fromEnv = f.env ? process.env[f.env] : undefined;
		const values = given.get(key) ?? (fromEnv !== undefined ? [fromEnv] : undefined);
		options[key] =
			values && f.parse
				? f.parse(values, given.has(key) ? flagName(key) : `$${f.env}`)
				: f.defaultValue;
	}
	return options;
}

/**
 * The run's options from `argv` (default: this process's arguments). `command` is how the usage names the run, e.g.
 * `npm run soak`. Prints the usage and exits on `--help` (0) or a bad argument (2).
 */
export function parseArgs<F extends Record<string, Flag<unknown>>>(
	command: string,
	flags: F,
	argv = process.argv.slice(2),
): Options<F> {
	if (argv.includes('--help') || argv.includes('-h')) {
		console.log(usage(command, flags));
		process.exit(0);
	}
	try {
		return readArgs(argv, flags) as Options<F>;
	} catch (error) {
		console.error(`${command}: ${(error as Error).message}\n\n${usage(command, flags)}`);
		process.exit(2);
	}
}

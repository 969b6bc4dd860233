// A throwaway local npm registry (Verdaccio from the e2e cache) on a free loopback port, with its storage in a
// temp folder and no uplinks: it serves only what we publish to it. Plus `npm pack` / `npm publish` helpers.
import { spawn, type ChildProcess } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { layout } from './layout';
import { FatalWaitError, freePort, runCommand, sleep, waitFor } from './util';

/** Runs npm's CLI with Node 24 (the same npm n8n's installer ends up running). */
export function npm24(args: string[], options: { cwd: string; timeoutMs?: number }) {
	return runCommand(layout.nodeBin(), [layout.npmCli(), ...args], {
		cwd: options.cwd,
		env: layout.node24Env(),
		timeoutMs: options.timeoutMs,
	});
}

/** `npm pack` of a package folder into `destination`; returns the tarball's path. Lifecycle scripts are not run. */
export async function packDirectory(packageDir: string, destination: string): Promise<string> {
	mkdirSync(destination, { recursive: true });
	const { stdout } = await npm24(
		[
			'pack',
			path.resolve(packageDir),
			'--pack-destination',
			destination,
			'--ignore-scripts',
			'--json',
		],
		{
			cwd: destination,
		},
	);
	const [info] = JSON.parse(stdout) as Array<{ filename: string }>;
	return path.join(destination, info.filename);
}

export class Verdaccio {
	readonly port: number;
	readonly folder: string;
	readonly logFile: string;
	/** npm userconfig with our registry and auth token (written by start()). */
	readonly npmrc: string;
	private child: ChildProcess | undefined;
	private exited: Promise<void> | undefined;
	private hasExited = false;
	private token = '';

	private constructor(port: number, folder: string) {
		this.port = port;
		this.folder = folder;
		this.logFile = path.join(folder, 'verdaccio.log');
		this.npmrc = path.join(folder, 'npmrc');
	}

	static async create(): Promise<Verdaccio> {
		if (!existsSync(layout.markerPath(layout.verdaccioDir()))) {
			throw new Error(
				`Verdaccio is not installed in ${layout.cacheRoot()}: run node scripts/e2e/install-n8n.js verdaccio`,
			);
		}
		return new Verdaccio(await freePort(), mkdtempSync(path.join(tmpdir(), 'quo-e2e-verdaccio-')));
	}

	/** The registry URL, with a trailing slash as npm writes it. */
	get url(): string {
		return `http://127.0.0.1:${this.port}/`;
	}

	async start(): Promise<void> {
		const storage = path.join(this.folder, 'storage');
		mkdirSync(storage, { recursive: true });
		const config = path.join(this.folder, 'config.yaml');
		// No `uplinks`, and no `proxy:` on any package: a package is served only if it was published here.
		writeFileSync(
			config,
			[
				`storage: ${JSON.stringify(storage)}`,
				'auth:',
				'  htpasswd:',
				`    file: ${JSON.stringify(path.join(this.folder, 'htpasswd'))}`,
				'    max_users: 100',
				'uplinks: {}',
				'packages:',
				"  '@*/*':",
				'    access: $all',
				'    publish: $authenticated',
				'    unpublish: $authenticated',
				"  '**':",
				'    access: $all',
				'    publish: $authenticated',
				'    unpublish: $authenticated',
				'web:',
				'  enable: false',
				'middlewares:',
				'  audit:',
				'    enabled: false',
				'publish:',
				'  allow_offline: true',
				'log: { type: stdout, format: pretty, level: http }',
				'',
			].join('\n'),
		);
		const fd = openSync(this.logFile, 'a');
		const child = spawn(
			layout.nodeBin(),
			[layout.verdaccioBin(), '--config', config, '--listen', `127.0.0.1:${this.port}`],
			{
				cwd: this.folder,
				env: layout.node24Env(),
				stdio: ['ignore', fd, fd],
			},
		);
		closeSync(fd);
		this.child = child;
		this.exited = new Promise((resolve) =>
			child.on('exit', () => ((this.hasExited = true), resolve())),
		);
		await waitFor(
			`Verdaccio on ${this.url}`,
			async () => {
				if (this.hasExited)
					throw new FatalWaitError(
						`Verdaccio exited:\n${readFileSync(this.logFile, 'utf8').slice(-3000)}`,
					);
				const res = await fetch(`${this.url}-/ping`).catch(() => undefined);
				return res?.status === 200;
			},
			{ timeoutMs: 60_000 },
		);
		// Verdaccio's htpasswd plugin creates a user on first "login" (npm adduser's request) and returns a token.
		const user = 'e2e';
		const res = await fetch(`${this.url}-/user/org.couchdb.user:${user}`, {
			method: 'PUT',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				name: user,
				password: 'e2e-password-0001',
				email: 'e2e@example.invalid',
				type: 'user',
			}),
		});
		const body = (await res.json()) as { token?: string; error?: string };
		if (!res.ok || !body.token)
			throw new Error(`Verdaccio user creation failed: ${res.status} ${JSON.stringify(body)}`);
		this.token = body.token;
		const hostPath = `//127.0.0.1:${this.port}/`;
		writeFileSync(
			this.npmrc,
			`registry=${this.url}\n${hostPath}:_authToken=${this.token}\nfund=false\naudit=false\nupdate-notifier=false\n`,
		);
	}

	/** `npm publish` of a tarball to this registry (scripts off). Returns the published name@version. */
	async publish(tarball: string): Promise<string> {
		const { stdout } = await npm24(
			[
				'publish',
				path.resolve(tarball),
				'--registry',
				this.url,
				'--userconfig',
				this.npmrc,
				'--ignore-scripts',
				'--access',
				'public',
				'--json',
			],
			{ cwd: this.folder },
		);
		// npm 11 prints {"<name>": {id, name, version, ...}}; older npm printed the object itself.
		const parsed = JSON.parse(stdout.slice(stdout.indexOf('{'))) as Record<string, unknown>;
		const info = (typeof parsed.id === 'string' ? parsed : Object.values(parsed)[0]) as {
			id: string;
		};
		return info.id;
	}

	/** The registry's packument for a package, or undefined on 404. */
	async packument(
		name: string,
	): Promise<
		{ 'dist-tags': Record<string, string>; versions: Record<string, unknown> } | undefined
	> {
		const res = await fetch(`${this.url}${encodeURIComponent(name).replace('%40', '@')}`);
		if (res.status === 404) return undefined;
		if (!res.ok) throw new Error(`GET ${name} from Verdaccio: ${res.status}`);
		return (await res.json()) as {
			'dist-tags': Record<string, string>;
			versions: Record<string, unknown>;
		};
	}

	async stop(): Promise<void> {
		if (!this.child || this.hasExited) return;
		this.child.kill('SIGTERM');
		let timeout: NodeJS.Timeout | undefined;
		const timedOut = await Promise.race([
			this.exited!.then(() => false),
			new Promise<boolean>((resolve) => (timeout = setTimeout(() => resolve(true), 10_000))),
		]);
		clearTimeout(timeout);
		if (timedOut) {
			this.child.kill('SIGKILL');
			await this.exited;
		}
		await sleep(50);
	}

	async dispose(): Promise<void> {
		await this.stop();
		if (process.env.QUO_E2E_KEEP !== '1') rmSync(this.folder, { recursive: true, force: true });
	}
}

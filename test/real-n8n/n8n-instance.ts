// Starts and stops one real n8n (from the e2e cache, on Node 24) with its own user folder, SQLite database,
// loopback ports and log file; restarts it on the same folder; installs package tarballs into
// <N8N_USER_FOLDER>/.n8n/nodes the way n8n's Community Nodes installer lays them out. For queue mode it also runs
// `n8n webhook` and `n8n worker` (test/queue: several processes on one user folder, each with its own log).
import { spawn, type ChildProcess } from 'node:child_process';
import {
	closeSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	openSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { layout, majorOf } from './layout';
import { FatalWaitError, freePort, runCommand, seconds, sleep, waitFor } from './util';

/** Fixed so a restarted instance can still decrypt its credentials (and so logs are comparable between runs). */
export const E2E_ENCRYPTION_KEY = 'n8n-nodes-quo-e2e-encryption-key-0001';

/** The flags n8n's Community Nodes installer passes to `npm install` (community-packages.service.js, 1.123 and 2.41). */
export const N8N_NPM_INSTALL_FLAGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

/** `start` (main), or in queue mode `webhook` (production webhooks only) and `worker` (runs the executions). */
export type N8nCommand = 'start' | 'webhook' | 'worker';

/**
 * The line each command logs once it serves requests (`start`: after the server listens AND active workflows were
 * activated). Its /healthz/readiness is on N8N_PORT (`worker`: on its health server, QUEUE_HEALTH_CHECK_PORT).
 */
const READY_LINES: Record<N8nCommand, string> = {
	start: 'Editor is now accessible via',
	webhook: 'Webhook listener waiting for requests.',
	worker: 'n8n worker is now ready',
};

export interface N8nInstanceOptions {
	/** A key of layout.N8N_VERSIONS, e.g. '1.123.81' or '2.41.1'. */
	version: string;
	/** Default `start`. */
	command?: N8nCommand;
	/** Defaults to a fresh temp folder (removed by dispose() unless QUO_E2E_KEEP=1). n8n keeps its data in <userFolder>/.n8n. */
	userFolder?: string;
	/** N8N_PORT (`worker`: the port of its health server). */
	port?: number;
	/** Default <userFolder>/n8n.log; processes sharing a user folder need one each. */
	logFile?: string;
	/** The task runner broker's port (n8n's default 5679 would clash between instances). */
	brokerPort?: number;
	/** Extra or overriding environment for n8n. */
	env?: Record<string, string | undefined>;
	/**
	 * Mount n8n's own E2E test controller (E2E_TESTS=true: `PATCH /rest/e2e/feature` switches license features on).
	 * Needed for a custom community-packages registry, which n8n only honours with the license feature
	 * `feat:communityNodes:customRegistry`. On 1.x it also turns the public API off (2.x leaves it on).
	 */
	e2eTestMode?: boolean;
	/** N8N_COMMUNITY_PACKAGES_REGISTRY (only honoured when the custom-registry license feature is on, see e2eTestMode). */
	communityPackagesRegistry?: string;
	/**
	 * Start n8n with Node's inspector on a free loopback port (`inspectorUrl()` reads it from the log), so a test can
	 * force a garbage collection and read the heap (heap-probe.ts).
	 */
	inspect?: boolean;
	/** N8N_LOG_LEVEL, default 'info' (QUO_E2E_N8N_LOG_LEVEL overrides). */
	logLevel?: string;
	startTimeoutMs?: number;
	stopTimeoutMs?: number;
}

export interface InstalledTarball {
	name: string;
	version: string;
	directory: string;
}

export class N8nInstance {
	readonly version: string;
	readonly command: N8nCommand;
	readonly major: number;
	readonly userFolder: string;
	readonly port: number;
	readonly brokerPort: number;
	readonly logFile: string;
	private readonly options: N8nInstanceOptions;
	private readonly ownsUserFolder: boolean;
	private child: ChildProcess | undefined;
	private exited: Promise<number | null> | undefined;
	private exitCode: number | null | undefined;
	/** Seconds each start() took until ready, in order. */
	readonly startSeconds: number[] = [];

	private constructor(
		options: N8nInstanceOptions,
		userFolder: string,
		ownsUserFolder: boolean,
		port: number,
		brokerPort: number,
	) {
		this.options = options;
		this.version = options.version;
		this.command = options.command ?? 'start';
		this.major = majorOf(options.version);
		this.userFolder = userFolder;
		this.ownsUserFolder = ownsUserFolder;
		this.port = port;
		this.brokerPort = brokerPort;
		this.logFile = options.logFile ?? path.join(userFolder, 'n8n.log');
	}

	/** Allocates the folder and ports; does not start n8n. */
	static async create(options: N8nInstanceOptions): Promise<N8nInstance> {
		if (!layout.N8N_VERSIONS[options.version])
			throw new Error(`Unknown n8n version ${options.version}`);
		if (!existsSync(layout.markerPath(layout.n8nDir(options.version)))) {
			throw new Error(
				`n8n ${options.version} is not installed in ${layout.cacheRoot()}: run node scripts/e2e/install-n8n.js`,
			);
		}
		const owns = !options.userFolder;
		const userFolder =
			options.userFolder ?? mkdtempSync(path.join(tmpdir(), `quo-e2e-n8n-${options.version}-`));
		mkdirSync(userFolder, { recursive: true });
		const port = options.port ?? (await freePort());
		let brokerPort = options.brokerPort ?? (await freePort());
		while (brokerPort === port) brokerPort = await freePort();
		return new N8nInstance(options, userFolder, owns, port, brokerPort);
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}
	/** <N8N_USER_FOLDER>/.n8n: database.sqlite, config, nodes/. */
	get n8nFolder(): string {
		return path.join(this.userFolder, '.n8n');
	}
	/** Where community packages live (n8n's installer's downloadFolder). */
	get nodesFolder(): string {
		return path.join(this.n8nFolder, 'nodes');
	}
	/** Production webhook URL for a Webhook node `path` (n8n serves them under /webhook/). */
	webhookUrl(webhookPath: string): string {
		return `${this.baseUrl}/webhook/${webhookPath.replace(/^\//, '')}`;
	}
	get running(): boolean {
		return this.child !== undefined && this.exitCode === undefined;
	}
	/** The main n8n process's pid while it runs (the task runner is a child of it). */
	get pid(): number | undefined {
		return this.running ? this.child?.pid : undefined;
	}

	/** The environment n8n runs with: ours only, nothing inherited that could point it elsewhere. */
	environment(): NodeJS.ProcessEnv {
		const base: NodeJS.ProcessEnv = {};
		for (const [key, value] of Object.entries(process.env)) {
			// Drop anything that configures n8n or its DB (node24Env below drops npm's settings: n8n's installer runs npm).
			if (
				/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|E2E_TESTS$|NODE_OPTIONS$|NODE_PATH$|GENERIC_TIMEZONE$)/i.test(
					key,
				)
			)
				continue;
			base[key] = value;
		}
		const env: NodeJS.ProcessEnv = {
			// Node 24 first on PATH: n8n's installer spawns `npm`, whose `#!/usr/bin/env node` must find Node 24 too.
			...layout.node24Env(base),
			N8N_USER_FOLDER: this.userFolder,
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `${this.baseUrl}/`,
			// 2.x's name for it (it warns that WEBHOOK_URL is deprecated); 1.x ignores it.
			N8N_WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_EDITOR_BASE_URL: `${this.baseUrl}/`,
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			DB_TYPE: 'sqlite',
			N8N_ENCRYPTION_KEY: E2E_ENCRYPTION_KEY,
			GENERIC_TIMEZONE: 'UTC',
			// Nothing phones home (and nothing waits on hosts this machine cannot reach).
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			N8N_AI_ENABLED: 'false',
			N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
			// Plain http on loopback: the auth cookie must not be Secure.
			N8N_SECURE_COOKIE: 'false',
			N8N_PUBLIC_API_DISABLED: 'false',
			N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
			// Community packages: allowed, unverified ones too; the vetted list (fetched from n8n's servers) is not needed.
			N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
			N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_REINSTALL_MISSING_PACKAGES: 'false',
			// Every execution is kept with its data, so tests can read them back.
			EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
			EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
			EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
			N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
			N8N_LOG_LEVEL: process.env.QUO_E2E_N8N_LOG_LEVEL ?? this.options.logLevel ?? 'info',
			N8N_LOG_OUTPUT: 'console',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'true',
			NODE_ENV: 'production',
		};
		if (this.command === 'worker') {
			env.QUEUE_HEALTH_CHECK_ACTIVE = 'true';
			env.QUEUE_HEALTH_CHECK_PORT = String(this.port);
			env.N8N_WORKER_SERVER_ADDRESS = '127.0.0.1';
		}
		if (this.options.e2eTestMode) env.E2E_TESTS = 'true';
		if (this.options.communityPackagesRegistry)
			env.N8N_COMMUNITY_PACKAGES_REGISTRY = this.options.communityPackagesRegistry;
		for (const [key, value] of Object.entries(this.options.env ?? {})) {
			if (value === undefined) delete env[key];
			else env[key] = value;
		}
		return env;
	}

	/** Starts n8n and resolves once it is ready (healthz, DB migrated, active workflows activated). Returns seconds taken. */
	async start(): Promise<number> {
		if (this.running) throw new Error(`n8n ${this.version} is already running`);
		const started = Date.now();
		const logOffset = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
		const fd = openSync(this.logFile, 'a');
		writeFileSync(
			fd,
			`\n===== ${this.command} n8n ${this.version} on :${this.port} at ${new Date().toISOString()} =====\n`,
		);
		// Its own process group (detached), so stop() can signal n8n and the task runner it spawns together.
		const inspector = this.options.inspect ? ['--inspect=127.0.0.1:0'] : [];
		const child = spawn(
			layout.nodeBin(),
			[...inspector, layout.n8nBin(this.version), this.command],
			{
				cwd: this.userFolder,
				env: this.environment(),
				stdio: ['ignore', fd, fd],
				detached: true,
			},
		);
		closeSync(fd);
		this.child = child;
		this.exitCode = undefined;
		this.exited = new Promise((resolve) => {
			child.on('exit', (code, signal) => {
				this.exitCode = code ?? (signal ? -1 : null);
				resolve(this.exitCode);
			});
		});
		try {
			await waitFor(
				`n8n ${this.version} to be ready on ${this.baseUrl}`,
				async () => {
					if (this.exitCode !== undefined)
						throw new FatalWaitError(
							`n8n ${this.version} exited with ${this.exitCode} during startup`,
						);
					const health = await fetch(`${this.baseUrl}/healthz/readiness`).catch(() => undefined);
					if (!health || health.status !== 200) return false;
					return this.logSince(logOffset).includes(READY_LINES[this.command]);
				},
				{ timeoutMs: this.options.startTimeoutMs ?? 240_000, intervalMs: 300 },
			);
		} catch (error) {
			if (this.running) await this.stop();
			throw new Error(
				`${(error as Error).message}\n--- last lines of ${this.logFile} ---\n${this.logTail(60)}`,
			);
		}
		const took = seconds(started);
		this.startSeconds.push(took);
		return took;
	}

	/** SIGTERM to n8n's process group, then SIGKILL after the timeout. Resolves when the process has exited. */
	async stop(
		timeoutMs = this.options.stopTimeoutMs ?? 30_000,
	): Promise<{ seconds: number; killed: boolean }> {
		const child = this.child;
		if (!child || this.exitCode !== undefined || child.pid === undefined)
			return { seconds: 0, killed: false };
		const started = Date.now();
		const signalGroup = (signal: NodeJS.Signals) => {
			try {
				process.kill(-child.pid!, signal);
			} catch {
				// Already gone.
			}
		};
		signalGroup('SIGTERM');
		let killed = false;
		let timeout: NodeJS.Timeout | undefined;
		const timer = new Promise<'timeout'>(
			(resolve) => (timeout = setTimeout(() => resolve('timeout'), timeoutMs)),
		);
		const outcome = await Promise.race([this.exited, timer]);
		clearTimeout(timeout);
		if (outcome === 'timeout') {
			killed = true;
			signalGroup('SIGKILL');
			await this.exited;
		}
		// The task runner is in the same group; make sure nothing of the group outlives n8n.
		signalGroup('SIGKILL');
		await sleep(100);
		return { seconds: seconds(started), killed };
	}

	/** Stops and starts again on the same user folder, ports and database. Returns the start's seconds. */
	async restart(): Promise<number> {
		await this.stop();
		return this.start();
	}

	/** Stops n8n and removes the temp user folder (kept when QUO_E2E_KEEP=1 or when the caller supplied it). */
	async dispose(): Promise<void> {
		await this.stop();
		if (this.ownsUserFolder && process.env.QUO_E2E_KEEP !== '1')
			rmSync(this.userFolder, { recursive: true, force: true });
	}

	/** The inspector's WebSocket URL of the running n8n (started with `inspect`), from the line Node logs at start. */
	inspectorUrl(): string {
		const urls = this.readLog().match(/Debugger listening on (ws:\/\/\S+)/g);
		if (!this.options.inspect || !urls)
			throw new Error(`n8n ${this.version} was not started with the inspector`);
		return urls[urls.length - 1].slice('Debugger listening on '.length);
	}

	readLog(): string {
		return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
	}
	logSince(offset: number): string {
		const text = this.readLog();
		return text.slice(offset);
	}
	logTail(lines = 40): string {
		return this.readLog().split('\n').slice(-lines).join('\n');
	}

	/**
	 * Installs a package tarball into <N8N_USER_FOLDER>/.n8n/nodes exactly as n8n's Community Nodes installer lays a
	 * package out (community-packages.service.js `downloadPackage`): nodes/package.json ("installed-nodes"), the
	 * tarball unpacked into nodes/node_modules/<name>, its dev/peer/optional dependencies stripped, `npm install`
	 * with n8n's flags inside it (for runtime dependencies), and the dependency recorded in nodes/package.json.
	 * n8n loads it (as `<name>.<nodeName>`) on its next start; no database record is involved.
	 */
	async installTarball(
		tarball: string,
		{ registry }: { registry?: string } = {},
	): Promise<InstalledTarball> {
		const nodes = this.nodesFolder;
		mkdirSync(nodes, { recursive: true });
		const rootPackageJson = path.join(nodes, 'package.json');
		// The same file n8n's ensurePackageJson() writes.
		if (!existsSync(rootPackageJson)) {
			writeFileSync(
				rootPackageJson,
				JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2),
			);
		}
		const manifest = JSON.parse(
			(await runCommand('tar', ['-xzOf', path.resolve(tarball), 'package/package.json'])).stdout,
		) as {
			name: string;
			version: string;
			[key: string]: unknown;
		};
		const directory = path.join(nodes, 'node_modules', manifest.name);
		rmSync(directory, { recursive: true, force: true });
		mkdirSync(directory, { recursive: true });
		await runCommand('tar', [
			'-xzf',
			path.resolve(tarball),
			'-C',
			directory,
			'--strip-components=1',
		]);
		// n8n: "Strip dev, optional, and peer dependencies before running npm install" (n8n-workflow is the host's).
		const {
			devDependencies: _d,
			peerDependencies: _p,
			optionalDependencies: _o,
			...stripped
		} = manifest;
		writeFileSync(path.join(directory, 'package.json'), JSON.stringify(stripped, null, 2));
		const args = [layout.npmCli(), 'install', ...N8N_NPM_INSTALL_FLAGS];
		if (registry) args.push(`--registry=${registry}`);
		await runCommand(layout.nodeBin(), args, { cwd: directory, env: this.environment() });
		const rootManifest = JSON.parse(readFileSync(rootPackageJson, 'utf8')) as {
			dependencies?: Record<string, string>;
		};
		rootManifest.dependencies = {
			...(rootManifest.dependencies ?? {}),
			[manifest.name]: manifest.version,
		};
		writeFileSync(rootPackageJson, JSON.stringify(rootManifest, null, 2));
		return { name: manifest.name, version: manifest.version, directory };
	}
}

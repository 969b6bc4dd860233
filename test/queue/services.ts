// The two services n8n's queue mode needs, from Debian's packages, each on a free loopback port with a throwaway
// data folder: PostgreSQL (initdb into a temp folder; run as the `postgres` user when we are root, because the
// server refuses to run as root) and Redis (no persistence). Installs `postgresql` / `redis-server` with apt-get
// when missing.
import { spawn } from 'node:child_process';
import {
	chownSync,
	closeSync,
	existsSync,
	mkdtempSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
} from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { FatalWaitError, freePort, runCommand, sleep, waitFor } from '../real-n8n/util';

/** Debian installs each PostgreSQL major under /usr/lib/postgresql/<major>/bin (not on PATH). */
const DEBIAN_POSTGRES_ROOT = '/usr/lib/postgresql';
const REDIS_SERVER = '/usr/bin/redis-server';

export interface RunningService {
	name: string;
	port: number;
	version: string;
	logFile: string;
	stop(): Promise<void>;
}

export interface RunningPostgres extends RunningService {
	database: string;
	user: string;
	/** Runs SQL with psql against `database`; rows as tab-separated lines. */
	query(sql: string): Promise<string>;
}

/** The bin folder of the newest PostgreSQL major Debian installed, or undefined. */
function debianPostgresBin(): string | undefined {
	if (!existsSync(DEBIAN_POSTGRES_ROOT)) return undefined;
	const majors = readdirSync(DEBIAN_POSTGRES_ROOT)
		.filter(
			(name) =>
				/^\d+$/.test(name) && existsSync(path.join(DEBIAN_POSTGRES_ROOT, name, 'bin', 'postgres')),
		)
		.sort((a, b) => Number(b) - Number(a));
	return majors.length > 0 ? path.join(DEBIAN_POSTGRES_ROOT, majors[0], 'bin') : undefined;
}

/** apt-get installs whichever of Debian's `postgresql` and `redis-server` is missing (needs root). */
export async function ensureDebianPackages(): Promise<string> {
	const missing = [
		...(debianPostgresBin() ? [] : ['postgresql']),
		...(existsSync(REDIS_SERVER) ? [] : ['redis-server']),
	];
	if (missing.length === 0) return 'postgresql, redis-server already installed';
	if (process.getuid?.() !== 0)
		throw new Error(
			`Missing ${missing.join(', ')}: run  sudo apt-get install -y ${missing.join(' ')}`,
		);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	await runCommand('apt-get', ['update'], { env, timeoutMs: 600_000 });
	await runCommand('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
		env,
		timeoutMs: 900_000,
	});
	if (!debianPostgresBin() || !existsSync(REDIS_SERVER))
		throw new Error(`apt-get install ${missing.join(' ')} did not install them`);
	return `apt-get installed ${missing.join(', ')}`;
}

/** The uid/gid to run PostgreSQL as: the `postgres` user when we are root (it refuses root), else ourselves. */
function postgresIdentity(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const entry = readFileSync('/etc/passwd', 'utf8')
		.split('\n')
		.find((line) => line.startsWith('postgres:'));
	if (!entry)
		throw new Error(
			"No `postgres` user (Debian's postgresql package creates it); PostgreSQL does not run as root",
		);
	const [, , uid, gid] = entry.split(':');
	return { uid: Number(uid), gid: Number(gid) };
}

/**
 * Spawns a server in its own process group (so a ctrl-C in the terminal reaches only us, and we can stop n8n before
 * the services it depends on); stop() sends `stopSignal`, then SIGKILL after 20 s.
 */
function startDaemon(
	command: string,
	args: string[],
	logFile: string,
	options: { uid?: number; gid?: number; stopSignal: NodeJS.Signals },
): { exited: () => boolean; stop: () => Promise<void> } {
	const fd = openSync(logFile, 'a');
	const child = spawn(command, args, {
		stdio: ['ignore', fd, fd],
		detached: true,
		uid: options.uid,
		gid: options.gid,
		cwd: tmpdir(),
	});
	closeSync(fd);
	let hasExited = false;
	const exited = new Promise<void>((resolve) =>
		child.on('exit', () => ((hasExited = true), resolve())),
	);
	const stop = async () => {
		if (hasExited || child.pid === undefined) return;
		try {
			process.kill(child.pid, options.stopSignal);
		} catch {
			return; // Already gone.
		}
		const timer = sleep(20_000).then(() => 'timeout' as const);
		if ((await Promise.race([exited, timer])) === 'timeout') {
			process.kill(-child.pid, 'SIGKILL');
			await exited;
		}
	};
	return { exited: () => hasExited, stop };
}

/**
 * initdb into a temp folder, then `postgres` on 127.0.0.1:<free port> (trust auth: loopback only, throwaway), logging
 * to <logDir>/postgres.log; stop() also removes the data.
 */
export async function startPostgres(logDir: string): Promise<RunningPostgres> {
	const bin = debianPostgresBin();
	if (!bin) throw new Error(`No PostgreSQL under ${DEBIAN_POSTGRES_ROOT}`);
	const identity = postgresIdentity();
	const folder = mkdtempSync(path.join(tmpdir(), 'quo-queue-postgres-'));
	if (identity) chownSync(folder, identity.uid, identity.gid);
	const dataDir = path.join(folder, 'data');
	const logFile = path.join(logDir, 'postgres.log');
	const user = 'postgres';
	const database = 'n8n';
	const asOwner = {
		uid: identity?.uid,
		gid: identity?.gid,
		cwd: folder,
		env: { ...process.env, LC_ALL: 'C.UTF-8' },
	};
	const port = await freePort();
	const version = (await runCommand(path.join(bin, 'postgres'), ['--version'])).stdout.trim();
	let daemon: ReturnType<typeof startDaemon> | undefined;
	const stop = async () => {
		await daemon?.stop();
		rmSync(folder, { recursive: true, force: true });
	};
	const psql = (db: string, sql: string) =>
		runCommand(path.join(bin, 'psql'), [
			'-h',
			'127.0.0.1',
			'-p',
			String(port),
			'-U',
			user,
			'-d',
			db,
			'-v',
			'ON_ERROR_STOP=1',
			'-AtX',
			'-c',
			sql,
		]);
	try {
		await runCommand(
			path.join(bin, 'initdb'),
			['-D', dataDir, '-U', user, '--auth=trust', '--encoding=UTF8', '--no-instructions'],
			asOwner,
		);
		const server = startDaemon(
			path.join(bin, 'postgres'),
			// Durability is pointless for a throwaway database; these settings spare the two shared cores the fsyncs.
			[
				'-D',
				dataDir,
				'-p',
				String(port),
				'-c',
				'listen_addresses=127.0.0.1',
				'-k',
				folder,
				'-c',
				'fsync=off',
				'-c',
				'synchronous_commit=off',
				'-c',
				'full_page_writes=off',
			],
			logFile,
			// SIGINT = PostgreSQL's "fast" shutdown (rolls back open transactions, no waiting for clients).
			{ ...identity, stopSignal: 'SIGINT' },
		);
		daemon = server;
		await waitFor(
			`PostgreSQL on 127.0.0.1:${port}`,
			async () => {
				if (server.exited())
					throw new FatalWaitError(
						`postgres exited:\n${readFileSync(logFile, 'utf8').slice(-2000)}`,
					);
				return (
					(
						await runCommand(
							path.join(bin, 'pg_isready'),
							['-h', '127.0.0.1', '-p', String(port)],
							{ allowFailure: true },
						)
					).code === 0
				);
			},
			{ timeoutMs: 60_000, intervalMs: 300 },
		);
		await psql('postgres', `CREATE DATABASE ${database}`);
	} catch (error) {
		await stop();
		throw error;
	}
	return {
		name: 'PostgreSQL',
		port,
		version,
		logFile,
		database,
		user,
		stop,
		query: async (sql) => (await psql(database, sql)).stdout,
	};
}

/** Answers whether a Redis on the port replies +PONG to PING. */
function redisPing(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let reply = '';
		socket.setTimeout(2000, () => socket.destroy());
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (data) => {
			reply += data.toString();
			if (reply.includes('\r\n')) socket.end();
		});
		socket.on('close', () => resolve(reply.startsWith('+PONG')));
		socket.on('error', () => resolve(false));
	});
}

/** `redis-server` on 127.0.0.1:<free port>, nothing saved to disk, its folder a temp one; logs to <logDir>/redis.log. */
export async function startRedis(logDir: string): Promise<RunningService> {
	const folder = mkdtempSync(path.join(tmpdir(), 'quo-queue-redis-'));
	const logFile = path.join(logDir, 'redis.log');
	const port = await freePort();
	const version = (await runCommand(REDIS_SERVER, ['--version'])).stdout.trim();
	const daemon = startDaemon(
		REDIS_SERVER,
		[
			'--port',
			String(port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			folder,
			'--daemonize',
			'no',
		],
		logFile,
		{ stopSignal: 'SIGTERM' },
	);
	const stop = async () => {
		await daemon.stop();
		rmSync(folder, { recursive: true, force: true });
	};
	try {
		await waitFor(
			`Redis on 127.0.0.1:${port}`,
			async () => {
				if (daemon.exited())
					throw new FatalWaitError(
						`redis-server exited:\n${readFileSync(logFile, 'utf8').slice(-2000)}`,
					);
				return redisPing(port);
			},
			{ timeoutMs: 30_000, intervalMs: 200 },
		);
	} catch (error) {
		await stop();
		throw error;
	}
	return { name: 'Redis', port, version, logFile, stop };
}

// n8n in queue mode on one machine: one main (`n8n start`: editor, API, trigger registration; it does not serve
// production webhooks), two webhook processes (`n8n webhook`) behind the round-robin proxy that WEBHOOK_URL names,
// and one worker (`n8n worker`), all on the same Postgres, Redis, encryption key and user folder (so all of them
// load the community package from its ~/.n8n/nodes).
import * as path from 'node:path';

import { N8nInstance } from '../real-n8n/n8n-instance';
import { freePort } from '../real-n8n/util';
import { RoundRobinProxy } from './round-robin-proxy';
import type { RunningPostgres, RunningService } from './services';

export interface QueueCluster {
	main: N8nInstance;
	webhooks: N8nInstance[];
	worker: N8nInstance;
	proxy: RoundRobinProxy;
	/** Every n8n process, main first. */
	all: N8nInstance[];
}

/** `count` ports that were free a moment ago, all different (each n8n needs its own N8N_PORT and broker port). */
async function distinctFreePorts(count: number): Promise<number[]> {
	const ports = new Set<number>();
	while (ports.size < count) ports.add(await freePort());
	return [...ports];
}

/** The settings every process shares: queue mode, the database, Redis, the public webhook URL. */
export function queueModeEnv(
	postgres: RunningPostgres,
	redis: RunningService,
	publicUrl: string,
): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(postgres.port),
		DB_POSTGRESDB_DATABASE: postgres.database,
		DB_POSTGRESDB_USER: postgres.user,
		DB_POSTGRESDB_PASSWORD: '',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		// The URL Quo is given when the main process registers a trigger: the load balancer's, not any process's.
		WEBHOOK_URL: `${publicUrl}/`,
		N8N_WEBHOOK_URL: `${publicUrl}/`,
		N8N_MULTI_MAIN_SETUP_ENABLED: 'false',
		// Production webhooks go to the webhook processes only (the main would otherwise answer them too).
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
	};
}

/**
 * Allocates the processes (nothing started) and starts the proxy in front of the webhook processes. All share
 * `userFolder`; each logs to <logDir>/n8n-<role>.log.
 */
export async function createQueueCluster(input: {
	version: string;
	userFolder: string;
	logDir: string;
	postgres: RunningPostgres;
	redis: RunningService;
}): Promise<QueueCluster> {
	const { version, userFolder, logDir, postgres, redis } = input;
	// N8N_PORT and N8N_RUNNERS_BROKER_PORT for each of the four processes (the worker's port is its health server).
	const ports = await distinctFreePorts(8);
	const webhookUrls = [ports[2], ports[4]].map((port) => `http://127.0.0.1:${port}`);
	const proxy = await RoundRobinProxy.start(webhookUrls);
	const env = queueModeEnv(postgres, redis, proxy.url);
	const create = (role: string, command: 'start' | 'webhook' | 'worker', index: number) =>
		N8nInstance.create({
			version,
			command,
			userFolder,
			port: ports[index * 2],
			brokerPort: ports[index * 2 + 1],
			logFile: path.join(logDir, `n8n-${role}.log`),
			logLevel: 'debug',
			// Four Node processes on two shared cores: migrations and the package load take a while.
			startTimeoutMs: 480_000,
			env,
		});
	const main = await create('main', 'start', 0);
	const webhooks = [
		await create('webhook-a', 'webhook', 1),
		await create('webhook-b', 'webhook', 2),
	];
	const worker = await create('worker', 'worker', 3);
	return { main, webhooks, worker, proxy, all: [main, ...webhooks, worker] };
}

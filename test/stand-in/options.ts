import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolve } from 'node:path';
import { newApiKey } from './ids';
import type { SeedCounts } from './seed';
import type { StandInClock, StandInOptions } from './types';

export interface ResolvedOptions {
	port: number;
	apiKeys: string[];
	rateLimitPerSecond: number;
	responseDelayMs: number;
	responseLatencyMs: number;
	clock: StandInClock;
	openApiDir: string | null;
	deliveryRetryDelaysMs: number[];
	seed: SeedCounts;
}

const realClock: StandInClock = {
	now: () => Date.now(),
	sleep: async (ms) => await sleep(ms, undefined, { ref: false }),
};

/** env QUO_OPENAPI_DIR, else the shared folder next to the repository when it exists, else null. */
export function defaultOpenApiDir(): string | null {
	const fromEnv = process.env.QUO_OPENAPI_DIR;
	if (fromEnv) return fromEnv;
	const shared = resolve(__dirname, '../../../shared/quo-api');
	return existsSync(shared) ? shared : null;
}

export function resolveOptions(options: StandInOptions): ResolvedOptions {
	const apiKeys = options.apiKeys ?? [newApiKey()];
	if (apiKeys.length === 0) throw new Error('The Quo stand-in needs at least one API key');
	return {
		port: options.port ?? 0,
		apiKeys,
		rateLimitPerSecond: options.rateLimitPerSecond ?? 10,
		responseDelayMs: options.responseDelayMs ?? 0,
		responseLatencyMs: options.responseLatencyMs ?? 0,
		clock: options.clock ?? realClock,
		openApiDir: options.openApiDir === undefined ? defaultOpenApiDir() : options.openApiDir,
		deliveryRetryDelaysMs: options.deliveryRetryDelaysMs ?? [100, 500, 2000],
		seed: {
			phoneNumbers: options.seed?.phoneNumbers ?? 3,
			users: options.seed?.users ?? 3,
			messages: options.seed?.messages ?? 0,
			contacts: options.seed?.contacts ?? 0,
			calls: options.seed?.calls ?? 0,
			conversations: options.seed?.conversations ?? 0,
			tasks: options.seed?.tasks ?? 0,
		},
	};
}

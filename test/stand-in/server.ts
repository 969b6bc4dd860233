import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FaultList } from './faults';
import { specValidatorFor } from './openapi/spec-validator';
import { resolveOptions } from './options';
import { SlidingWindowRateLimiter } from './rate-limiter';
import { createRequestHandler } from './request-handler';
import { Router } from './router';
import { allRoutes } from './routes';
import { createSeededState } from './seed';
import { clearWebhooks, restoreWorkspace, snapshotWorkspace } from './state';
import type { RecordedRequest, StandIn, StandInOptions } from './types';
import { Deliverer } from './webhooks/deliverer';

/** Starts a local Quo API on 127.0.0.1 that behaves per Quo's OpenAPI documents. */
export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
	const settings = resolveOptions(options);
	const state = createSeededState(settings.seed);
	const seeded = snapshotWorkspace(state);
	const requests: RecordedRequest[] = [];
	const faults = new FaultList();
	const rateLimiter = new SlidingWindowRateLimiter(settings.rateLimitPerSecond);
	const deliverer = new Deliverer(state, settings.deliveryRetryDelaysMs);
	let responseDelayMs = settings.responseDelayMs;
	let url = '';

	const server = createServer(
		createRequestHandler({
			state,
			requests,
			faults,
			rateLimiter,
			router: new Router(allRoutes),
			validator: settings.openApiDir === null ? null : specValidatorFor(settings.openApiDir),
			deliverer,
			apiKeys: new Set(settings.apiKeys),
			clock: settings.clock,
			responseDelayMs: () => responseDelayMs,
			responseLatencyMs: settings.responseLatencyMs,
			baseUrl: () => url,
		}),
	);
	const port = await listen(server, settings.port);
	url = `http://127.0.0.1:${port}`;

	return {
		url,
		apiKey: settings.apiKeys[0] ?? '',
		requests,
		state,
		addFault: (rule) => faults.add(rule),
		clearFaults: () => faults.clear(),
		deliver: (request) => deliverer.deliver(request),
		setRateLimit: (perSecond) => rateLimiter.setLimit(perSecond),
		setResponseDelay: (ms) => {
			responseDelayMs = ms;
		},
		reset: () => {
			requests.length = 0;
			faults.clear();
			rateLimiter.clear();
			clearWebhooks(state);
			restoreWorkspace(state, seeded);
		},
		close: async () => {
			const closed = new Promise<void>((resolve) => server.close(() => resolve()));
			server.closeAllConnections();
			await Promise.all([closed, deliverer.close()]);
		},
	};
}

function listen(server: Server, port: number): Promise<number> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
	});
}

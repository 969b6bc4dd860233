import type { ErrorCatalog } from './errors';
import { PathMatcher, type PathMatch } from './path-matcher';
import type { StandInState } from './state';
import type { Deliverer } from './webhooks/deliverer';

export type QueryValues = Record<string, string | string[]>;

export interface RouteContext {
	state: StandInState;
	params: Record<string, string>;
	query: QueryValues;
	body: unknown;
	deliverer: Deliverer;
	/** The stand-in's own URL, for links it hands out (media files). */
	baseUrl: string;
}

export interface RouteResponse {
	status: number;
	/** Omitted for 204. */
	body?: unknown;
}

export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** The OpenAPI path template, e.g. `/v1/webhooks/{id}`. */
	path: string;
	operationId: string;
	errors: ErrorCatalog;
	handle(context: RouteContext): RouteResponse | Promise<RouteResponse>;
}

export class Router {
	private readonly matcher = new PathMatcher<Route>();

	constructor(routes: Route[]) {
		for (const route of routes) this.matcher.add(route.method, route.path, route);
	}

	match(method: string, path: string): PathMatch<Route> | null {
		return this.matcher.match(method, path);
	}
}

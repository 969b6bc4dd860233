// The public face of the webhook processes, as a load balancer in front of them would be: a loopback HTTP proxy
// that hands each request to the next upstream in turn and remembers which one answered which delivery.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxiedRequest {
	method: string;
	path: string;
	/** Index into the upstreams. */
	upstream: number;
	/** Quo's `webhook-id` header (2026-03-30 deliveries), if any. */
	deliveryId: string | undefined;
	/** The upstream's status; 502 when it could not be reached. */
	status: number;
}

export class RoundRobinProxy {
	readonly requests: ProxiedRequest[] = [];
	private next = 0;

	private constructor(
		private readonly server: Server,
		readonly upstreams: string[],
	) {}

	/** Listens on 127.0.0.1:<free port>; `upstreams` are base URLs such as http://127.0.0.1:5678. */
	static async start(upstreams: string[]): Promise<RoundRobinProxy> {
		const server = createServer();
		const proxy = new RoundRobinProxy(server, upstreams);
		server.on('request', (req, res) => {
			const upstream = proxy.next;
			proxy.next = (proxy.next + 1) % upstreams.length;
			const record: ProxiedRequest = {
				method: req.method ?? 'GET',
				path: req.url ?? '/',
				upstream,
				deliveryId: header(req, 'webhook-id'),
				status: 0,
			};
			proxy.requests.push(record);
			const target = new URL(record.path, upstreams[upstream]);
			const forwarded = httpRequest(
				target,
				{ method: record.method, headers: req.headers },
				(answer) => {
					record.status = answer.statusCode ?? 0;
					res.writeHead(record.status, answer.headers);
					answer.pipe(res);
				},
			);
			forwarded.on('error', (error) => {
				record.status = 502;
				if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
				res.end(`proxy: ${upstreams[upstream]} unreachable: ${error.message}`);
			});
			req.pipe(forwarded);
		});
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(0, '127.0.0.1', resolve);
		});
		return proxy;
	}

	get url(): string {
		return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
	}

	/** The upstream that answered the first request carrying this delivery id. */
	upstreamOf(deliveryId: string): number | undefined {
		return this.requests.find((r) => r.deliveryId === deliveryId)?.upstream;
	}

	close(): Promise<void> {
		this.server.closeAllConnections();
		return new Promise((resolve) => this.server.close(() => resolve()));
	}
}

function header(req: IncomingMessage, name: string): string | undefined {
	const value = req.headers[name];
	return Array.isArray(value) ? value[0] : value;
}

import { setTimeout as realDelay } from 'node:timers/promises';
import dns from 'node:dns';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	isLocalHost,
	linkPolicyFor,
	linkProblem,
} from '../../nodes/Quo/actions/call/mediaDownload';
import { N8nRuntime } from '../harness/runtime';
import { quoNode, useQuoNode } from '../nodes/Quo/actions/support';

const MB = 1024 * 1024;

const session = useQuoNode({ seed: { calls: 8 } });
const state = () => session.standIn.state;
const answered = () => state().calls[0]!;
const missed = () => state().calls[1]!;

const getVoicemail = (options: Record<string, unknown> = {}) => ({
	resource: 'call',
	operation: 'getVoicemail',
	callId: missed().id,
	download: true,
	options,
});

/** A storage host on 127.0.0.1 that answers each path as `answer` says and records the paths asked for. */
interface MediaHost {
	url: string;
	port: number;
	paths: string[];
	/** Whether any request carried an Authorization header. */
	sawAuthorization: boolean;
	close(): Promise<void>;
}

const hosts: MediaHost[] = [];
afterEach(async () => await Promise.all(hosts.splice(0).map(async (host) => await host.close())));

async function startMediaHost(
	answer: (path: string, response: ServerResponse) => void,
): Promise<MediaHost> {
	const server = createServer((request, response) => {
		host.paths.push(request.url ?? '');
		host.sawAuthorization ||= request.headers.authorization !== undefined;
		answer(request.url ?? '', response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const host: MediaHost = {
		url: `http://127.0.0.1:${port}`,
		port,
		paths: [],
		sawAuthorization: false,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
	hosts.push(host);
	return host;
}

function redirect(response: ServerResponse, location: string): void {
	response.writeHead(302, { location });
	response.end();
}

const audio = Buffer.alloc(4096, 7);

function serveAudio(response: ServerResponse): void {
	response.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': String(audio.length) });
	response.end(audio);
}

/**
 * Writes up to `total` bytes without a Content-Length, as fast as the client reads; resolves with the bytes written
 * once the connection closes, early or not.
 */
function streamWithoutLength(response: ServerResponse, total: number): Promise<number> {
	return new Promise((resolve) => {
		const chunk = Buffer.alloc(64 * 1024);
		let written = 0;
		response.on('close', () => resolve(written));
		response.writeHead(200, { 'content-type': 'audio/mpeg' });
		const write = (): void => {
			while (written < total && !response.destroyed) {
				written += chunk.length;
				if (!response.write(chunk)) {
					response.once('drain', write);
					return;
				}
			}
			if (written >= total) response.end();
		};
		write();
	});
}

/** The stand-in's media links answer with a redirect to `location`. */
function redirectMediaTo(location: string): void {
	session.standIn.addFault({
		method: 'GET',
		path: /^\/media\//,
		status: 302,
		headers: { location },
		rawBody: '',
		times: Infinity,
	});
}

describe('which links are fetched: the check made on every hop', () => {
	const quoBaseUrl = linkPolicyFor('https://api.quo.com');

	test.each([
		'https://127.0.0.1/internal',
		'https://127.9.9.9/',
		'https://2130706433/', // 127.0.0.1 as one number
		'https://0x7f.1/', // 127.0.0.1 in hex and short form
		'https://0.0.0.0/',
		'https://10.0.0.5/',
		'https://172.16.0.1/',
		'https://172.31.255.255/',
		'https://192.168.1.1/',
		'https://169.254.169.254/latest/meta-data/',
		'https://100.100.100.200/',
		'https://localhost/',
		'https://LOCALHOST./',
		'https://storage.localhost/',
		'https://[::1]/',
		'https://[::]/',
		'https://[::ffff:127.0.0.1]/',
		'https://[::ffff:a9fe:a9fe]/', // 169.254.169.254, IPv4-mapped
		'https://[fe80::1]/',
		'https://[fd12:3456::1]/',
		'https://[fc00::1]/',
	])("with Quo's Base URL, a redirect to %s is refused as a local address", (target) => {
		expect(linkProblem(new URL(target), quoBaseUrl)).toBe(
			"which is a private, loopback or link-local address (fetched only when the credential's Base URL is one too)",
		);
	});

	test.each([
		'https://storage.googleapis.com/quo-media/CR1.mp3?X-Goog-Signature=abc',
		'https://8.8.8.8/',
		'https://172.32.0.1/',
		'https://192.169.0.1/',
		'https://100.128.0.1/',
		'https://[2001:4860:4860::8888]/',
		'https://[::ffff:808:808]/', // 8.8.8.8, IPv4-mapped
		'https://localhost.example.com/',
	])("with Quo's Base URL, %s is fetched", (target) => {
		expect(linkProblem(new URL(target), quoBaseUrl)).toBeUndefined();
	});

	test.each([
		'http://storage.googleapis.com/CR1.mp3',
		'ftp://storage.example.com/CR1.mp3',
		'file:///etc/passwd',
	])('with an https Base URL, %s is refused for not being https', (target) => {
		expect(linkProblem(new URL(target), quoBaseUrl)).toBe(
			"which is not https (http is fetched only when the credential's Base URL is http too)",
		);
	});

	test('a Base URL allows http only when it is http, and local hosts only when it is local', () => {
		expect(linkPolicyFor('http://127.0.0.1:4010')).toEqual({
			allowHttp: true,
			allowLocalHosts: true,
		});
		expect(linkPolicyFor('http://quo-proxy.example.com')).toEqual({
			allowHttp: true,
			allowLocalHosts: false,
		});
		expect(linkPolicyFor('https://localhost:8443')).toEqual({
			allowHttp: false,
			allowLocalHosts: true,
		});
		expect(linkPolicyFor(undefined)).toEqual({ allowHttp: false, allowLocalHosts: false });
		expect(isLocalHost('[::1]')).toBe(true);
	});
});

describe('with a local Base URL (the stand-in on 127.0.0.1)', () => {
	test('redirects among local hosts are followed, and no host is sent the API key', async () => {
		const host = await startMediaHost((path, response) =>
			path === '/hop' ? redirect(response, '/voicemail.wav') : serveAudio(response),
		);
		redirectMediaTo(`${host.url}/hop`);

		const [item] = await session.run(getVoicemail());

		const binary = item.binary!.data as IBinaryData;
		expect(Buffer.from(binary.data, 'base64').equals(audio)).toBe(true);
		expect(host.paths).toEqual(['/hop', '/voicemail.wav']);
		expect(host.sawAuthorization).toBe(false);
		expect(
			session.standIn.requests
				.filter((request) => request.path.startsWith('/media/'))
				.map((request) => request.apiKey),
		).toEqual([null]);
	});

	test('a chain of redirects is given up after 5', async () => {
		const host = await startMediaHost((path, response) =>
			redirect(response, `/loop${Number(path.slice(5)) + 1}`),
		);
		redirectMediaTo(`${host.url}/loop1`);

		const error = await session.failure(getVoicemail());

		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe(
			`Could not download the voicemail of call ${missed().id}: more than 5 redirects`,
		);
		expect(host.paths).toEqual(['/loop1', '/loop2', '/loop3', '/loop4', '/loop5']);
	});

	test('a redirect to another scheme is refused', async () => {
		redirectMediaTo('ftp://127.0.0.1/voicemail.wav');

		const error = await session.failure(getVoicemail());

		expect(error.message).toBe(
			`Could not download the voicemail of call ${missed().id}: the storage host redirects to 'ftp://127.0.0.1', which is not https (http is fetched only when the credential's Base URL is http too)`,
		);
	});
});

describe('Max File Size (MB)', () => {
	const tooLarge = (what: string, mb: number) =>
		`Could not download the ${what}: it is larger than ${mb} MB; raise "Max File Size (MB)" in the options of the operation to download it`;

	test('a file whose Content-Length is over the limit fails the item, naming the file, the limit and the option', async () => {
		const size = 1.5 * MB;
		session.standIn.addFault({
			method: 'GET',
			path: /^\/media\//,
			status: 200,
			rawBody: 'x'.repeat(size),
			contentType: 'audio/mpeg',
			headers: { 'content-length': String(size) },
			times: Infinity,
		});

		const error = await session.failure({
			resource: 'call',
			operation: 'getRecordings',
			callId: answered().id,
			download: true,
			options: { maxFileSizeMb: 1 },
		});

		expect(error).toBeInstanceOf(NodeOperationError);
		// Both segments are too large; whichever fails first is named.
		expect(error.message.replace(/recording CR\w+/, 'recording CR…')).toBe(
			tooLarge(`recording CR… of call ${answered().id}`, 1),
		);
	});

	test('a file sent without a length is cut off once past the limit: the rest is never read', async () => {
		const total = 32 * MB;
		const written: Array<Promise<number>> = [];
		const host = await startMediaHost((_path, response) =>
			written.push(streamWithoutLength(response, total)),
		);
		redirectMediaTo(`${host.url}/voicemail.wav`);

		const error = await session.failure(getVoicemail({ maxFileSizeMb: 1 }));

		expect(error.message).toBe(tooLarge(`voicemail of call ${missed().id}`, 1));
		const [bytesWritten] = await Promise.all(written);
		expect(bytesWritten).toBeLessThan(total);
	});

	test('the limit is 100 MB unless set, and a file within it arrives whole', async () => {
		const [item] = await session.run(getVoicemail());
		const [limited] = await session.run(getVoicemail({ maxFileSizeMb: 1 }));

		expect(
			quoNode.description.properties.find(
				(property) =>
					property.name === 'options' &&
					property.displayOptions?.show?.operation?.includes('getVoicemail'),
			),
		).toMatchObject({ options: [{ name: 'maxFileSizeMb', default: 100 }] });
		expect((item.binary!.data as IBinaryData).bytes).toBe(
			state().media[new URL(item.json.recordingUrl as string).pathname]!.bytes.length,
		);
		expect(limited.binary!.data).toEqual(item.binary!.data);
	});

	test.each([0, -5, 'ten'])(
		'%p fails before any request, naming the field',
		async (maxFileSizeMb) => {
			const error = await session.failure(getVoicemail({ maxFileSizeMb }));

			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(
				`Max File Size (MB): '${String(maxFileSizeMb)}' is not a number of megabytes above 0`,
			);
			expect(error.context?.itemIndex).toBe(0);
			expect(session.standIn.requests).toHaveLength(0);
		},
	);
});

describe('with a Base URL that is not local', () => {
	// Names under quo.test resolve to 127.0.0.1 here, so that Quo's API and a storage host look like remote hosts while
	// every connection stays on this machine.
	const realLookup = dns.lookup;
	beforeAll(() => {
		const lookup = (hostname: string, options: unknown, callback?: unknown) => {
			const done = (typeof options === 'function' ? options : callback) as (
				...args: unknown[]
			) => void;
			if (!hostname.endsWith('.quo.test'))
				return (realLookup as (...args: unknown[]) => void)(hostname, options, callback);
			const all =
				typeof options === 'object' && options !== null && (options as { all?: boolean }).all;
			return all ? done(null, [{ address: '127.0.0.1', family: 4 }]) : done(null, '127.0.0.1', 4);
		};
		(dns as { lookup: unknown }).lookup = lookup;
	});
	afterAll(() => {
		dns.lookup = realLookup;
	});

	/** The Quo node with the Base URL http://api.quo.test:<stand-in port>, and Quo's recordings linking to `link`. */
	async function getRecordingFrom(link: string): Promise<INodeExecutionData[]> {
		const call = answered();
		const [recording] = state().callRecordings[call.id]!;
		session.standIn.addFault({
			method: 'GET',
			path: `/v1/call-recordings/${call.id}`,
			status: 200,
			body: { data: [{ ...recording, url: link }] },
		});
		const runtime = new N8nRuntime({
			baseUrl: session.standIn.url.replace('127.0.0.1', 'api.quo.test'),
			apiKey: session.standIn.apiKey,
		});
		const [output] = await runtime.execute({
			nodeType: quoNode,
			parameters: { resource: 'call', operation: 'getRecordings', callId: call.id, download: true },
		});
		return output;
	}

	test('a storage host that redirects to 127.0.0.1 is not followed there', async () => {
		const host = await startMediaHost((path, response) =>
			path === '/internal' ? serveAudio(response) : redirect(response, `${host.url}/internal`),
		);

		const failure = await getRecordingFrom(
			`http://media.quo.test:${host.port}/CR1.mp3?signature=abc`,
		).catch((error: Error) => error);

		expect(failure).toBeInstanceOf(NodeOperationError);
		expect((failure as Error).message).toMatch(
			new RegExp(
				`: the storage host redirects to 'http://127\\.0\\.0\\.1:${host.port}', which is a private, loopback or link-local address`,
			),
		);
		expect(host.paths).toEqual(['/CR1.mp3?signature=abc']);
	});

	test('a link to 127.0.0.1 is refused before any request; one to a remote-looking host is fetched', async () => {
		const host = await startMediaHost((_path, response) => serveAudio(response));

		const failure = await getRecordingFrom(`${host.url}/CR1.mp3`).catch((error: Error) => error);
		const [fetched] = await getRecordingFrom(`http://media.quo.test:${host.port}/CR1.mp3`);

		expect((failure as Error).message).toMatch(
			/: Quo links to 'http:\/\/127\.0\.0\.1:\d+', which is a private, loopback or link-local address/,
		);
		expect(Buffer.from((fetched.binary!.data as IBinaryData).data, 'base64').equals(audio)).toBe(
			true,
		);
		expect(host.paths).toEqual(['/CR1.mp3']);
	});
});

describe('a storage host that stops sending mid-file', () => {
	afterEach(() => jest.useRealTimers());

	test('fails the item after 60 seconds of silence, naming the file, and closes the connection', async () => {
		let closed = false;
		const host = await startMediaHost((_path, response) => {
			response.on('close', () => (closed = true));
			response.writeHead(200, { 'content-type': 'audio/mpeg' });
			response.write(Buffer.alloc(1024, 7));
		});
		redirectMediaTo(`${host.url}/voicemail.wav`);
		jest.useFakeTimers({
			doNotFake: [
				'nextTick',
				'setImmediate',
				'clearImmediate',
				'queueMicrotask',
				'hrtime',
				'performance',
			],
		});

		let settled = false;
		const failure = session.failure(getVoicemail()).finally(() => (settled = true));
		for (let waited = 0; waited < 400 && host.paths.length === 0; waited++) await realDelay(5);
		// A fake second at a time, with real time in between for the socket: at most two fake minutes.
		for (let second = 0; second < 120 && !settled; second++) {
			await realDelay(10);
			jest.advanceTimersByTime(1000);
		}

		expect(settled).toBe(true);
		expect((await failure).message).toBe(
			`Could not download the voicemail of call ${missed().id}: the storage host sent nothing for 60 seconds; try again later`,
		);
		for (let waited = 0; waited < 400 && !closed; waited++) await realDelay(5);
		expect(closed).toBe(true);
	});
});

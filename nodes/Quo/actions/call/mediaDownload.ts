import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { abortableSleep } from '../../transport/abortableSleep';
import {
	type BodyStream,
	headerValue,
	type StreamedResponse,
} from '../../transport/streamedResponse';
import { fieldError } from '../fieldErrors';

/** How long the storage host may stay silent: before its headers, and between two parts of the file. */
const DOWNLOAD_TIMEOUT_MS = 60_000;

/** Redirects followed per file; pre-signed storage links need one or two at most. */
const MAX_REDIRECTS = 5;

export const DEFAULT_MAX_FILE_SIZE_MB = 100;

const BYTES_PER_MB = 1024 * 1024;

const EXTENSIONS: Record<string, string> = {
	'audio/mpeg': 'mp3',
	'audio/mp3': 'mp3',
	'audio/mp4': 'm4a',
	'audio/ogg': 'ogg',
	'audio/wav': 'wav',
	'audio/wave': 'wav',
	'audio/webm': 'webm',
	'audio/x-wav': 'wav',
};

/** A recording or voicemail file that Quo links to. */
export interface QuoMedia {
	url: string;
	/** The file name without extension, e.g. "AC123-CR456". */
	baseName: string;
	/** The type Quo reports, used when the file's host sends none. */
	mimeType?: string | null;
	/** What it is, for errors: "recording CR456 of call AC123". */
	what: string;
}

/** Where the downloaded files of an item go, and how large one may be. */
export interface DownloadTarget {
	/** The "Put Output File in Field" parameter. */
	property: string;
	/** "Max File Size (MB)". */
	maxFileSizeMb: number;
}

/** Which links are fetched, by the credential's Base URL: a local stand-in may link to itself over http. */
export interface LinkPolicy {
	allowHttp: boolean;
	allowLocalHosts: boolean;
}

/**
 * The body's parts as they arrive; undefined marks a silence of DOWNLOAD_TIMEOUT_MS. n8n's own timeout ends once the
 * headers are in, so without this a host that stops sending mid-file would hold the item until the execution is
 * cancelled.
 */
async function* partsUntilSilence(body: BodyStream): AsyncGenerator<Uint8Array | undefined> {
	const parts = body[Symbol.asyncIterator]();
	for (;;) {
		const heard = new AbortController();
		const silence = abortableSleep(DOWNLOAD_TIMEOUT_MS, heard.signal).then(
			() => 'silent' as const,
			() => 'heard' as const,
		);
		const next = await Promise.race([parts.next(), silence]);
		heard.abort();
		if (next === 'silent') {
			yield undefined;
			return;
		}
		if (next === 'heard' || next.done) return;
		yield next.value;
	}
}

/** "Put Output File in Field" and "Max File Size (MB)" of an item, checked before any request. */
export function downloadTargetOf(this: IExecuteFunctions, itemIndex: number): DownloadTarget {
	const node = this.getNode();
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (property === '')
		throw fieldError(node, 'Put Output File in Field', 'required when Download is on', itemIndex);
	const maxMb = this.getNodeParameter('options.maxFileSizeMb', itemIndex, DEFAULT_MAX_FILE_SIZE_MB);
	if (typeof maxMb !== 'number' || !(maxMb > 0) || !Number.isFinite(maxMb)) {
		throw fieldError(
			node,
			'Max File Size (MB)',
			`'${String(maxMb)}' is not a number of megabytes above 0`,
			itemIndex,
		);
	}
	return { property, maxFileSizeMb: maxMb };
}

function ipv4IsLocal(address: string): boolean {
	const [a = 0, b = 0] = address.split('.').map(Number);
	return (
		a === 0 || // "this network": 0.0.0.0 reaches the host itself
		a === 10 ||
		a === 127 ||
		(a === 100 && b >= 64 && b <= 127) || // carrier-grade NAT, where some clouds put their metadata service
		(a === 169 && b === 254) ||
		(a === 172 && b >= 16 && b <= 31) ||
		(a === 192 && b === 168)
	);
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (hex groups, at most one `::`). */
function ipv6Groups(address: string): number[] {
	const [head = '', tail] = address.split('::');
	const groupsOf = (text: string) =>
		text === '' ? [] : text.split(':').map((group) => parseInt(group, 16));
	const [first, last] = [groupsOf(head), groupsOf(tail ?? '')];
	return tail === undefined
		? first
		: [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last];
}

function ipv6IsLocal(address: string): boolean {
	const groups = ipv6Groups(address);
	const [g0 = 0, , , , , g5 = 0, g6 = 0, g7 = 0] = groups;
	const zeroUpTo = (end: number) => groups.slice(0, end).every((group) => group === 0);
	if (zeroUpTo(7) && g7 <= 1) return true; // :: and ::1
	if (zeroUpTo(5) && g5 === 0xffff)
		return ipv4IsLocal(`${g6 >> 8}.${g6 & 0xff}.${g7 >> 8}.${g7 & 0xff}`); // ::ffff:a.b.c.d
	return (g0 & 0xfe00) === 0xfc00 || (g0 & 0xffc0) === 0xfe80; // unique local fc00::/7, link-local fe80::/10
}

/**
 * Whether a URL's host names this machine or a private network: `localhost`, or a private, loopback or link-local
 * IPv4 or IPv6 address. The URL parser has already written any form of an address (`0x7f.1`, `[::ffff:127.0.0.1]`)
 * in its one canonical form. Names that resolve to such addresses are not looked up.
 */
export function isLocalHost(hostname: string): boolean {
	const host = hostname.toLowerCase().replace(/\.$/, '');
	if (host === 'localhost' || host.endsWith('.localhost')) return true;
	if (host.startsWith('[')) return ipv6IsLocal(host.slice(1, -1));
	return /^\d+\.\d+\.\d+\.\d+$/.test(host) && ipv4IsLocal(host);
}

/** Quo's links are https; a Base URL that is itself http or local (a stand-in) allows its own kind of link. */
export function linkPolicyFor(baseUrl: string | undefined): LinkPolicy {
	let base: URL;
	try {
		base = new URL(baseUrl ?? '');
	} catch {
		return { allowHttp: false, allowLocalHosts: false };
	}
	return { allowHttp: base.protocol === 'http:', allowLocalHosts: isLocalHost(base.hostname) };
}

/** Why a link (Quo's, or a redirect's target) is not fetched, as "which is …", or undefined when it may be. */
export function linkProblem(link: URL, policy: LinkPolicy): string | undefined {
	const allowed = policy.allowHttp ? ['https:', 'http:'] : ['https:'];
	if (!allowed.includes(link.protocol)) {
		return "which is not https (http is fetched only when the credential's Base URL is http too)";
	}
	if (!policy.allowLocalHosts && isLocalHost(link.hostname)) {
		return "which is a private, loopback or link-local address (fetched only when the credential's Base URL is one too)";
	}
	return undefined;
}

function extensionOf(url: string, mimeType: string): string {
	const fromPath = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1];
	return (fromPath ?? EXTENSIONS[mimeType] ?? 'bin').toLowerCase();
}

/**
 * Fetches a recording or voicemail as n8n binary data. Quo's media links are pre-signed public URLs on a storage
 * host, not API paths, so they are fetched with n8n's plain HTTP helper: the API key never goes to that host.
 * Redirects are followed here rather than by n8n, so that each target is checked against the link policy; the
 * body is read as a stream and given up once it passes `maxBytes`, so a file never takes more memory than that.
 */
async function downloadMedia(
	this: IExecuteFunctions,
	media: QuoMedia,
	policy: LinkPolicy,
	maxFileSizeMb: number,
	itemIndex: number,
): Promise<IBinaryData> {
	const node = this.getNode();
	const refuse = (reason: string) =>
		new NodeOperationError(node, `Could not download the ${media.what}: ${reason}`, { itemIndex });
	const linkOf = (text: string, base?: URL) => {
		try {
			return new URL(text, base);
		} catch {
			throw refuse(`'${text}' is not a URL`);
		}
	};

	let url = linkOf(media.url);
	let response: StreamedResponse;
	for (let redirects = 0; ; redirects++) {
		const problem = linkProblem(url, policy);
		if (problem !== undefined) {
			const where = `'${url.protocol}//${url.host}'`;
			throw refuse(
				redirects === 0
					? `Quo links to ${where}, ${problem}`
					: `the storage host redirects to ${where}, ${problem}`,
			);
		}
		try {
			response = (await this.helpers.httpRequest({
				method: 'GET',
				url: url.href,
				encoding: 'stream',
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				disableFollowRedirect: true,
				timeout: DOWNLOAD_TIMEOUT_MS,
				abortSignal: this.getExecutionCancelSignal(),
			})) as StreamedResponse;
		} catch (error) {
			throw new NodeApiError(node, error as JsonObject, {
				message: `Could not download the ${media.what}`,
				description: 'The storage host Quo links to did not answer. Try again later.',
				itemIndex,
			});
		}
		const location = headerValue(response.headers, 'location');
		if (response.statusCode < 300 || response.statusCode >= 400 || location === undefined) break;
		response.body.destroy();
		if (redirects === MAX_REDIRECTS) throw refuse(`more than ${MAX_REDIRECTS} redirects`);
		url = linkOf(location, url);
	}

	if (response.statusCode >= 300) {
		response.body.destroy();
		throw new NodeApiError(node, { status: response.statusCode } as JsonObject, {
			message: `Could not download the ${media.what}: HTTP ${response.statusCode}`,
			description:
				"Quo's download links expire after a while; run the operation again for a fresh link.",
			httpCode: String(response.statusCode),
			itemIndex,
		});
	}
	const maxBytes = maxFileSizeMb * BYTES_PER_MB;
	const tooLarge = () =>
		refuse(
			`it is larger than ${maxFileSizeMb} MB; raise "Max File Size (MB)" in the options of the operation to download it`,
		);
	if (Number(headerValue(response.headers, 'content-length')) > maxBytes) {
		response.body.destroy();
		throw tooLarge();
	}
	const chunks: Uint8Array[] = [];
	let received = 0;
	let stalled = false;
	try {
		for await (const chunk of partsUntilSilence(response.body)) {
			stalled = chunk === undefined;
			if (chunk === undefined) break;
			received += chunk.length;
			if (received > maxBytes) break;
			chunks.push(chunk);
		}
	} catch (error) {
		throw new NodeApiError(node, error as JsonObject, {
			message: `Could not download the ${media.what}`,
			description: 'The connection to the storage host Quo links to broke off. Try again later.',
			itemIndex,
		});
	} finally {
		// Closes the connection when the loop was left early: nothing more is read.
		response.body.destroy();
	}
	if (stalled)
		throw refuse(
			`the storage host sent nothing for ${DOWNLOAD_TIMEOUT_MS / 1000} seconds; try again later`,
		);
	if (received > maxBytes) throw tooLarge();

	const mimeHeader = headerValue(response.headers, 'content-type')
		?.split(';')[0]
		?.trim()
		.toLowerCase();
	const mimeType =
		mimeHeader && mimeHeader !== 'application/octet-stream'
			? mimeHeader
			: (media.mimeType ?? mimeHeader ?? 'application/octet-stream');
	const fileName = `${media.baseName}.${extensionOf(media.url, mimeType)}`;
	return await this.helpers.prepareBinaryData(Buffer.concat(chunks), fileName, mimeType);
}

/** One output item per media entry: its JSON, plus the file under `target.property` where it has a link. */
export async function withDownloads(
	this: IExecuteFunctions,
	entries: Array<{ json: IDataObject; media: QuoMedia | undefined }>,
	target: DownloadTarget,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { baseUrl } = await this.getCredentials<{ baseUrl?: string }>('quoApi');
	const policy = linkPolicyFor(baseUrl);
	return await Promise.all(
		entries.map(async ({ json, media }) =>
			media
				? {
						json,
						binary: {
							[target.property]: await downloadMedia.call(
								this,
								media,
								policy,
								target.maxFileSizeMb,
								itemIndex,
							),
						},
					}
				: { json },
		),
	);
}

import type { IBinaryData, IDataObject, IExecuteFunctions, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { fieldError } from './fieldErrors';

const DOWNLOAD_TIMEOUT_MS = 60_000;

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

interface FullResponse {
	statusCode: number;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
}

/** The "Put Output File in Field" parameter of an item, checked before any request. */
export function binaryPropertyOf(this: IExecuteFunctions, itemIndex: number): string {
	const name = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data')).trim();
	if (name === '') throw fieldError(this.getNode(), 'Put Output File in Field', 'required when Download is on', itemIndex);
	return name;
}

function extensionOf(url: string, mimeType: string): string {
	const fromPath = /\.([a-z0-9]{2,5})$/i.exec(new URL(url).pathname)?.[1];
	return (fromPath ?? EXTENSIONS[mimeType] ?? 'bin').toLowerCase();
}

/**
 * Fetches a recording or voicemail as n8n binary data. Quo's media links are pre-signed public URLs on a storage
 * host, not API paths, so they are fetched with n8n's plain HTTP helper: the API key never goes to that host.
 */
export async function downloadMedia(this: IExecuteFunctions, media: QuoMedia, itemIndex: number): Promise<IBinaryData> {
	if (!/^https?:\/\//i.test(media.url)) {
		throw new NodeApiError(this.getNode(), { url: media.url } as JsonObject, {
			message: `Quo gave no downloadable link for the ${media.what}`,
			description: `The link '${media.url}' is not an http(s) URL.`,
			itemIndex,
		});
	}
	let response: FullResponse;
	try {
		response = (await this.helpers.httpRequest({
			method: 'GET',
			url: media.url,
			encoding: 'arraybuffer',
			json: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout: DOWNLOAD_TIMEOUT_MS,
		})) as FullResponse;
	} catch (error) {
		throw new NodeApiError(this.getNode(), error as JsonObject, {
			message: `Could not download the ${media.what}`,
			description: 'The storage host Quo links to did not answer. Try again later.',
			itemIndex,
		});
	}
	if (response.statusCode >= 300) {
		throw new NodeApiError(this.getNode(), { status: response.statusCode } as JsonObject, {
			message: `Could not download the ${media.what}: HTTP ${response.statusCode}`,
			description: "Quo's download links expire after a while; run the operation again for a fresh link.",
			httpCode: String(response.statusCode),
			itemIndex,
		});
	}
	const header = response.headers['content-type'];
	const sent = (Array.isArray(header) ? header[0] : header)?.split(';')[0]?.trim().toLowerCase();
	const mimeType = sent && sent !== 'application/octet-stream' ? sent : (media.mimeType ?? sent ?? 'application/octet-stream');
	const body = response.body;
	const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body as ArrayBuffer);
	return await this.helpers.prepareBinaryData(bytes, `${media.baseName}.${extensionOf(media.url, mimeType)}`, mimeType);
}

/** One output item per media entry: its JSON, plus the file under `property` where it has a link. */
export async function withDownloads(
	this: IExecuteFunctions,
	entries: Array<{ json: IDataObject; media: QuoMedia | undefined }>,
	property: string,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return await Promise.all(
		entries.map(async ({ json, media }) =>
			media ? { json, binary: { [property]: await downloadMedia.call(this, media, itemIndex) } } : { json },
		),
	);
}

import type { Answer } from './http-io';
import { randomId } from './ids';
import type { QueryValues } from './router';
import type { MediaFile, StandInState } from './state';

/**
 * Quo's recordings and voicemails are files on a storage host behind pre-signed links. The stand-in serves
 * them under `/media/`: no API key, no version header, only the link's token; a wrong token is a 403, as an
 * expired link would be.
 */
export const mediaPrefix = '/media/';

export function isMediaPath(path: string): boolean {
	return path.startsWith(mediaPrefix);
}

/** The answer for a `/media/…` request. */
export function mediaAnswer(
	state: StandInState,
	method: string,
	path: string,
	query: QueryValues,
): Answer {
	const file = state.media[path];
	if (method !== 'GET' || !file)
		return { status: 404, rawBody: 'Not Found', contentType: 'text/plain' };
	if (query.token !== file.token)
		return { status: 403, rawBody: 'Request has expired', contentType: 'text/plain' };
	return { status: 200, bytes: file.bytes, contentType: file.contentType };
}

/** Registers a file and returns its pre-signed link, relative to the stand-in's URL. */
export function addMedia(
	state: StandInState,
	path: string,
	contentType: string,
	bytes: Buffer,
): string {
	const file: MediaFile = { contentType, bytes, token: randomId('', 24) };
	state.media[path] = file;
	return `${path}?token=${file.token}`;
}

/** A link stored as a stand-in path becomes absolute when answered. */
export function absoluteMediaUrl(baseUrl: string, link: string | null): string | null {
	return link === null ? null : `${baseUrl}${link}`;
}

/**
 * A short valid MP3: MPEG-1 Layer III frames at 128 kbit/s, 44.1 kHz, mono, each 417 bytes with a zeroed body
 * (side information all zero decodes as silence).
 */
export function silentMp3(frames: number): Buffer {
	const frameLength = 417;
	const audio = Buffer.alloc(frames * frameLength);
	for (let frame = 0; frame < frames; frame++)
		audio.set([0xff, 0xfb, 0x90, 0xc4], frame * frameLength);
	return audio;
}

/** A valid WAV file: 16-bit mono PCM at 8 kHz holding a 440 Hz tone. */
export function toneWav(seconds: number): Buffer {
	const sampleRate = 8000;
	const samples = Math.round(seconds * sampleRate);
	const header = Buffer.alloc(44);
	header.write('RIFF', 0, 'ascii');
	header.writeUInt32LE(36 + samples * 2, 4);
	header.write('WAVE', 8, 'ascii');
	header.write('fmt ', 12, 'ascii');
	header.writeUInt32LE(16, 16);
	header.writeUInt16LE(1, 20);
	header.writeUInt16LE(1, 22);
	header.writeUInt32LE(sampleRate, 24);
	header.writeUInt32LE(sampleRate * 2, 28);
	header.writeUInt16LE(2, 32);
	header.writeUInt16LE(16, 34);
	header.write('data', 36, 'ascii');
	header.writeUInt32LE(samples * 2, 40);
	const data = Buffer.alloc(samples * 2);
	for (let sample = 0; sample < samples; sample++) {
		data.writeInt16LE(
			Math.round(8000 * Math.sin((2 * Math.PI * 440 * sample) / sampleRate)),
			sample * 2,
		);
	}
	return Buffer.concat([header, data]);
}

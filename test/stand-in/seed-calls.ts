import { randomId } from './ids';
import { addMedia, silentMp3, toneWav } from './media';
import type { Call, PhoneNumber, StandInState, User } from './state';

/**
 * `count` calls between the line and the participant, newest first, one every ten minutes; every fifth (the
 * second, seventh, …) was missed. What Quo made of them, by position:
 * - 0: two recording segments (MP3), a completed summary and transcript;
 * - 1: a completed voicemail (WAV);
 * - 2: summary and transcript still in progress, a recording still processing (no link yet);
 * - 3: nothing yet (summary and transcript answer 404);
 * - 6: a voicemail still in progress.
 */
export function seedCalls(
	state: StandInState,
	count: number,
	line: PhoneNumber | undefined,
	owner: User | undefined,
	participant: string,
): Call[] {
	if (count === 0) return [];
	if (!line || !owner) throw new Error('Seeding calls needs a phone number and a user');
	const now = Date.now();
	const calls = Array.from({ length: count }, (_, index): Call => {
		const missed = index % 5 === 1;
		const incoming = missed || index % 2 === 0;
		const createdAt = new Date(now - (index + 1) * 600_000).toISOString();
		const duration = missed ? 0 : 60 + index;
		const answeredAt = missed ? null : new Date(Date.parse(createdAt) + 5_000).toISOString();
		const completedAt = new Date(Date.parse(createdAt) + 5_000 + duration * 1000).toISOString();
		return {
			answeredAt,
			answeredBy: missed ? null : owner.id,
			initiatedBy: incoming ? null : owner.id,
			direction: incoming ? 'incoming' : 'outgoing',
			status: missed ? 'missed' : 'completed',
			completedAt,
			createdAt,
			callRoute: null,
			duration,
			forwardedFrom: null,
			forwardedTo: null,
			aiHandled: null,
			id: randomId('AC', 32),
			phoneNumberId: line.id,
			participants: [participant, line.number],
			updatedAt: completedAt,
			userId: owner.id,
		};
	});
	seedArtifacts(state, calls, owner);
	return calls;
}

function seedArtifacts(state: StandInState, calls: Call[], owner: User): void {
	const [answered, missed, recent] = calls;
	if (answered) {
		state.callRecordings[answered.id] = [0, 1].map((segment) => {
			const id = randomId('CR', 10);
			return {
				duration: 30,
				id,
				startTime: new Date(
					Date.parse(answered.answeredAt ?? answered.createdAt) + segment * 30_000,
				).toISOString(),
				status: 'completed',
				type: 'audio/mpeg',
				url: addMedia(
					state,
					`/media/recordings/${id}.mp3`,
					'audio/mpeg',
					silentMp3(10 + segment * 5),
				),
			};
		});
		state.callSummaries[answered.id] = {
			callId: answered.id,
			nextSteps: ['Send the quote by Friday'],
			status: 'completed',
			summary: ['The customer asked for a quote for 20 seats.'],
		};
		state.callTranscripts[answered.id] = {
			callId: answered.id,
			createdAt: answered.completedAt ?? answered.createdAt,
			dialogue: [
				{
					content: 'Hi, I would like a quote.',
					start: 0,
					end: 2.5,
					identifier: answered.participants[0] ?? null,
					userId: null,
				},
				{
					content: 'Sure, for how many seats?',
					start: 2.6,
					end: 4.1,
					identifier: answered.participants[1] ?? null,
					userId: owner.id,
				},
			],
			duration: answered.duration,
			status: 'completed',
		};
	}
	if (missed) {
		const id = randomId('VM', 32);
		state.callVoicemails[missed.id] = {
			duration: 1,
			id,
			transcript: 'Hello, please call me back about my order.',
			recordingUrl: addMedia(state, `/media/voicemails/${id}.wav`, 'audio/wav', toneWav(0.5)),
			status: 'completed',
		};
	}
	if (recent) {
		const processing = {
			duration: null,
			id: randomId('CR', 10),
			startTime: recent.answeredAt,
			status: 'processing' as const,
			type: null,
			url: null,
		};
		state.callRecordings[recent.id] = [processing];
		state.callSummaries[recent.id] = {
			callId: recent.id,
			nextSteps: null,
			status: 'in-progress',
			summary: null,
		};
		const transcript = {
			callId: recent.id,
			createdAt: recent.createdAt,
			dialogue: null,
			duration: 0,
			status: 'in-progress' as const,
		};
		state.callTranscripts[recent.id] = transcript;
	}
	const pendingVoicemail = calls[6];
	if (pendingVoicemail) {
		const pending = {
			duration: null,
			id: randomId('VM', 32),
			transcript: null,
			recordingUrl: null,
			status: 'in-progress' as const,
		};
		state.callVoicemails[pendingVoicemail.id] = pending;
	}
}

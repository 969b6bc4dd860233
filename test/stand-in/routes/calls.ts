import { errorFamilies, found, type ErrorCatalog } from '../errors';
import { absoluteMediaUrl } from '../media';
import { requestedV1Page } from '../pagination';
import { queryList, queryValue } from '../route-input';
import type { Route } from '../router';
import type { Call, StandInState } from '../state';

// The call operations declare one 400 for every bad request: Too Many Participants.
const errors: ErrorCatalog = {
	family: errorFamilies.calls,
	invalidInput: { code: '0101400', title: 'Too Many Participants' },
};

export const callRoutes: Route[] = [
	{
		method: 'GET',
		path: '/v1/calls',
		operationId: 'listCalls_v1',
		errors,
		handle: ({ state, query }) => {
			const participant = queryList(query, 'participants')[0];
			const userId = queryValue(query, 'userId');
			const after = queryValue(query, 'createdAfter');
			const before = queryValue(query, 'createdBefore');
			const matching = state.calls.filter((call) => {
				const createdAt = Date.parse(call.createdAt);
				return (
					call.phoneNumberId === queryValue(query, 'phoneNumberId') &&
					participant !== undefined &&
					call.participants.includes(participant) &&
					(userId === undefined || call.userId === userId) &&
					(after === undefined || createdAt > Date.parse(after)) &&
					(before === undefined || createdAt < Date.parse(before))
				);
			});
			return {
				status: 200,
				body: requestedV1Page(matching, query),
			};
		},
	},
	{
		method: 'GET',
		path: '/v1/calls/{callId}',
		operationId: 'getCallById_v1',
		errors,
		handle: ({ state, params }) => ({
			status: 200,
			body: { data: findCall(state, params.callId) },
		}),
	},
	{
		method: 'GET',
		path: '/v1/call-recordings/{callId}',
		operationId: 'getCallRecordings_v1',
		errors: { family: errorFamilies.recordings },
		handle: ({ state, params, baseUrl }) => {
			const call = findCall(state, params.callId);
			const recordings = (state.callRecordings[call.id] ?? []).map((recording) => ({
				...recording,
				url: absoluteMediaUrl(baseUrl, recording.url),
			}));
			return { status: 200, body: { data: recordings } };
		},
	},
	{
		method: 'GET',
		path: '/v1/call-summaries/{callId}',
		operationId: 'getCallSummary_v1',
		errors: { family: errorFamilies.callSummaries },
		handle: ({ state, params }) => ({
			status: 200,
			body: { data: artifactOf(state.callSummaries, params.callId, 'Call summary') },
		}),
	},
	{
		method: 'GET',
		path: '/v1/call-transcripts/{id}',
		operationId: 'getCallTranscript_v1',
		errors: { family: errorFamilies.callTranscripts },
		handle: ({ state, params }) => ({
			status: 200,
			body: { data: artifactOf(state.callTranscripts, params.id, 'Call transcript') },
		}),
	},
	{
		method: 'GET',
		path: '/v1/call-voicemails/{callId}',
		operationId: 'getCallVoicemails_v1',
		errors: { family: errorFamilies.voicemails },
		handle: ({ state, params, baseUrl }) => {
			const voicemail = artifactOf(state.callVoicemails, params.callId, 'Voicemail');
			return {
				status: 200,
				body: {
					data: { ...voicemail, recordingUrl: absoluteMediaUrl(baseUrl, voicemail.recordingUrl) },
				},
			};
		},
	},
];

function findCall(state: StandInState, id: string | undefined): Call {
	return found(
		state.calls.find((candidate) => candidate.id === id),
		'Call',
	);
}

/** What Quo made of a call; until it exists (or for a call that never was) Quo answers 404. */
function artifactOf<T>(artifacts: Record<string, T>, callId: string | undefined, what: string): T {
	return found(callId === undefined ? undefined : artifacts[callId], what);
}

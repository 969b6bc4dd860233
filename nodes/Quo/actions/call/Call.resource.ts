import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getRecordings from './getRecordings.operation';
import * as getSummary from './getSummary.operation';
import * as getTranscript from './getTranscript.operation';
import * as getVoicemail from './getVoicemail.operation';

export { get, getMany, getRecordings, getSummary, getTranscript, getVoicemail };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['call'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a call',
				description:
					'Fetch one call by its ID (AC…). Returns its direction, status (completed, missed, ...), participants, Quo number, user, duration in seconds and times.',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many calls',
				description:
					'List the calls between one Quo number and one other number (Quo requires both). Can filter by user and creation time. Returns one item per call, newest first.',
			},
			{
				name: 'Get Recordings',
				value: 'getRecordings',
				action: 'Get the recordings of a call',
				description:
					'Fetch the recordings of a call, oldest segment first. Needs the call ID (AC…). Returns one item per recording with its URL, type, duration and status; with Download on, each also carries the audio file as binary data.',
			},
			{
				name: 'Get Summary',
				value: 'getSummary',
				action: 'Get the summary of a call',
				description:
					'Fetch the AI summary and next steps of a call (Business and Scale plans). Needs the call ID (AC…). Returns them with "ready": true; while Quo is still writing it, returns "ready": false and its status instead, so ask again later.',
			},
			{
				name: 'Get Transcript',
				value: 'getTranscript',
				action: 'Get the transcript of a call',
				description:
					'Fetch the transcript of a call: who said what, when (Business and Scale plans). Needs the call ID (AC…). Returns the dialogue with "ready": true; while Quo is still transcribing, returns "ready": false and its status instead.',
			},
			{
				name: 'Get Voicemail',
				value: 'getVoicemail',
				action: 'Get the voicemail of a call',
				description:
					'Fetch the voicemail left on a call, with its transcript. Needs the call ID (AC…). Returns it with "ready": true (with Download on, the audio file as binary data too); while Quo is processing it, "ready": false.',
			},
		],
		default: 'get',
	},
	...get.description,
	...getMany.description,
	...getRecordings.description,
	...getSummary.description,
	...getTranscript.description,
	...getVoicemail.description,
];

import type { NodeMap } from '../../../../nodes/Quo/actions/node.type';

/** A Quo API operation as its OpenAPI document writes it: method and path template. */
export type ApiOperation = `${'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'} /${string}`;

const PHONE_NUMBER_LOOKUP: ApiOperation = 'GET /v1/phone-numbers';

/**
 * Every Quo API operation each node operation may call, lookups included. Tests hold it against Quo's OpenAPI
 * documents (every v1 operation has a node operation, every entry exists) and against the requests each
 * operation actually makes.
 */
export const apiOperations: { [R in keyof NodeMap]: Record<NodeMap[R], readonly ApiOperation[]> } =
	{
		call: {
			get: ['GET /v1/calls/{callId}'],
			getMany: ['GET /v1/calls', PHONE_NUMBER_LOOKUP],
			getRecordings: ['GET /v1/call-recordings/{callId}'],
			getSummary: ['GET /v1/call-summaries/{callId}', 'GET /v1/calls/{callId}'],
			getTranscript: ['GET /v1/call-transcripts/{id}', 'GET /v1/calls/{callId}'],
			getVoicemail: ['GET /v1/call-voicemails/{callId}', 'GET /v1/calls/{callId}'],
		},
		contact: {
			create: ['POST /v1/contacts', 'GET /v1/contact-custom-fields'],
			get: ['GET /v1/contacts/{id}'],
			getMany: ['GET /v1/contacts'],
			update: ['PATCH /v1/contacts/{id}', 'GET /v1/contact-custom-fields'],
			delete: ['DELETE /v1/contacts/{id}'],
			findByPhone: ['GET /v1/contacts'],
			upsert: [
				'GET /v1/contacts',
				'POST /v1/contacts',
				'PATCH /v1/contacts/{id}',
				'GET /v1/contact-custom-fields',
			],
		},
		contactCustomField: {
			getMany: ['GET /v1/contact-custom-fields'],
		},
		conversation: {
			getMany: ['GET /v1/conversations'],
			markAsRead: ['POST /v1/conversations/{conversationId}/mark-as-read'],
			markAsDone: ['POST /v1/conversations/{conversationId}/mark-as-done'],
			markAsOpen: ['POST /v1/conversations/{conversationId}/mark-as-open'],
		},
		message: {
			send: ['POST /v1/messages'],
			get: ['GET /v1/messages/{id}'],
			getMany: ['GET /v1/messages', PHONE_NUMBER_LOOKUP],
			retry: ['POST /messages/{messageId}/retry'],
		},
		phoneNumber: {
			get: ['GET /v1/phone-numbers/{phoneNumberId}', PHONE_NUMBER_LOOKUP],
			getMany: ['GET /v1/phone-numbers'],
		},
		task: {
			create: ['POST /v1/tasks', PHONE_NUMBER_LOOKUP],
			get: ['GET /v1/tasks/{taskId}'],
			getMany: ['GET /v1/tasks'],
			update: ['PUT /v1/tasks/{taskId}', 'GET /v1/tasks/{taskId}'],
			delete: ['DELETE /v1/tasks/{taskId}'],
			complete: ['POST /v1/tasks/{taskId}/complete'],
			reopen: ['POST /v1/tasks/{taskId}/reopen'],
			assign: ['POST /v1/tasks/{taskId}/assign'],
			unassign: ['POST /v1/tasks/{taskId}/unassign'],
			linkConversation: ['POST /v1/tasks/{taskId}/link-conversation'],
			unlinkConversation: ['POST /v1/tasks/{taskId}/unlink-conversation'],
			changeDueDate: ['POST /v1/tasks/{taskId}/change-due-date'],
			removeDueDate: ['POST /v1/tasks/{taskId}/remove-due-date'],
		},
		user: {
			get: ['GET /v1/users/{userId}'],
			getMany: ['GET /v1/users'],
		},
		webhook: {
			create: [
				'POST /webhooks',
				'POST /v1/webhooks/messages',
				'POST /v1/webhooks/calls',
				'POST /v1/webhooks/call-summaries',
				'POST /v1/webhooks/call-transcripts',
				'DELETE /v1/webhooks/{id}',
				PHONE_NUMBER_LOOKUP,
			],
			get: ['GET /webhooks/{webhookId}', 'GET /v1/webhooks/{id}'],
			getMany: ['GET /webhooks', 'GET /v1/webhooks'],
			update: ['PATCH /webhooks/{webhookId}', PHONE_NUMBER_LOOKUP],
			delete: ['DELETE /webhooks/{webhookId}', 'DELETE /v1/webhooks/{id}'],
			rotateSecret: ['POST /webhooks/{webhookId}/rotate'],
			sendTestEvent: ['POST /webhooks/{webhookId}/events/test'],
			getDeliveries: ['GET /webhooks/{webhookId}/events'],
			getDelivery: ['GET /webhooks/{webhookId}/events/{eventId}'],
			retryDelivery: ['POST /webhooks/{webhookId}/events/{eventId}/retry'],
		},
	};

import type { AllEntities } from 'n8n-workflow';

export type NodeMap = {
	call: 'get' | 'getMany' | 'getRecordings' | 'getSummary' | 'getTranscript' | 'getVoicemail';
	contact: 'create' | 'get' | 'getMany' | 'update' | 'delete' | 'findByPhone' | 'upsert';
	contactCustomField: 'getMany';
	conversation: 'getMany' | 'markAsRead' | 'markAsDone' | 'markAsOpen';
	message: 'send' | 'get' | 'getMany' | 'retry';
	phoneNumber: 'get' | 'getMany';
	task:
		| 'create'
		| 'get'
		| 'getMany'
		| 'update'
		| 'delete'
		| 'complete'
		| 'reopen'
		| 'assign'
		| 'unassign'
		| 'linkConversation'
		| 'unlinkConversation'
		| 'changeDueDate'
		| 'removeDueDate';
	user: 'get' | 'getMany';
	webhook:
		| 'create'
		| 'get'
		| 'getMany'
		| 'update'
		| 'delete'
		| 'rotateSecret'
		| 'sendTestEvent'
		| 'getDeliveries'
		| 'getDelivery'
		| 'retryDelivery';
};

export type QuoType = AllEntities<NodeMap>;

import type { AllEntities } from 'n8n-workflow';

type NodeMap = {
	message: 'send' | 'get' | 'getMany' | 'retry';
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

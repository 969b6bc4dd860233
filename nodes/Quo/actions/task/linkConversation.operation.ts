import { CONVERSATION_ID } from '../fieldErrors';
import { conversationRLC } from '../common.descriptions';
import { locatorInput, taskActionOperation } from './shared';

export const { description, execute } = taskActionOperation(
	'linkConversation',
	'link-conversation',
	locatorInput(conversationRLC, CONVERSATION_ID, 'The conversation to link the task to'),
);

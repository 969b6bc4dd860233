import { CONVERSATION_ID } from '../fieldErrors';
import { conversationRLC } from '../common.descriptions';
import { locatorInput, taskActionOperation } from './shared';

export const { description, execute } = taskActionOperation(
	'unlinkConversation',
	'unlink-conversation',
	locatorInput(conversationRLC, CONVERSATION_ID, 'The conversation to unlink the task from'),
);

import { taskActionOperation } from './taskAction';

export const { description, execute } = taskActionOperation('removeDueDate', 'remove-due-date');

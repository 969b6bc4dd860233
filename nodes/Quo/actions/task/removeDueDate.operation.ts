import { taskActionOperation } from './shared';

export const { description, execute } = taskActionOperation('removeDueDate', 'remove-due-date');

import { taskActionOperation } from './taskAction';

export const { description, execute } = taskActionOperation('reopen', 'reopen');

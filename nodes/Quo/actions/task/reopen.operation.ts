import { taskActionOperation } from './shared';

export const { description, execute } = taskActionOperation('reopen', 'reopen');

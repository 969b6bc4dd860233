import { taskActionOperation } from './shared';

export const { description, execute } = taskActionOperation('complete', 'complete');

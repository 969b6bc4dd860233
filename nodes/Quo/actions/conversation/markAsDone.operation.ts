import { markAsOperation } from './shared';

export const { description, execute } = markAsOperation('markAsDone', 'mark-as-done');

import { markAsOperation } from './markAs';

export const { description, execute } = markAsOperation('markAsDone', 'mark-as-done');

import { markAsOperation } from './markAs';

export const { description, execute } = markAsOperation('markAsOpen', 'mark-as-open');

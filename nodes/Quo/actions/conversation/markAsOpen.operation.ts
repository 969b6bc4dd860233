import { markAsOperation } from './shared';

export const { description, execute } = markAsOperation('markAsOpen', 'mark-as-open');

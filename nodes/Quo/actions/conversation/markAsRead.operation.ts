import { markAsOperation } from './shared';

export const { description, execute } = markAsOperation('markAsRead', 'mark-as-read');

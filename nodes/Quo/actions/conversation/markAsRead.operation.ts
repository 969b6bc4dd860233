import { markAsOperation } from './markAs';

export const { description, execute } = markAsOperation('markAsRead', 'mark-as-read');

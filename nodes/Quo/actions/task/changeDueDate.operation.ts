import { requireIsoDateTime } from '../dateTime';
import { dueDateField } from './shared.descriptions';
import { taskActionOperation } from './shared';

export const { description, execute } = taskActionOperation('changeDueDate', 'change-due-date', {
	properties: [{ ...dueDateField, required: true, description: 'The new due date and time' }],
	body(itemIndex) {
		return {
			dueDate: requireIsoDateTime(
				this.getNode(),
				this.getNodeParameter('dueDate', itemIndex),
				'Due Date',
				itemIndex,
			),
		};
	},
});

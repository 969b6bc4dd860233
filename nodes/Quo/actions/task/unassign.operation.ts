import { USER_ID } from '../fieldErrors';
import { userRLC } from '../common.descriptions';
import { locatorInput, taskActionOperation } from './shared';

export const { description, execute } = taskActionOperation(
	'unassign',
	'unassign',
	locatorInput(userRLC, USER_ID, 'The Quo user to take off the task'),
);

import { USER_ID } from '../fieldErrors';
import { userRLC } from '../common.descriptions';
import { locatorInput, taskActionOperation } from './shared';

export const { description, execute } = taskActionOperation(
	'assign',
	'assign',
	locatorInput(userRLC, USER_ID, 'The Quo user to assign the task to'),
);

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { type QuoIdKind, requireQuoId, TASK_ID } from '../fieldErrors';
import { unwrapData } from '../../transport/responseData';
import { quoApiRequest } from '../../transport';
import { taskIdField } from './shared.descriptions';

type TaskAction =
	| 'complete'
	| 'reopen'
	| 'assign'
	| 'unassign'
	| 'link-conversation'
	| 'unlink-conversation'
	| 'change-due-date'
	| 'remove-due-date';

/** What an action sends besides the task ID: its parameters and the body read from them (checked before any request). */
export interface TaskActionInput {
	properties: INodeProperties[];
	body(this: IExecuteFunctions, itemIndex: number): IDataObject;
}

/** An action's one resource locator (User, Conversation), sent as `{ [its name]: id }`. */
export function locatorInput(
	locator: INodeProperties,
	id: QuoIdKind,
	description: string,
): TaskActionInput {
	return {
		properties: [{ ...locator, required: true, description }],
		body(itemIndex) {
			const value = this.getNodeParameter(locator.name, itemIndex, '', { extractValue: true });
			return {
				[locator.name]: requireQuoId(this.getNode(), value, id, locator.displayName, itemIndex),
			};
		},
	};
}

export function requireTaskId(this: IExecuteFunctions, itemIndex: number): string {
	return requireQuoId(
		this.getNode(),
		this.getNodeParameter('taskId', itemIndex),
		TASK_ID,
		'Task ID',
		itemIndex,
	);
}

/**
 * The task actions are all `POST /v1/tasks/{taskId}/<action>` and answer `{taskId, revision}`; each operation file
 * builds its description and execute here.
 */
export function taskActionOperation(
	operation: string,
	action: TaskAction,
	input?: TaskActionInput,
) {
	return {
		description: updateDisplayOptions({ show: { resource: ['task'], operation: [operation] } }, [
			taskIdField,
			...(input?.properties ?? []),
		]),
		async execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
			const taskId = requireTaskId.call(this, itemIndex);
			const body = input?.body.call(this, itemIndex);
			const path = `/v1/tasks/${encodeURIComponent(taskId)}/${action}`;
			return unwrapData(
				await quoApiRequest.call(this, {
					method: 'POST',
					path,
					body,
					itemIndex,
					notFound: `the task ${taskId}`,
				}),
			);
		},
	};
}

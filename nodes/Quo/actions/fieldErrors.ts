import type { INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A parameter that cannot be sent to Quo, caught before any request: "<Field>: <why>". */
export function fieldError(
	node: INode,
	field: string,
	reason: string,
	itemIndex: number,
): NodeOperationError {
	return new NodeOperationError(node, `${field}: ${reason}`, { itemIndex });
}

export interface QuoIdKind {
	/** The id's type prefix: `AC` message or call, `US` user, `PN` phone number, `CN` conversation, `TK` task. */
	prefix: string;
	/** What the id names, as in "a Quo message ID". */
	kind: string;
}

/** A Quo id whose prefix is wrong would only earn a 400 from Quo; refuse it before sending, naming the field. */
export function requireQuoId(
	node: INode,
	value: unknown,
	id: QuoIdKind,
	field: string,
	itemIndex: number,
): string {
	const text = String(value ?? '').trim();
	if (text === '') throw fieldError(node, field, 'required', itemIndex);
	if (!text.startsWith(id.prefix)) {
		throw fieldError(
			node,
			field,
			`'${text}' is not a Quo ${id.kind} ID (those start with ${id.prefix})`,
			itemIndex,
		);
	}
	return text;
}

export const MESSAGE_ID: QuoIdKind = { prefix: 'AC', kind: 'message' };
export const USER_ID: QuoIdKind = { prefix: 'US', kind: 'user' };
export const PHONE_NUMBER_ID: QuoIdKind = { prefix: 'PN', kind: 'phone number' };
export const CALL_ID: QuoIdKind = { prefix: 'AC', kind: 'call' };
/** Quo's "activity": a message or a call, both `AC…`. */
export const ACTIVITY_ID: QuoIdKind = { prefix: 'AC', kind: 'message or call' };
export const CONVERSATION_ID: QuoIdKind = { prefix: 'CN', kind: 'conversation' };
export const TASK_ID: QuoIdKind = { prefix: 'TK', kind: 'task' };

/** An update must change something: an Update Fields collection with no field added is refused. */
export function requireSomeChange(node: INode, changes: object, itemIndex: number): void {
	if (Object.keys(changes).length === 0)
		throw fieldError(node, 'Update Fields', 'add at least one field to change', itemIndex);
}

/** A required text value that Quo gives no form to (contact ids have no prefix): only emptiness is checked. */
export function requireText(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = String(value ?? '').trim();
	if (text === '') throw fieldError(node, field, 'required', itemIndex);
	return text;
}

/**
 * Text within one of Quo's length limits. Quo's limits are JSON Schema `maxLength`, which counts characters (code
 * points): an emoji is one character, though two UTF-16 units in `text.length`.
 */
export function requireMaxLength(
	node: INode,
	text: string,
	field: string,
	max: number,
	itemIndex: number,
): string {
	const characters = [...text].length;
	if (characters > max) {
		throw fieldError(
			node,
			field,
			`${characters.toLocaleString('en-US')} characters; Quo allows at most ${max.toLocaleString('en-US')}`,
			itemIndex,
		);
	}
	return text;
}

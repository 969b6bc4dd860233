import type { IExecuteFunctions, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { fetchPhoneNumbers, type QuoPhoneNumber } from './directory';
import { fieldError, PHONE_NUMBER_ID, requireQuoId } from './fieldErrors';
import { listOf } from './lists';
import { isE164 } from './phoneNumbers';
import { OrderedLanes } from './orderedLanes';

/** What the items of one execution share: lookups made once per execution, not once per item. */
export class ExecutionCache {
	/** Sends to the same conversation keep item order. */
	readonly conversationLanes = new OrderedLanes();

	private phoneNumbers: Promise<QuoPhoneNumber[]> | undefined;

	constructor(private readonly context: IExecuteFunctions) {}

	/** The `PN…` id for a `PN…` id or an E.164 number of the workspace (looked up once per execution). */
	async phoneNumberId(value: unknown, field: string, itemIndex: number): Promise<string> {
		const text = String(value ?? '').trim();
		if (!isE164(text)) return requireQuoId(this.context.getNode(), text, PHONE_NUMBER_ID, field, itemIndex);
		const match = (await this.workspacePhoneNumbers(itemIndex)).find((phoneNumber) => phoneNumber.number === text);
		if (match) return match.id;
		throw fieldError(this.context.getNode(), field, `${text} is not one of this workspace's Quo numbers`, itemIndex);
	}

	/** Each entry of a list (array or comma-separated text) as a `PN…` id. */
	async phoneNumberIds(value: unknown, field: string, itemIndex: number): Promise<string[]> {
		return await Promise.all(listOf(value).map(async (entry) => await this.phoneNumberId(entry, field, itemIndex)));
	}

	private async workspacePhoneNumbers(itemIndex: number): Promise<QuoPhoneNumber[]> {
		const lookup = (this.phoneNumbers ??= fetchPhoneNumbers.call(this.context, itemIndex));
		try {
			return await lookup;
		} catch (error) {
			// A failed lookup is not kept: the next item asks Quo again.
			if (this.phoneNumbers === lookup) this.phoneNumbers = undefined;
			throw new NodeApiError(this.context.getNode(), error as JsonObject, { itemIndex });
		}
	}
}

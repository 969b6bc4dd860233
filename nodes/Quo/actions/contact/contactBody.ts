import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { customFieldEntries, customFieldValue, findCustomField } from './customFields';
import type { WorkspaceLookups } from '../lookups';
import { fieldError, requireMaxLength, requireQuoId, USER_ID } from '../fieldErrors';
import { listOf } from '../lists';
import { requireE164 } from '../phoneNumbers';

/** What an empty value means: leave the field out (Create, Upsert) or clear it, sent as null (Update). */
export type EmptyValues = 'omit' | 'clear';

export interface ContactInput {
	/** The collection parameter holding the contact's fields: "additionalFields" or "updateFields". */
	collection: string;
	/** Fields that are parameters of their own (First Name, External ID). */
	topLevel: IDataObject;
	empty: EmptyValues;
	itemIndex: number;
	lookups: WorkspaceLookups;
}

const TEXT_FIELDS = ['firstName', 'lastName', 'company', 'role'] as const;

const RESERVED_SOURCES = new Set([
	'openphone',
	'device',
	'csv',
	'zapier',
	'google-people',
	'other',
]);
const RESERVED_SOURCE_PREFIXES = ['openphone', 'csv'];
const MAX_EXTERNAL_ID_LENGTH = 75;
const MAX_SOURCE_LENGTH = 72;
const MAX_SOURCE_URL_LENGTH = 200;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type LabeledValue = { name: string; value: string };

/** Emails or phone numbers as the editor gives them (`{values: [...]}`), or an array or comma-separated text from an expression. */
function labeledValues(value: unknown, defaultLabel: string): LabeledValue[] {
	const entries: unknown[] = Array.isArray(value)
		? value
		: typeof value === 'string'
			? listOf(value)
			: (((value as IDataObject | undefined)?.values as unknown[] | undefined) ?? []);
	return entries
		.map((entry) =>
			typeof entry === 'object' && entry !== null
				? {
						name: String((entry as IDataObject).name ?? defaultLabel),
						value: String((entry as IDataObject).value ?? '').trim(),
					}
				: { name: defaultLabel, value: String(entry).trim() },
		)
		.filter((entry) => entry.value !== '');
}

function boundedText(
	node: INode,
	value: unknown,
	field: string,
	max: number,
	itemIndex: number,
): string {
	return requireMaxLength(node, String(value ?? '').trim(), field, max, itemIndex);
}

function sourceOf(node: INode, value: unknown, itemIndex: number): string {
	const source = boundedText(node, value, 'Source', MAX_SOURCE_LENGTH, itemIndex);
	const lower = source.toLowerCase();
	if (
		RESERVED_SOURCES.has(lower) ||
		RESERVED_SOURCE_PREFIXES.some((prefix) => lower.startsWith(prefix))
	) {
		throw fieldError(
			node,
			'Source',
			`'${source}' is reserved by Quo (openphone…, csv…, device, zapier, google-people, other)`,
			itemIndex,
		);
	}
	return source;
}

function sourceUrlOf(node: INode, value: unknown, itemIndex: number): string {
	const url = boundedText(node, value, 'Source URL', MAX_SOURCE_URL_LENGTH, itemIndex);
	if (url !== '' && !/^https?:\/\/\S+$/i.test(url))
		throw fieldError(
			node,
			'Source URL',
			`'${url}' is not a URL like https://example.com`,
			itemIndex,
		);
	return url;
}

/**
 * The `defaultFields`, `customFields`, `externalId`, `source`, `sourceUrl` and `createdByUserId` of a contact
 * request, from the fields the user set. Everything is checked before any request; custom fields are looked up
 * by key or name among the workspace's (once per execution) and their values checked against the field's type.
 */
export async function contactBody(
	this: IExecuteFunctions,
	input: ContactInput,
): Promise<IDataObject> {
	const node = this.getNode();
	const { itemIndex, empty } = input;
	const fields = {
		...(this.getNodeParameter(input.collection, itemIndex, {}) as IDataObject),
		...input.topLevel,
	};
	const body: IDataObject = {};
	const defaultFields: IDataObject = {};
	/** A value that is set goes in; an empty one is left out, or sent as null to clear it. */
	const put = (target: IDataObject, name: string, value: string | LabeledValue[]) => {
		const isEmpty = value === '' || (Array.isArray(value) && value.length === 0);
		if (!isEmpty) target[name] = value;
		else if (empty === 'clear') target[name] = Array.isArray(value) ? [] : null;
	};

	for (const name of TEXT_FIELDS) {
		if (fields[name] !== undefined) put(defaultFields, name, String(fields[name] ?? '').trim());
	}
	if (fields.emails !== undefined) {
		const emails = labeledValues(fields.emails, 'work');
		const invalid = emails.find((email) => !EMAIL.test(email.value));
		if (invalid)
			throw fieldError(node, 'Emails', `'${invalid.value}' is not an email address`, itemIndex);
		put(defaultFields, 'emails', emails);
	}
	if (fields.phoneNumbers !== undefined) {
		const phoneNumbers = labeledValues(fields.phoneNumbers, 'mobile').map((entry) => ({
			name: entry.name,
			value: requireE164(node, entry.value, 'Phone Numbers', itemIndex),
		}));
		put(defaultFields, 'phoneNumbers', phoneNumbers);
	}
	if (Object.keys(defaultFields).length > 0) body.defaultFields = defaultFields;

	if (fields.externalId !== undefined)
		put(
			body,
			'externalId',
			boundedText(node, fields.externalId, 'External ID', MAX_EXTERNAL_ID_LENGTH, itemIndex),
		);
	if (fields.source !== undefined) put(body, 'source', sourceOf(node, fields.source, itemIndex));
	if (fields.sourceUrl !== undefined)
		put(body, 'sourceUrl', sourceUrlOf(node, fields.sourceUrl, itemIndex));
	if (fields.createdByUserId !== undefined) {
		const createdBy = String(
			this.getNodeParameter(`${input.collection}.createdByUserId`, itemIndex, '', {
				extractValue: true,
			}),
		).trim();
		if (createdBy)
			body.createdByUserId = requireQuoId(node, createdBy, USER_ID, 'Created By', itemIndex);
	}

	const entries = customFieldEntries(fields.customFields);
	if (entries.length > 0) {
		const known = await input.lookups.contactCustomFields(itemIndex);
		const customFields = entries
			.map((entry) => {
				const field = findCustomField(node, known, entry.field, itemIndex);
				return { key: field.key, value: customFieldValue(node, field, entry.value, itemIndex) };
			})
			.filter((entry) => entry.value !== null || empty === 'clear');
		if (customFields.length > 0) body.customFields = customFields;
	}
	return body;
}

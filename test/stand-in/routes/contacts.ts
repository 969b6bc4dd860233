import { errorFamilies, found, RouteError, type ErrorCatalog } from '../errors';
import { randomId } from '../ids';
import { requestedV1Page } from '../pagination';
import { bodyObject, optionalString, queryList } from '../route-input';
import type { Route } from '../router';
import { newContactId } from '../seed-contacts';
import {
	workspaceOwner,
	type Contact,
	type ContactCustomField,
	type CustomFieldValue,
	type LabeledValue,
	type StandInState,
} from '../state';

// The contact operations declare one 400 for every bad request: Invalid Custom Field Item.
const errors: ErrorCatalog = {
	family: errorFamilies.contacts,
	invalidInput: { code: '0801400', title: 'Invalid Custom Field Item' },
};
const customFieldErrors: ErrorCatalog = { family: errorFamilies.customFields };

const reservedSources = new Set(['openphone', 'device', 'csv', 'zapier', 'google-people', 'other']);

export const contactRoutes: Route[] = [
	{
		method: 'GET',
		path: '/v1/contact-custom-fields',
		operationId: 'getContactCustomFields_v1',
		errors: customFieldErrors,
		handle: ({ state }) => ({ status: 200, body: { data: state.customFields } }),
	},
	{
		method: 'GET',
		path: '/v1/contacts',
		operationId: 'listContacts_v1',
		errors,
		handle: ({ state, query }) => {
			const externalIds = queryList(query, 'externalIds');
			const sources = queryList(query, 'sources');
			const matching = state.contacts.filter(
				(contact) =>
					(externalIds.length === 0 ||
						(contact.externalId !== null && externalIds.includes(contact.externalId))) &&
					(sources.length === 0 || (contact.source !== null && sources.includes(contact.source))),
			);
			return {
				status: 200,
				body: requestedV1Page(matching, query),
			};
		},
	},
	{
		method: 'POST',
		path: '/v1/contacts',
		operationId: 'createContact_v1',
		errors,
		handle: ({ state, body }) => {
			const input = bodyObject(body);
			const fields = bodyObject(input.defaultFields);
			const externalId = optionalString(input.externalId) ?? null;
			checkExternalIdFree(state, externalId, undefined);
			const now = new Date().toISOString();
			const contact: Contact = {
				id: newContactId(),
				externalId,
				source: sourceOf(input.source) ?? 'public-api',
				sourceUrl: optionalString(input.sourceUrl) ?? null,
				defaultFields: {
					company: optionalString(fields.company) ?? null,
					emails: labeledValues(fields.emails, []),
					firstName: optionalString(fields.firstName) ?? null,
					lastName: optionalString(fields.lastName) ?? null,
					phoneNumbers: labeledValues(fields.phoneNumbers, []),
					role: optionalString(fields.role) ?? null,
				},
				customFields: mergeCustomFields(state, [], input.customFields),
				createdAt: now,
				updatedAt: now,
				createdByUserId: optionalString(input.createdByUserId) ?? workspaceOwner(state).id,
			};
			state.contacts.unshift(contact);
			return { status: 201, body: { data: contact } };
		},
	},
	{
		method: 'GET',
		path: '/v1/contacts/{id}',
		operationId: 'getContactById_v1',
		errors,
		handle: ({ state, params }) => ({ status: 200, body: { data: findContact(state, params.id) } }),
	},
	{
		method: 'PATCH',
		path: '/v1/contacts/{id}',
		operationId: 'updateContactById_v1',
		errors,
		handle: ({ state, params, body }) => {
			const contact = findContact(state, params.id);
			const input = bodyObject(body);
			if ('externalId' in input) {
				const externalId = optionalString(input.externalId) ?? null;
				checkExternalIdFree(state, externalId, contact.id);
				contact.externalId = externalId;
			}
			if ('source' in input)
				contact.source = input.source === null ? null : (sourceOf(input.source) ?? contact.source);
			if ('sourceUrl' in input) contact.sourceUrl = optionalString(input.sourceUrl) ?? null;
			const fields = bodyObject(input.defaultFields);
			const defaults = contact.defaultFields;
			for (const name of ['company', 'firstName', 'lastName', 'role'] as const) {
				if (name in fields) defaults[name] = optionalString(fields[name]) ?? null;
			}
			if ('emails' in fields) defaults.emails = labeledValues(fields.emails, defaults.emails);
			if ('phoneNumbers' in fields)
				defaults.phoneNumbers = labeledValues(fields.phoneNumbers, defaults.phoneNumbers);
			if ('customFields' in input)
				contact.customFields = mergeCustomFields(state, contact.customFields, input.customFields);
			contact.updatedAt = new Date().toISOString();
			return { status: 200, body: { data: contact } };
		},
	},
	{
		method: 'DELETE',
		path: '/v1/contacts/{id}',
		operationId: 'deleteContact_v1',
		errors,
		handle: ({ state, params }) => {
			const contact = findContact(state, params.id);
			state.contacts.splice(state.contacts.indexOf(contact), 1);
			return { status: 204 };
		},
	},
];

function findContact(state: StandInState, id: string | undefined): Contact {
	return found(
		state.contacts.find((candidate) => candidate.id === id),
		'Contact',
	);
}

/** The stand-in keeps external IDs unique, as Quo asks integrations to (its 409 Conflict). */
function checkExternalIdFree(
	state: StandInState,
	externalId: string | null,
	ownId: string | undefined,
): void {
	if (externalId === null) return;
	if (state.contacts.some((contact) => contact.externalId === externalId && contact.id !== ownId)) {
		throw new RouteError(409, `A contact with externalId ${externalId} already exists`);
	}
}

function sourceOf(value: unknown): string | undefined {
	const source = optionalString(value);
	if (source === undefined) return undefined;
	const lower = source.toLowerCase();
	if (reservedSources.has(lower) || lower.startsWith('openphone') || lower.startsWith('csv')) {
		throw new RouteError(400, `The source ${source} is reserved`);
	}
	return source;
}

/** New emails or phone numbers replace the old ones; an entry with the id of an old one keeps that id. */
function labeledValues(value: unknown, previous: LabeledValue[]): LabeledValue[] {
	if (!Array.isArray(value)) return [];
	return value.map((entry) => {
		const input = bodyObject(entry);
		const id = optionalString(input.id);
		return {
			name: optionalString(input.name) ?? '',
			value: optionalString(input.value) ?? null,
			id: previous.some((old) => old.id === id) && id ? id : randomId('', 24),
		};
	});
}

/** Quo refuses a key it does not know, or a value of the wrong type for the field (`0801400`). */
function mergeCustomFields(
	state: StandInState,
	previous: ContactCustomField[],
	value: unknown,
): ContactCustomField[] {
	const merged = [...previous];
	for (const entry of Array.isArray(value) ? value : []) {
		const input = bodyObject(entry);
		const definition = state.customFields.find((field) => field.key === input.key);
		if (!definition) throw new RouteError(400, `Unknown custom field key: ${String(input.key)}`);
		const fieldValue = (input.value ?? null) as CustomFieldValue;
		if (!valueFits(definition.type, fieldValue)) {
			throw new RouteError(
				400,
				`Invalid value for the ${definition.type} custom field ${definition.name}`,
			);
		}
		const index = merged.findIndex((field) => field.key === definition.key);
		const field: ContactCustomField = {
			...definition,
			id: merged[index]?.id ?? randomId('', 24),
			value: fieldValue,
		};
		if (index === -1) merged.push(field);
		else merged[index] = field;
	}
	return merged;
}

function valueFits(type: string, value: CustomFieldValue): boolean {
	if (value === null) return true;
	switch (type) {
		case 'multi-select':
			return Array.isArray(value) && value.every((option) => typeof option === 'string');
		case 'number':
			return typeof value === 'number';
		case 'boolean':
			return typeof value === 'boolean';
		case 'date':
			return typeof value === 'string' && !Number.isNaN(Date.parse(value));
		default:
			return typeof value === 'string';
	}
}

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Quo } from '../../../../nodes/Quo/Quo.node';
import { QuoTrigger } from '../../../../nodes/Quo/QuoTrigger.node';
import { RESOURCES } from '../../../../nodes/Quo/actions/router';
import { eventOptions } from '../../../../nodes/Quo/events/catalog';
import { quoNode } from './support';

const { description } = quoNode;
/** The operations the package's public contract (../shared/design/contract.md) fixes; the other resources' are those the router runs. */
const contract: Record<string, string[]> = {
	message: ['send', 'get', 'getMany', 'retry'],
	webhook: [
		'create',
		'get',
		'getMany',
		'update',
		'delete',
		'rotateSecret',
		'sendTestEvent',
		'getDeliveries',
		'getDelivery',
		'retryDelivery',
	],
};

/** What the router runs for each resource, by operation value (a resource module's exports but its description). */
const operations: Record<
	string,
	Record<string, { execute?: unknown; readOnly?: boolean }>
> = Object.fromEntries(
	Object.entries(RESOURCES).map(([resource, exports]) => [
		resource,
		Object.fromEntries(Object.entries(exports).filter(([name]) => name !== 'description')),
	]),
);

function operationSelector(resource: string): INodeProperties {
	const selector = description.properties.find(
		(property) =>
			property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource),
	);
	if (!selector) throw new Error(`No operation selector for ${resource}`);
	return selector;
}

/** The parameters n8n shows for one operation (and, where given, one more shown condition). */
function parametersOf(
	resource: string,
	operation: string,
	extra: Record<string, string> = {},
): INodeProperties[] {
	return description.properties.filter((property) => {
		if (property.name === 'resource' || property.name === 'operation') return false;
		const show = property.displayOptions?.show ?? {};
		const wanted: Record<string, string> = { resource, operation, ...extra };
		return Object.entries(show).every(
			([name, values]) =>
				name in wanted && (values as unknown[]).map(String).includes(wanted[name]!),
		);
	});
}

describe('Quo node description', () => {
	test('identity as the contract fixes it', () => {
		expect(description).toMatchObject({
			name: 'quo',
			displayName: 'Quo',
			icon: { light: 'file:quo.svg', dark: 'file:quo.dark.svg' },
			usableAsTool: true,
			credentials: [{ name: 'quoApi', required: true }],
		});
	});

	test('resources and operations carry the contract names, and every one runs', () => {
		const resources = description.properties.find((property) => property.name === 'resource')!;
		expect(
			(resources.options as INodePropertyOptions[]).map((option) => option.value).sort(),
		).toEqual(Object.keys(operations).sort());
		for (const [resource, fixed] of Object.entries(contract))
			expect(Object.keys(operations[resource]!).sort()).toEqual([...fixed].sort());
		for (const [resource, runs] of Object.entries(operations)) {
			const values = (operationSelector(resource).options as INodePropertyOptions[]).map(
				(option) => option.value,
			);
			expect([...values].sort()).toEqual(Object.keys(runs).sort());
			for (const operation of Object.values(runs))
				expect(typeof operation.execute).toBe('function');
		}
	});

	test('exactly the operations that only read are read-only (their items may run ten at a time)', () => {
		const reads = new Set([
			'get',
			'getMany',
			'findByPhone',
			'getRecordings',
			'getSummary',
			'getTranscript',
			'getVoicemail',
			'getDeliveries',
			'getDelivery',
		]);
		for (const runs of Object.values(operations)) {
			for (const [value, operation] of Object.entries(runs))
				expect([value, operation.readOnly === true]).toEqual([value, reads.has(value)]);
		}
	});

	test('every operation tells an agent what it does, needs and returns, with an action sentence', () => {
		for (const resource of Object.keys(operations)) {
			for (const option of operationSelector(resource).options as INodePropertyOptions[]) {
				expect(option.action).toMatch(/^[A-Z]/);
				expect((option.description ?? '').length).toBeGreaterThan(60);
			}
		}
	});

	test('webhook create takes the contract parameters, with events per generation', () => {
		const names = (apiVersion: string) =>
			parametersOf('webhook', 'create', { apiVersion }).map((property) => property.name);
		expect(names('2026-03-30')).toEqual([
			'apiVersion',
			'url',
			'events',
			'phoneNumberIds',
			'label',
			'status',
		]);
		const apiVersion = parametersOf('webhook', 'create')[0]!;
		expect(apiVersion.default).toBe('2026-03-30');
		expect((apiVersion.options as INodePropertyOptions[]).map((option) => option.value)).toEqual([
			'2026-03-30',
			'v1',
		]);
		for (const version of ['2026-03-30', 'v1'] as const) {
			const events = parametersOf('webhook', 'create', { apiVersion: version }).find(
				(property) => property.name === 'events',
			)!;
			expect(events.options).toEqual(eventOptions(version));
		}
	});

	test('webhook getMany lists both generations by default; message send takes the contract parameters', () => {
		expect(
			parametersOf('webhook', 'getMany').find((property) => property.name === 'apiVersion')!
				.default,
		).toBe('all');
		expect(parametersOf('message', 'send').map((property) => property.name)).toEqual([
			'from',
			'to',
			'content',
			'userId',
			'setInboxStatus',
		]);
		expect(parametersOf('webhook', 'rotateSecret').map((property) => property.name)).toEqual([
			'webhookId',
		]);
	});

	test('contact, call and task operations take the parameters the issue names', () => {
		const names = (resource: string, operation: string, extra: Record<string, string> = {}) =>
			parametersOf(resource, operation, extra).map((property) => property.name);
		const optionNames = (resource: string, operation: string, collection: string) =>
			(
				parametersOf(resource, operation).find((property) => property.name === collection)!
					.options as INodeProperties[]
			).map((option) => option.name);

		expect(names('contact', 'create')).toEqual(['firstName', 'additionalFields']);
		expect(optionNames('contact', 'create', 'additionalFields')).toEqual([
			'company',
			'createdByUserId',
			'customFields',
			'emails',
			'externalId',
			'lastName',
			'phoneNumbers',
			'role',
			'source',
			'sourceUrl',
		]);
		expect(names('contact', 'upsert')).toEqual(['externalId', 'firstName', 'additionalFields']);
		expect(names('contact', 'update')).toEqual(['contactId', 'updateFields']);
		expect(names('contact', 'findByPhone', { returnAll: 'false' })).toEqual([
			'phoneNumber',
			'returnAll',
			'limit',
		]);
		expect(optionNames('contact', 'getMany', 'filters')).toEqual(['externalIds', 'sources']);
		expect(names('call', 'getMany', { returnAll: 'false' })).toEqual([
			'phoneNumberId',
			'participant',
			'returnAll',
			'limit',
			'filters',
		]);
		expect(names('call', 'getRecordings', { download: 'true' })).toEqual([
			'callId',
			'download',
			'binaryPropertyName',
			'options',
		]);
		expect(names('call', 'getVoicemail')).toEqual(['callId', 'download']);
		expect(optionNames('conversation', 'getMany', 'filters')).toEqual([
			'createdAfter',
			'createdBefore',
			'excludeInactive',
			'phoneNumbers',
			'updatedAfter',
			'updatedBefore',
			'userId',
		]);
		expect(names('task', 'create')).toEqual([
			'title',
			'description',
			'phoneNumberId',
			'conversationId',
			'activityId',
			'additionalFields',
		]);
		expect(names('task', 'assign')).toEqual(['taskId', 'userId']);
		expect(names('task', 'linkConversation')).toEqual(['taskId', 'conversationId']);
		expect(names('task', 'changeDueDate')).toEqual(['taskId', 'dueDate']);
	});

	test('the codex file names the node and its categories', () => {
		const codex = JSON.parse(
			readFileSync(join(__dirname, '../../../../nodes/Quo/Quo.node.json'), 'utf8'),
		);
		expect(codex).toEqual({
			node: 'n8n-nodes-quo.quo',
			nodeVersion: '1.0',
			codexVersion: '1.0',
			categories: ['Communication'],
			alias: ['sms', 'text', 'phone', 'call', 'openphone'],
			resources: {
				credentialDocumentation: [
					{ url: 'https://www.quo.com/docs/mdx/api-reference/authentication' },
				],
				primaryDocumentation: [{ url: 'https://github.com/n8n-nodes-quo/n8n-nodes-quo' }],
			},
		});
	});

	test("each node's Docs link, as n8n builds it, opens its own section of the README", () => {
		const readme = readFileSync(join(__dirname, '../../../../README.md'), 'utf8');
		// GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens.
		const anchors = [...readme.matchAll(/^#+ (.+)$/gm)].map(([, heading]) =>
			heading
				.toLowerCase()
				.replace(/[^\w\- ]/g, '')
				.replace(/ /g, '-'),
		);
		for (const [nodeType, codexFile, section] of [
			[new Quo(), 'Quo.node.json', 'quo-node'],
			[new QuoTrigger(), 'QuoTrigger.node.json', 'quo-trigger'],
		] as const) {
			const codex = JSON.parse(
				readFileSync(join(__dirname, '../../../../nodes/Quo', codexFile), 'utf8'),
			);
			// n8n's node settings (1.123 and 2.41): an http documentationUrl as given, else the codex's link + "?utm_…".
			const { documentationUrl } = nodeType.description;
			const opened = new URL(
				documentationUrl?.startsWith('http')
					? documentationUrl
					: `${codex.resources.primaryDocumentation[0].url}?utm_source=n8n_app`,
			);
			expect(`${opened.origin}${opened.pathname}`).toBe(
				'https://github.com/n8n-nodes-quo/n8n-nodes-quo',
			);
			expect(opened.hash).toBe(`#${section}`);
			expect(anchors).toContain(section);
		}
	});
});

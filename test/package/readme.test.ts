import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { versionDescription } from '../../nodes/Quo/actions/versionDescription';
import { QUO_EVENT_CATALOG } from '../../nodes/Quo/events/catalog';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
const triggerDoc = readFileSync(join(__dirname, '../../docs/trigger.md'), 'utf8');

/** The rows of the Markdown table that follows `heading`, as arrays of trimmed cells (header and rule left out). */
function tableAfter(heading: string, text = readme): string[][] {
	const lines = text.slice(text.indexOf(heading)).split('\n');
	const start = lines.findIndex((line) => line.startsWith('|'));
	const table: string[][] = [];
	for (const line of lines.slice(start + 2)) {
		if (!line.startsWith('|')) break;
		table.push(
			line
				.split('|')
				.slice(1, -1)
				.map((cell) => cell.trim()),
		);
	}
	return table;
}

function optionNames(property: INodeProperties | undefined): string[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).map((option) => option.name).sort();
}

describe('the README and docs/trigger.md', () => {
	test('the README names every trigger event by its label in the node, and nothing else', () => {
		const named = tableAfter('| Events | In the node').flatMap(([, inTheNode]) =>
			inTheNode.split(',').map((label) => label.replace(/\(.*\)/, '').trim()),
		);
		expect(named.sort()).toEqual(QUO_EVENT_CATALOG.map((definition) => definition.label).sort());
	});

	test('docs/trigger.md lists every trigger event with its label and the webhook versions that have it', () => {
		const rows = tableAfter('## Events', triggerDoc);
		expect(rows.map(([event]) => event)).toEqual(
			QUO_EVENT_CATALOG.map((definition) => `\`${definition.name}\``),
		);
		for (const definition of QUO_EVENT_CATALOG) {
			const [, label, , versions] = rows.find(([event]) => event === `\`${definition.name}\``)!;
			expect(label).toBe(definition.label);
			expect(versions.startsWith('both')).toBe(definition.apiVersions.includes('v1'));
		}
	});

	test('lists every resource of the Quo node with exactly the operations the node offers', () => {
		const properties = versionDescription.properties;
		const resources = properties.find((property) => property.name === 'resource')!
			.options as INodePropertyOptions[];
		const rows = tableAfter('## Quo node');
		expect(rows.map(([resource]) => resource).sort()).toEqual(
			resources.map((resource) => resource.name).sort(),
		);
		for (const resource of resources) {
			const operations = properties.find(
				(property) =>
					property.name === 'operation' &&
					property.displayOptions?.show?.resource?.includes(resource.value),
			);
			const [, listed] = rows.find(([name]) => name === resource.name)!;
			const names = listed
				.split(',')
				.map((name) => name.replace(/\(.*\)/, '').trim())
				.sort();
			expect({ resource: resource.name, operations: names }).toEqual({
				resource: resource.name,
				operations: optionNames(operations),
			});
		}
	});
});

/** The anchors GitHub gives a Markdown file's headings: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchors(text: string): Set<string> {
	return new Set(
		[...text.matchAll(/^#+ (.*)$/gm)].map(([, heading]) =>
			heading
				.trim()
				.toLowerCase()
				.replace(/[^\w\- ]/g, '')
				.replace(/ /g, '-'),
		),
	);
}

describe('the documentation', () => {
	const root = join(__dirname, '../..');
	const files = [
		'README.md',
		'CONTRIBUTING.md',
		'SECURITY.md',
		...readdirSync(join(root, 'docs'))
			.filter((f) => f.endsWith('.md'))
			.map((f) => `docs/${f}`),
	];

	test('the README stays short: about 200 lines at most', () => {
		expect(readme.split('\n').length).toBeLessThanOrEqual(200);
	});

	test.each(files)(
		'every link of %s to a file of the repository, and to a heading in it, resolves',
		(file) => {
			const text = readFileSync(join(root, file), 'utf8');
			const broken: string[] = [];
			for (const [, link] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
				if (/^[a-z]+:/.test(link)) continue;
				const [path, anchor] = link.split('#');
				const target = path ? normalize(join(root, dirname(file), path)) : join(root, file);
				if (!existsSync(target)) broken.push(link);
				else if (
					anchor &&
					target.endsWith('.md') &&
					!headingAnchors(readFileSync(target, 'utf8')).has(anchor)
				)
					broken.push(link);
			}
			expect(broken).toEqual([]);
		},
	);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { versionDescription } from '../../nodes/Quo/actions/versionDescription';
import { QUO_EVENT_CATALOG } from '../../nodes/Quo/events/catalog';

const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');

/** The rows of the Markdown table that follows `heading`, as arrays of trimmed cells (header and rule left out). */
function tableAfter(heading: string): string[][] {
	const lines = readme.slice(readme.indexOf(heading)).split('\n');
	const start = lines.findIndex((line) => line.startsWith('|'));
	const table: string[][] = [];
	for (const line of lines.slice(start + 2)) {
		if (!line.startsWith('|')) break;
		table.push(line.split('|').slice(1, -1).map((cell) => cell.trim()));
	}
	return table;
}

function optionNames(property: INodeProperties | undefined): string[] {
	return ((property?.options ?? []) as INodePropertyOptions[]).map((option) => option.name).sort();
}

describe('the README', () => {
	test('lists every trigger event with its label and the webhook versions that have it', () => {
		const rows = tableAfter('### Events');
		expect(rows.map(([event]) => event)).toEqual(QUO_EVENT_CATALOG.map((definition) => `\`${definition.name}\``));
		for (const definition of QUO_EVENT_CATALOG) {
			const [, label, , versions] = rows.find(([event]) => event === `\`${definition.name}\``)!;
			expect(label).toBe(definition.label);
			expect(versions.startsWith('both')).toBe(definition.apiVersions.includes('v1'));
		}
	});

	test("lists every resource of the Quo node with exactly the operations the node offers", () => {
		const properties = versionDescription.properties;
		const resources = properties.find((property) => property.name === 'resource')!.options as INodePropertyOptions[];
		const rows = tableAfter('## Quo (action node)');
		expect(rows.map(([resource]) => resource).sort()).toEqual(resources.map((resource) => resource.name).sort());
		for (const resource of resources) {
			const operations = properties.find(
				(property) => property.name === 'operation' && property.displayOptions?.show?.resource?.includes(resource.value),
			);
			const [, listed] = rows.find(([name]) => name === resource.name)!;
			const names = listed.split(',').map((name) => name.replace(/\(.*\)/, '').trim()).sort();
			expect({ resource: resource.name, operations: names }).toEqual({ resource: resource.name, operations: optionNames(operations) });
		}
	});
});

import fc from 'fast-check';
import type { IDataObject, INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { DEDUPE_MEMORY_SIZE, rememberDelivery, rememberInStaticData } from '../../nodes/Quo/trigger/dedupe';

const TRIGGER_NODE = { name: 'Quo Trigger' } as INode;

/** What n8n does on a restart: static data is saved as JSON and read back. */
function restart<T>(staticData: T): T {
	return JSON.parse(JSON.stringify(staticData)) as T;
}

function keys(count: number, from = 0): string[] {
	return Array.from({ length: count }, (_, index) => `msg_${from + index}`);
}

function rememberAll(staticData: IDataObject, deliveryKeys: string[]): boolean[] {
	return deliveryKeys.map((key) => rememberInStaticData(staticData, key));
}

/** A workflow as n8n builds one for a delivery, so static data sits behind n8n's ObservableObject proxies. */
function loadWorkflow(staticData: IDataObject = {}): Workflow {
	return new Workflow({
		nodes: [],
		connections: {},
		active: true,
		nodeTypes: {} as INodeTypes,
		staticData,
	});
}

function hasUnsavedChanges(workflow: Workflow): boolean {
	return (workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged === true;
}

function markSaved(workflow: Workflow): void {
	(workflow.staticData as IDataObject & { __dataChanged?: boolean }).__dataChanged = false;
}

describe('rememberInStaticData', () => {
	it('accepts a key once and rejects it when it comes again', () => {
		const staticData: IDataObject = {};
		expect(rememberInStaticData(staticData, 'msg_1')).toBe(true);
		expect(rememberInStaticData(staticData, 'msg_1')).toBe(false);
		expect(rememberInStaticData(staticData, 'msg_2')).toBe(true);
		expect(rememberInStaticData(staticData, 'msg_1')).toBe(false);
	});

	it(`remembers the last ${DEDUPE_MEMORY_SIZE} distinct keys and forgets the oldest on the next one`, () => {
		const staticData: IDataObject = {};
		expect(rememberAll(staticData, keys(DEDUPE_MEMORY_SIZE)).every(Boolean)).toBe(true);
		expect(rememberAll(staticData, keys(DEDUPE_MEMORY_SIZE)).some(Boolean)).toBe(false);

		expect(rememberInStaticData(staticData, `msg_${DEDUPE_MEMORY_SIZE}`)).toBe(true);
		expect(rememberInStaticData(staticData, 'msg_1')).toBe(false);
		expect(rememberInStaticData(staticData, `msg_${DEDUPE_MEMORY_SIZE}`)).toBe(false);
		expect(rememberInStaticData(staticData, 'msg_0')).toBe(true);
		// Taking msg_0 back in pushed out the next oldest.
		expect(rememberInStaticData(staticData, 'msg_1')).toBe(true);
		expect(rememberInStaticData(staticData, 'msg_3')).toBe(false);
	});

	it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('remembers a delivery keyed %s like any other, across a restart', (key) => {
		const staticData: IDataObject = {};
		expect(rememberInStaticData(staticData, key)).toBe(true);
		expect(rememberInStaticData(staticData, key)).toBe(false);
		expect(rememberInStaticData(restart(staticData), key)).toBe(false);
	});

	it('keeps no more than its size in static data', () => {
		const staticData: IDataObject = {};
		rememberAll(staticData, keys(3 * DEDUPE_MEMORY_SIZE + 17));
		const stored = JSON.parse(JSON.stringify(staticData)).recentDeliveries;
		expect(stored.keys).toHaveLength(DEDUPE_MEMORY_SIZE);
		expect(Object.keys(stored.index).sort()).toEqual([...stored.keys].sort());
	});

	it('still dedupes after a restart, and evicts in the same order', () => {
		let staticData: IDataObject = {};
		rememberAll(staticData, keys(DEDUPE_MEMORY_SIZE + 250));
		staticData = restart(staticData);

		expect(rememberInStaticData(staticData, `msg_${DEDUPE_MEMORY_SIZE + 249}`)).toBe(false);
		expect(rememberInStaticData(staticData, 'msg_250')).toBe(false);
		expect(rememberInStaticData(staticData, 'msg_249')).toBe(true);
		expect(rememberInStaticData(staticData, 'msg_250')).toBe(true);
		expect(rememberInStaticData(staticData, 'msg_252')).toBe(false);
		expect(rememberInStaticData(staticData, 'msg_251')).toBe(true);
	});

	it('leaves other static data alone', () => {
		const staticData: IDataObject = { webhookId: '42', webhookSecret: 'whsec_x' };
		rememberInStaticData(staticData, 'msg_1');
		expect(staticData).toMatchObject({ webhookId: '42', webhookSecret: 'whsec_x' });
	});

	it.each([
		['a string', 'garbage'],
		['keys that are not an array', { keys: 'msg_1', oldest: 0 }],
		['keys that are not strings', { keys: [1, 2], oldest: 0 }],
		['a missing oldest slot', { keys: ['msg_1'], index: { msg_1: 1 } }],
		['a missing index', { keys: ['msg_1'], oldest: 0 }],
		['an oldest slot out of range', { keys: ['msg_1'], oldest: 5, index: { msg_1: 1 } }],
		['too many keys', { keys: keys(DEDUPE_MEMORY_SIZE + 1), oldest: 0 }],
	])('starts afresh from stored memory holding %s', (_, stored) => {
		const staticData: IDataObject = { recentDeliveries: stored as IDataObject };
		expect(rememberInStaticData(staticData, 'msg_1')).toBe(true);
		expect(rememberInStaticData(staticData, 'msg_1')).toBe(false);
		expect(restart(staticData)).toEqual(staticData);
	});

	it('behaves like a list of the last distinct keys, across restarts', () => {
		type Step = { deliver: string } | { restart: true };
		// Somewhat more keys than the memory holds, so that scripts both repeat keys and evict them.
		const delivery = fc.integer({ min: 0, max: DEDUPE_MEMORY_SIZE + 200 }).map((n) => ({ deliver: `msg_${n}` }));
		const step = fc.oneof(
			{ weight: 50, arbitrary: delivery },
			{ weight: 1, arbitrary: fc.constant({ restart: true as const }) },
		);
		const steps = fc.array(step, { minLength: DEDUPE_MEMORY_SIZE + 100, maxLength: 3 * DEDUPE_MEMORY_SIZE });
		fc.assert(
			fc.property(steps, (script: Step[]) => {
				let staticData: IDataObject = {};
				const model: string[] = [];
				for (const step of script) {
					if ('restart' in step) {
						staticData = restart(staticData);
						continue;
					}
					const expected = !model.includes(step.deliver);
					if (expected) {
						model.push(step.deliver);
						if (model.length > DEDUPE_MEMORY_SIZE) model.shift();
					}
					expect(rememberInStaticData(staticData, step.deliver)).toBe(expected);
				}
			}),
			{ numRuns: 15 },
		);
	});

	describe('inside an n8n workflow', () => {
		it('marks freshly created static data as changed on every new delivery, not on a repeat', () => {
			const workflow = loadWorkflow();
			const staticData = workflow.getStaticData('node', TRIGGER_NODE);
			for (const key of ['msg_1', 'msg_2', 'msg_3']) {
				markSaved(workflow);
				expect(rememberInStaticData(staticData, key)).toBe(true);
				expect(hasUnsavedChanges(workflow)).toBe(true);
			}
			markSaved(workflow);
			expect(rememberInStaticData(staticData, 'msg_2')).toBe(false);
			expect(hasUnsavedChanges(workflow)).toBe(false);
		});

		it('marks loaded static data as changed, and dedupes what was saved', () => {
			const first = loadWorkflow();
			rememberAll(first.getStaticData('node', TRIGGER_NODE), keys(DEDUPE_MEMORY_SIZE + 5));
			const saved = restart(first.staticData);

			const second = loadWorkflow(saved);
			const staticData = second.getStaticData('node', TRIGGER_NODE);
			markSaved(second);
			expect(rememberInStaticData(staticData, 'msg_10')).toBe(false);
			expect(hasUnsavedChanges(second)).toBe(false);
			expect(rememberInStaticData(staticData, 'msg_new')).toBe(true);
			expect(hasUnsavedChanges(second)).toBe(true);

			const third = loadWorkflow(restart(second.staticData));
			const reloaded = third.getStaticData('node', TRIGGER_NODE);
			expect(rememberInStaticData(reloaded, 'msg_new')).toBe(false);
			expect(rememberInStaticData(reloaded, 'msg_5')).toBe(true);
			expect(rememberInStaticData(reloaded, 'msg_6')).toBe(true);
			expect(rememberInStaticData(reloaded, 'msg_8')).toBe(false);
		});
	});
});

describe('rememberDelivery (static data, and this process)', () => {
	it('catches a repeat even when n8n did not save the static data the first delivery wrote (n8n 2.x)', () => {
		const scope = `subscription-${Math.random()}`;
		expect(rememberDelivery({}, 'msg_first', scope)).toBe(true);
		// n8n 2.x reloads the workflow without the write: the static data looks as if nothing was seen.
		expect(rememberDelivery({}, 'msg_first', scope)).toBe(false);
	});

	it('keeps triggers apart: the same delivery id for another subscription is new', () => {
		expect(rememberDelivery({}, 'msg_shared', `a-${Math.random()}`)).toBe(true);
		expect(rememberDelivery({}, 'msg_shared', `b-${Math.random()}`)).toBe(true);
	});

	it('still answers from static data after a restart (a fresh process memory)', () => {
		const staticData: IDataObject = {};
		rememberInStaticData(staticData, 'msg_before_restart');
		expect(rememberDelivery(restart(staticData), 'msg_before_restart', `fresh-${Math.random()}`)).toBe(false);
	});
});

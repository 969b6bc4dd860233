import { NodeApiError } from 'n8n-workflow';

import type { NodeMap } from '../../../../nodes/Quo/actions/node.type';
import { minimalRuns, SEED } from '../../../reliability/operations';
import { locator, type NodeParameters, useQuoNode } from './support';

/**
 * A 404 names the thing Quo did not find, as the operation declares it, not the path it asked: "the sender number
 * (From) PN…" rather than "nothing at /v1/messages".
 */
const session = useQuoNode({ seed: SEED });

async function notFoundHint(parameters: NodeParameters): Promise<string> {
	const error = await session.failure(parameters);
	expect(error).toBeInstanceOf(NodeApiError);
	expect((error as NodeApiError).httpCode).toBe('404');
	return String((error as NodeApiError).description).split('\n')[0]!;
}

describe('a 404 names what Quo did not find', () => {
	test.each([
		['', {}, ''],
		[' as a user', { userId: locator('id', 'USnobody') }, ' or the user (User) USnobody'],
	])('message send%s: the sender number, and the user if one is given', async (_, user, orUser) => {
		const hint = await notFoundHint({
			resource: 'message',
			operation: 'send',
			from: locator('id', 'PNnobody'),
			to: '+15555550100',
			content: 'Hello',
			...user,
		});
		expect(hint).toBe(
			`Quo did not find the sender number (From) PNnobody${orUser}. Check it, and that it belongs to this workspace.`,
		);
	});

	test('contact get: the contact', async () => {
		const hint = await notFoundHint({
			resource: 'contact',
			operation: 'get',
			contactId: locator('id', 'nobody'),
		});
		expect(hint).toBe(
			'Quo did not find the contact nobody. Check it, and that it belongs to this workspace.',
		);
	});

	test('webhook delete: the webhook', async () => {
		const hint = await notFoundHint({
			resource: 'webhook',
			operation: 'delete',
			webhookId: '999999',
		});
		expect(hint).toBe(
			'Quo did not find the webhook 999999. Check it, and that it belongs to this workspace.',
		);
	});

	test('webhook get delivery: the delivery and its webhook', async () => {
		session.standIn.addFault({ method: 'GET', status: 404 });
		const hint = await notFoundHint({
			resource: 'webhook',
			operation: 'getDelivery',
			webhookId: '12',
			deliveryId: 'msg_gone',
		});
		expect(hint).toBe(
			'Quo did not find the delivery msg_gone of webhook 12. Check it, and that it belongs to this workspace.',
		);
	});
});

/** Operations that name nothing that Quo could fail to find: they list, or create from scratch. */
const NOTHING_TO_FIND: { [R in keyof NodeMap]?: Array<NodeMap[R]> } = {
	contact: ['create', 'getMany', 'findByPhone', 'upsert'],
	contactCustomField: ['getMany'],
	conversation: ['getMany'],
	phoneNumber: ['getMany'],
	task: ['create', 'getMany'],
	user: ['getMany'],
	webhook: ['create', 'getMany'],
};

const cases = Object.entries(minimalRuns).flatMap(([resource, operations]) =>
	Object.entries(operations as Record<string, Array<(typeof minimalRuns.call.get)[number]>>).map(
		([operation, [run]]) => ({
			name: `${resource}.${operation}`,
			resource,
			operation,
			run: run!,
			hint: (NOTHING_TO_FIND[resource as keyof NodeMap] as string[] | undefined)?.includes(
				operation,
			)
				? /^Quo has nothing at \/\S+\.$/
				: /^Quo did not find the \w[^.]* \S+\. Check it, and that it belongs to this workspace\.$/,
		}),
	),
);

describe('every operation that works on something by its ID declares what it is', () => {
	test.each(cases)('$name', async ({ resource, operation, run, hint }) => {
		await run.prepare?.(session.standIn);
		const parameters = run.parameters(session.standIn);
		// One generation: of both lists asked at once, the one still on its way when the run fails would land in the next case.
		if (resource === 'webhook' && operation === 'getMany') parameters.apiVersion = '2026-03-30';
		session.standIn.addFault({ status: 404, times: Infinity });

		expect(await notFoundHint({ resource, operation, ...parameters })).toMatch(hint);
	});
});

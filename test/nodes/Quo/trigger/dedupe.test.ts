import { createHash } from 'node:crypto';

import type { IDataObject, INode, Workflow } from 'n8n-workflow';

import type { QuoTrigger } from '../../../../nodes/Quo/QuoTrigger.node';
import { clone, legacySamples, seedEnvelopes } from '../../../fixtures/events';
import { processedData } from '../../../harness/processedData';
import { activate, savedStaticData } from '../../../harness/triggerLifecycle';
import { useTriggerWorld, WEBHOOK_ID } from './support';

// Quo sends a delivery again until n8n answers it with a 2xx; a repeat must never run the workflow twice, and a
// delivery whose first run never started must still run. The memory is n8n's processed_data (here in memory, kept
// across a "restart"), plus what the n8n process itself knows.
const world = useTriggerWorld();

const current = { apiVersion: '2026-03-30' as const, events: ['message.received'] };
const envelope = seedEnvelopes['message.received'];

async function activeTrigger(
	parameters: { apiVersion: '2026-03-30' | 'v1'; events: string[] } = current,
) {
	const { setup, workflow, node } = world.workflowWith(parameters);
	await activate(world.runtime, setup, workflow, node);
	const id =
		parameters.apiVersion === 'v1'
			? world.standIn.state.webhooksV1[0].id
			: world.standIn.state.webhooks2026[0].id;
	return { id, setup, workflow, node, parameters };
}

/** The same workflow after n8n restarted: its static data as saved, and a new process (nothing in its memory). */
function restarted(trigger: { workflow: Workflow; parameters: IDataObject }): void {
	let FreshTrigger: typeof QuoTrigger | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		FreshTrigger = (
			require('../../../../nodes/Quo/QuoTrigger.node') as { QuoTrigger: typeof QuoTrigger }
		).QuoTrigger;
	});
	const setup = {
		nodeType: new FreshTrigger!(),
		parameters: trigger.parameters as never,
		webhookId: WEBHOOK_ID,
	};
	const { workflow, node } = world.runtime.workflow(
		setup,
		savedStaticData(trigger.workflow),
		trigger.workflow.id,
	);
	world.receiver.serve(world.runtime, setup, workflow, node as INode);
}

describe('a repeated delivery', () => {
	test('runs nothing a second time, and the process that ran it starts no execution for it', async () => {
		const { id } = await activeTrigger();
		const first = await world.standIn.deliver({ webhookId: id, envelope });

		const repeat = await world.standIn.deliver({
			webhookId: id,
			envelope,
			deliveryId: first.deliveryId!,
		});

		expect(repeat.finalStatus).toBe(200);
		expect(world.receiver.runs.map(([item]) => item.json.deliveryId)).toEqual([first.deliveryId]);
		expect(world.receiver.executions).toBe(1);
	});

	test('after a restart runs nothing either: its execution ends at the trigger with no items', async () => {
		const trigger = await activeTrigger();
		const first = await world.standIn.deliver({ webhookId: trigger.id, envelope });
		restarted(trigger);

		const repeat = await world.standIn.deliver({
			webhookId: trigger.id,
			envelope,
			deliveryId: first.deliveryId!,
		});
		const next = await world.standIn.deliver({
			webhookId: trigger.id,
			envelope: { ...envelope, id: 'EVafterRestart' },
		});

		expect([repeat.finalStatus, next.finalStatus]).toEqual([200, 200]);
		expect(world.receiver.runs.map(([item]) => item.json.eventId)).toEqual([
			envelope.id,
			'EVafterRestart',
		]);
		expect(world.receiver.executions).toBe(3);
	});

	test('sent twice at the same moment runs once: this process checks one delivery of a trigger at a time', async () => {
		const { id } = await activeTrigger();
		const deliveryId = 'msg_sentTwiceAtOnce';

		const both = await Promise.all(
			[1, 2].map(
				async () =>
					await world.standIn.deliver({ webhookId: id, envelope, deliveryId, retry: false }),
			),
		);

		expect(both.map((delivery) => delivery.finalStatus)).toEqual([200, 200]);
		expect(world.receiver.executions).toBe(2);
		expect(world.receiver.runs.map(([item]) => item.json.deliveryId)).toEqual([deliveryId]);
	});

	test("whose first run n8n failed to start is run by Quo's retry, once", async () => {
		const { id } = await activeTrigger();
		world.receiver.failNextExecutionStart();

		const delivery = await world.standIn.deliver({ webhookId: id, envelope });
		const again = await world.standIn.deliver({
			webhookId: id,
			envelope,
			deliveryId: delivery.deliveryId!,
		});

		expect(delivery.attempts.map((attempt) => attempt.status)).toEqual([500, 200]);
		expect(again.finalStatus).toBe(200);
		expect(world.receiver.runs.map(([item]) => item.json.deliveryId)).toEqual([
			delivery.deliveryId,
		]);
	});

	test('"Listen for test event" deliveries are never remembered: the same delivery in production runs', async () => {
		const { setup, workflow, node } = world.workflowWith({
			...current,
			options: { sendSampleEventOnTest: false },
		});
		await activate(world.runtime, setup, workflow, node, 'manual', 'manual');
		world.receiver.serve(world.runtime, setup, workflow, node, 'manual');
		const id = world.standIn.state.webhooks2026[0].id;
		const tested = await world.standIn.deliver({ webhookId: id, envelope });
		const testedAgain = await world.standIn.deliver({
			webhookId: id,
			envelope,
			deliveryId: tested.deliveryId!,
		});
		world.receiver.serve(world.runtime, setup, workflow, node, 'webhook');

		const production = await world.standIn.deliver({
			webhookId: id,
			envelope,
			deliveryId: tested.deliveryId!,
		});

		expect([tested.finalStatus, testedAgain.finalStatus, production.finalStatus]).toEqual([
			200, 200, 200,
		]);
		expect(world.receiver.runs).toHaveLength(3);
	});

	test('a test delivery of an event production already ran still reaches the editor', async () => {
		const { setup, workflow, node, id } = await activeTrigger();
		const delivered = await world.standIn.deliver({ webhookId: id, envelope });
		world.receiver.serve(world.runtime, setup, workflow, node, 'manual');

		const tested = await world.standIn.deliver({
			webhookId: id,
			envelope,
			deliveryId: delivered.deliveryId!,
		});

		expect(tested.finalStatus).toBe(200);
		expect(world.receiver.runs).toHaveLength(2);
	});

	test('an execution the user retries runs again', async () => {
		const { setup, workflow, node, id } = await activeTrigger();
		await world.standIn.deliver({ webhookId: id, envelope });
		const [[item]] = world.receiver.runs;

		const [retried] = await world.runtime.executeIn(setup, workflow, node, [item], 'retry');

		expect(retried).toEqual([item]);
	});

	test('when n8n cannot read its memory of deliveries, the delivery runs (a possible repeat rather than a lost event)', async () => {
		const { id } = await activeTrigger();
		const failing = jest
			.spyOn(processedData, 'checkProcessedAndRecord')
			.mockRejectedValueOnce(new Error('database is locked'));

		const delivery = await world.standIn.deliver({ webhookId: id, envelope });

		expect(failing).toHaveBeenCalledTimes(1);
		expect(delivery.finalStatus).toBe(200);
		expect(world.receiver.runs).toHaveLength(1);
	});
});

describe('v1 deliveries', () => {
	const legacy = { apiVersion: 'v1' as const, events: ['message.received'] };

	test('a body that is not JSON is known by the hash of its bytes: the same bytes again run nothing, other bytes run', async () => {
		const trigger = await activeTrigger(legacy);
		const sent = (rawBody: string) =>
			world.standIn.deliver({
				webhookId: trigger.id,
				rawBody,
				retry: false,
				signing: { headers: { 'content-type': 'text/plain' } },
			});

		const statuses = [
			(await sent('not json')).finalStatus,
			(await sent('not json')).finalStatus,
			(await sent('not json either')).finalStatus,
		];
		restarted(trigger);
		statuses.push((await sent('not json')).finalStatus);

		expect(statuses).toEqual([200, 200, 200, 200]);
		const hashOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
		expect(world.receiver.runs.map(([item]) => item.json.eventId)).toEqual([
			hashOf('not json'),
			hashOf('not json either'),
		]);
	});

	test('a repeated event id runs nothing a second time, after a restart too', async () => {
		const trigger = await activeTrigger(legacy);
		const legacyEnvelope = clone(legacySamples.messageReceivedV4Docs);
		await world.standIn.deliver({ webhookId: trigger.id, envelope: legacyEnvelope });
		await world.standIn.deliver({ webhookId: trigger.id, envelope: legacyEnvelope });
		restarted(trigger);
		await world.standIn.deliver({ webhookId: trigger.id, envelope: legacyEnvelope });

		expect(world.receiver.runs).toHaveLength(1);
	});
});

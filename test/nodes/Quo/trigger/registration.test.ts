import { NodeApiError } from 'n8n-workflow';

import { activate, deactivate, savedStaticData } from '../../../harness/triggerLifecycle';
import { describeWithSpecs } from '../../../stand-in/test-support/spec-availability';
import { requestsTo, useTriggerWorld } from './support';

const world = useTriggerWorld();

const current = {
	apiVersion: '2026-03-30' as const,
	events: ['message.received', 'call.summary.completed', 'contact.updated'],
};
const legacy = {
	apiVersion: 'v1' as const,
	events: ['message.received', 'call.completed', 'call.ringing', 'call.summary.completed'],
};

function everyRequestValid(): void {
	const invalid = world.standIn.requests.filter((request) => request.validationErrors.length > 0);
	expect(
		invalid.map(
			(request) => `${request.method} ${request.path}: ${request.validationErrors.join('; ')}`,
		),
	).toEqual([]);
}

describe('2026-03-30 subscription', () => {
	test('activation creates exactly one subscription for the node URL, with the chosen events and numbers', async () => {
		const phoneNumberId = world.standIn.state.phoneNumbers[0].id;
		const { setup, workflow, node } = world.workflowWith({
			...current,
			phoneNumberIds: [phoneNumberId],
		});
		await activate(world.runtime, setup, workflow, node);

		expect(world.standIn.state.webhooks2026).toHaveLength(1);
		const [subscription] = world.standIn.state.webhooks2026;
		expect(subscription).toMatchObject({
			url: world.url,
			events: current.events,
			resourceIds: [phoneNumberId],
			status: 'enabled',
		});
		const create = world.standIn.requests.find(
			(request) => request.method === 'POST' && request.path === '/webhooks',
		);
		expect(create?.headers['quo-api-version']).toBe('2026-03-30');
		expect(create?.body).toMatchObject({ url: world.url, label: expect.stringContaining('n8n') });
		// The id and signing key are kept in the workflow's static data, which n8n saves with the workflow.
		expect(workflow.staticData[`node:${node.name}`]).toMatchObject({
			apiVersion: '2026-03-30',
			subscriptions: [{ id: subscription.id, key: subscription.key, family: null }],
		});
	});

	test('a second activation and an n8n restart with static data keep the one subscription, untouched', async () => {
		const first = world.workflowWith(current);
		await activate(world.runtime, first.setup, first.workflow, first.node);
		await activate(world.runtime, first.setup, first.workflow, first.node);

		const restarted = world.workflowWith(current, savedStaticData(first.workflow));
		await activate(world.runtime, restarted.setup, restarted.workflow, restarted.node, 'init');

		expect(world.standIn.state.webhooks2026).toHaveLength(1);
		expect(requestsTo(world.standIn, 'POST', /^\/webhooks$/)).toBe(1);
		expect(requestsTo(world.standIn, 'POST', /rotate$/)).toBe(0);
		expect(requestsTo(world.standIn, 'PATCH', /.*/)).toBe(0);
	});

	test('a restart with lost static data adopts the subscription and rotates its secret; deliveries verify with the new key', async () => {
		const first = world.workflowWith(current);
		await activate(world.runtime, first.setup, first.workflow, first.node);
		const [subscription] = world.standIn.state.webhooks2026;

		const amnesiac = world.workflowWith(current, {});
		await activate(world.runtime, amnesiac.setup, amnesiac.workflow, amnesiac.node, 'init');

		expect(world.standIn.state.webhooks2026.map((webhook) => webhook.id)).toEqual([
			subscription.id,
		]);
		expect(requestsTo(world.standIn, 'POST', /rotate$/)).toBe(1);
		const delivery = await world.standIn.deliver({
			webhookId: subscription.id,
			envelope: {
				id: 'EVafter',
				apiVersion: '2026-03-30',
				createdAt: '2026-04-13T12:00:00.000Z',
				type: 'contact.updated',
				data: { resource: {}, context: null, links: { quo: null } },
			},
			retry: false,
		});
		expect(delivery.finalStatus).toBe(200);
		expect(world.receiver.runs).toHaveLength(1);
	});

	test('changed events or phone numbers update the subscription in place', async () => {
		const first = world.workflowWith(current);
		await activate(world.runtime, first.setup, first.workflow, first.node);
		const [before] = world.standIn.state.webhooks2026;

		const phoneNumberId = world.standIn.state.phoneNumbers[1].id;
		const changed = world.workflowWith(
			{ ...current, events: ['message.received'], phoneNumberIds: [phoneNumberId] },
			savedStaticData(first.workflow),
		);
		await activate(world.runtime, changed.setup, changed.workflow, changed.node);

		expect(world.standIn.state.webhooks2026).toHaveLength(1);
		expect(world.standIn.state.webhooks2026[0]).toMatchObject({
			id: before.id,
			events: ['message.received'],
			resourceIds: [phoneNumberId],
		});
		expect(requestsTo(world.standIn, 'PATCH', /^\/webhooks\//)).toBe(1);
	});

	test('duplicates Quo holds for the node URL are reduced to one', async () => {
		const first = world.workflowWith(current);
		await activate(world.runtime, first.setup, first.workflow, first.node);
		const other = world.workflowWith(current, {});
		await world.runtime.hook(other.setup, 'create', other.workflow, other.node);
		expect(world.standIn.state.webhooks2026).toHaveLength(2);

		const restarted = world.workflowWith(current, savedStaticData(first.workflow));
		await activate(world.runtime, restarted.setup, restarted.workflow, restarted.node, 'init');
		expect(world.standIn.state.webhooks2026).toHaveLength(1);
	});

	test('deactivation leaves none, and a subscription already gone on Quo deactivates cleanly', async () => {
		const first = world.workflowWith(current);
		await activate(world.runtime, first.setup, first.workflow, first.node);
		await deactivate(world.runtime, first.setup, first.workflow, first.node);
		expect(world.standIn.state.webhooks2026).toHaveLength(0);

		const second = world.workflowWith(current);
		await activate(world.runtime, second.setup, second.workflow, second.node);
		world.standIn.state.webhooks2026.length = 0;
		await expect(
			deactivate(world.runtime, second.setup, second.workflow, second.node),
		).resolves.toBeUndefined();
	});

	test("a 500 from Quo on create fails activation with Quo's message", async () => {
		world.standIn.addFault({
			method: 'POST',
			path: '/webhooks',
			status: 500,
			body: {
				message: 'Webhook service unavailable',
				code: '0301500',
				status: 500,
				title: 'Internal Server Error',
			},
		});
		const { setup, workflow, node } = world.workflowWith(current);
		const failure = await activate(world.runtime, setup, workflow, node).catch(
			(error: unknown) => error,
		);
		expect(failure).toBeInstanceOf(NodeApiError);
		expect((failure as NodeApiError).message).toBe('Webhook service unavailable');
		expect(world.standIn.state.webhooks2026).toHaveLength(0);
	});

	test('a failed removal is raised, not swallowed, and the next activation cleans up', async () => {
		const first = world.workflowWith(current);
		await activate(world.runtime, first.setup, first.workflow, first.node);
		world.standIn.addFault({ method: 'DELETE', path: /^\/webhooks\//, status: 403, times: 1 });
		await expect(
			deactivate(world.runtime, first.setup, first.workflow, first.node),
		).rejects.toThrow(NodeApiError);
		expect(world.standIn.state.webhooks2026).toHaveLength(1);
		await deactivate(world.runtime, first.setup, first.workflow, first.node);
		expect(world.standIn.state.webhooks2026).toHaveLength(0);
	});
});

describe('v1 subscriptions (one per event family)', () => {
	test('activation creates one subscription per family of the chosen events', async () => {
		const { setup, workflow, node } = world.workflowWith(legacy);
		await activate(world.runtime, setup, workflow, node);

		const byEvents = world.standIn.state.webhooksV1.map((webhook) => [...webhook.events].sort());
		expect(byEvents.sort()).toEqual([
			['call.completed', 'call.ringing'],
			['call.summary.completed'],
			['message.received'],
		]);
		expect(world.standIn.state.webhooksV1.every((webhook) => webhook.url === world.url)).toBe(true);
		expect(
			world.standIn.requests
				.filter((request) => request.method === 'POST')
				.map((request) => request.path)
				.sort(),
		).toEqual(['/v1/webhooks/call-summaries', '/v1/webhooks/calls', '/v1/webhooks/messages']);
		expect(
			world.standIn.requests.some((request) => request.headers['quo-api-version'] !== undefined),
		).toBe(false);
	});

	test('a second activation, a restart with static data and a restart with lost static data keep exactly three', async () => {
		const first = world.workflowWith(legacy);
		await activate(world.runtime, first.setup, first.workflow, first.node);
		await activate(world.runtime, first.setup, first.workflow, first.node);
		const restarted = world.workflowWith(legacy, savedStaticData(first.workflow));
		await activate(world.runtime, restarted.setup, restarted.workflow, restarted.node, 'init');
		const amnesiac = world.workflowWith(legacy, {});
		await activate(world.runtime, amnesiac.setup, amnesiac.workflow, amnesiac.node, 'init');

		expect(world.standIn.state.webhooksV1).toHaveLength(3);
		expect(requestsTo(world.standIn, 'POST', /^\/v1\/webhooks\//)).toBe(3);

		// The adopted keys (from Quo's list) verify deliveries.
		const messages = world.standIn.state.webhooksV1.find((webhook) =>
			webhook.events.includes('message.received'),
		)!;
		const delivery = await world.standIn.deliver({
			webhookId: messages.id,
			envelope: {
				id: 'EVv1',
				object: 'event',
				apiVersion: 'v4',
				createdAt: '2026-01-01T00:00:00.000Z',
				type: 'message.received',
				data: {
					object: {
						id: 'AC1',
						object: 'message',
						from: '+15555550100',
						to: ['+15555550101'],
						direction: 'incoming',
						text: 'hi',
						status: 'received',
						createdAt: '2026-01-01T00:00:00.000Z',
						userId: 'US1',
						phoneNumberId: 'PN1',
					},
				},
			},
			retry: false,
		});
		expect(delivery.finalStatus).toBe(200);
		expect(world.receiver.runs).toHaveLength(1);
	});

	test('changed events create and delete per family', async () => {
		const first = world.workflowWith(legacy);
		await activate(world.runtime, first.setup, first.workflow, first.node);
		const changed = world.workflowWith(
			{ apiVersion: 'v1', events: ['message.received', 'call.transcript.completed'] },
			savedStaticData(first.workflow),
		);
		await activate(world.runtime, changed.setup, changed.workflow, changed.node);

		const families = world.standIn.state.webhooksV1
			.map((webhook) => webhook.events.join(','))
			.sort();
		expect(families).toEqual(['call.transcript.completed', 'message.received']);
	});

	test('a family Quo refuses fails activation with the reason and removes the families created before it', async () => {
		world.standIn.addFault({
			method: 'POST',
			path: '/v1/webhooks/call-summaries',
			status: 500,
			body: {
				message: 'Could not create webhook',
				code: '0301500',
				status: 500,
				title: 'Internal Server Error',
			},
		});
		const { setup, workflow, node } = world.workflowWith(legacy);
		expect(await world.runtime.hook(setup, 'checkExists', workflow, node)).toBe(false);
		const failure = await world.runtime
			.hook(setup, 'create', workflow, node)
			.catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(NodeApiError);
		expect((failure as NodeApiError).message).toBe('Could not create webhook');
		expect((failure as NodeApiError).description).toContain(
			'Quo refused the "call-summaries" webhook. The 2 created before it were removed again.',
		);
		expect(world.standIn.state.webhooksV1).toHaveLength(0);
	});

	test('deactivation leaves none', async () => {
		const { setup, workflow, node } = world.workflowWith(legacy);
		await activate(world.runtime, setup, workflow, node);
		await deactivate(world.runtime, setup, workflow, node);
		expect(world.standIn.state.webhooksV1).toHaveLength(0);
	});
});

describe('switching the webhook version', () => {
	test('the subscriptions of the other generation are removed', async () => {
		const first = world.workflowWith(legacy);
		await activate(world.runtime, first.setup, first.workflow, first.node);
		const switched = world.workflowWith(current, savedStaticData(first.workflow));
		await activate(world.runtime, switched.setup, switched.workflow, switched.node);
		expect(world.standIn.state.webhooksV1).toHaveLength(0);
		expect(world.standIn.state.webhooks2026).toHaveLength(1);
	});
});

describeWithSpecs('what Quo sees is valid against its OpenAPI documents', () => {
	test('every request of a full lifecycle of both generations', async () => {
		for (const parameters of [current, legacy]) {
			const first = world.workflowWith(parameters);
			await activate(world.runtime, first.setup, first.workflow, first.node);
			const restarted = world.workflowWith(parameters, {});
			await activate(world.runtime, restarted.setup, restarted.workflow, restarted.node, 'init');
			await deactivate(world.runtime, restarted.setup, restarted.workflow, restarted.node);
		}
		expect(world.standIn.requests.length).toBeGreaterThan(8);
		everyRequestValid();
	});
});

import type { IDataObject, INode, Workflow } from 'n8n-workflow';

import { QuoTrigger } from '../../../../nodes/Quo/QuoTrigger.node';
import { N8nRuntime, type NodeSetup } from '../../../harness/runtime';
import { WebhookReceiver } from '../../../harness/webhookReceiver';
import type { StandIn } from '../../../stand-in';
import { startStandIn } from '../../../stand-in';

export const WEBHOOK_ID = '5f0c1a7e-2b7d-4c1e-9d3f-quo-trigger';

export interface TriggerParameters {
	apiVersion: '2026-03-30' | 'v1';
	events: string[];
	phoneNumberIds?: string[];
	options?: IDataObject;
}

export interface TriggerWorld {
	standIn: StandIn;
	receiver: WebhookReceiver;
	runtime: N8nRuntime;
	/**
	 * A trigger node with these parameters, in a workflow with this static data (n8n's saved copy, or none), at the
	 * typeVersion n8n gives a new node unless another is asked for.
	 */
	workflowWith(
		parameters: TriggerParameters,
		staticData?: IDataObject,
		typeVersion?: number,
	): { setup: NodeSetup; workflow: Workflow; node: INode };
	/** The production URL n8n registers for the trigger. */
	url: string;
}

/** A stand-in for Quo and a receiver for n8n's webhook port, started once per test file. */
export function useTriggerWorld(): TriggerWorld {
	const world = {} as TriggerWorld;
	let workflowCount = 0;
	let workflowId = 'wf-0';
	beforeAll(async () => {
		world.standIn = await startStandIn({ deliveryRetryDelaysMs: [20, 20] });
		world.receiver = await WebhookReceiver.start();
		world.runtime = new N8nRuntime({
			baseUrl: world.standIn.url,
			apiKey: world.standIn.apiKey,
			webhookBaseUrl: world.receiver.baseUrl,
		});
		world.url = `${world.receiver.baseUrl}webhook/${WEBHOOK_ID}/webhook`;
		world.workflowWith = (parameters, staticData = {}, typeVersion) => {
			const setup: NodeSetup = {
				nodeType: new QuoTrigger(),
				parameters: { ...parameters } as never,
				webhookId: WEBHOOK_ID,
				typeVersion,
			};
			const { workflow, node } = world.runtime.workflow(setup, staticData, workflowId);
			world.receiver.serve(world.runtime, setup, workflow, node);
			return { setup, workflow, node };
		};
	});
	beforeEach(() => {
		world.standIn.reset();
		world.receiver.clear();
		// Each test a workflow of its own (within a test, the same one however often it is loaded), so that what n8n
		// remembers of a workflow's deliveries (processed_data, the process's memory) starts empty.
		workflowId = `wf-${++workflowCount}`;
	});
	afterAll(async () => {
		await world.receiver?.close();
		await world.standIn?.close();
	});
	return world;
}

/** Requests the stand-in received for one method and path (regexp), for counting calls Quo saw. */
export function requestsTo(standIn: StandIn, method: string, path: RegExp): number {
	return standIn.requests.filter((request) => request.method === method && path.test(request.path))
		.length;
}

/** Shifts every clock in this process (the trigger's, Quo's) by `ms`; `jest.restoreAllMocks()` undoes it. */
export function later(ms: number): void {
	const now = Date.now.bind(Date);
	jest.spyOn(Date, 'now').mockImplementation(() => now() + ms);
}

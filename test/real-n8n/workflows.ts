// Turning a workflow's triggers on and off, and knowing when that has actually happened, on 1.x and 2.x.
//   1.x: POST /api/v1/workflows/{id}/activate registers the triggers/webhooks before it answers; an activation
//        error (e.g. a trigger's webhook `create()` throwing) is the HTTP error of that call.
//   2.x: POST /api/v1/workflows/{id}/publish only queues the publication (outbox, N8N_USE_WORKFLOW_PUBLICATION_SERVICE
//        defaults to true in 2.41); the server applies it moments later. The call succeeds even if a trigger then
//        fails to activate: the outcome is in GET /rest/workflows/{id}/publication-status (per trigger, with the
//        error message). Same for unpublish.
import type { Bootstrapped } from './bootstrap';
import type { Workflow } from './n8n-public-api';
import type { PublicationStatus } from './n8n-rest';
import { waitFor } from './util';

export class TriggerActivationError extends Error {
	constructor(
		message: string,
		readonly status?: PublicationStatus,
	) {
		super(message);
	}
}

/** Activates (1.x) / publishes (2.x) and waits until the triggers are live; throws TriggerActivationError if any failed. */
export async function activateWorkflow(
	ctx: Bootstrapped,
	workflowId: string,
	{ timeoutMs = 60_000 } = {},
): Promise<Workflow> {
	let workflow: Workflow;
	try {
		workflow = await ctx.api.activate(workflowId);
	} catch (error) {
		throw new TriggerActivationError((error as Error).message);
	}
	if (ctx.api.major < 2) return workflow;
	const status = await waitFor(
		`publication of workflow ${workflowId} to settle`,
		async () => {
			const s = await ctx.rest.publicationStatus(workflowId);
			return s.status !== 'in_progress' &&
				s.status !== 'not_published' &&
				s.pendingVersionId === null
				? s
				: false;
		},
		{ timeoutMs, intervalMs: 200 },
	);
	if (status.status !== 'published') {
		const errors = status.triggers
			.filter((t) => t.status !== 'activated')
			.map((t) => `${t.nodeId}: ${t.errorMessage ?? t.status}`);
		throw new TriggerActivationError(`publication ${status.status}: ${errors.join('; ')}`, status);
	}
	return workflow;
}

/** Deactivates (1.x) / unpublishes (2.x) and waits until the triggers are gone. */
export async function deactivateWorkflow(
	ctx: Bootstrapped,
	workflowId: string,
	{ timeoutMs = 60_000 } = {},
): Promise<Workflow> {
	const workflow = await ctx.api.deactivate(workflowId);
	if (ctx.api.major < 2) return workflow;
	await waitFor(
		`unpublication of workflow ${workflowId} to settle`,
		async () => {
			const s = await ctx.rest.publicationStatus(workflowId);
			return s.status === 'not_published' && s.pendingVersionId === null;
		},
		{ timeoutMs, intervalMs: 200 },
	);
	return workflow;
}

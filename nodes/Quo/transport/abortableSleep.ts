import * as n8nWorkflow from 'n8n-workflow';

type AbortableSleep = (ms: number, abortSignal: AbortSignal) => Promise<void>;

/**
 * Resolves after `ms`, or rejects once `abortSignal` fires. n8n hands community nodes its own n8n-workflow, which
 * has this as `sleepWithAbort` in n8n 1.x and as `sleep(ms, signal)` in n8n 2.41, which has no `sleepWithAbort`.
 */
export const abortableSleep: AbortableSleep =
	(n8nWorkflow as { sleepWithAbort?: AbortableSleep }).sleepWithAbort ??
	(n8nWorkflow.sleep as unknown as AbortableSleep);

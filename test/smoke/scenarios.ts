// The smoke run's two scenarios on one n8n version, with a throwaway probe package (fixtures/n8n-nodes-e2e-probe):
// A (normalInstance) installs it as a tarball into ~/.n8n/nodes, B (communityNodesInstance) through Community Nodes.
// Each step is a report row; a failed step ends its scenario and prints the tail of n8n's log.
import { randomUUID } from 'node:crypto';
import * as path from 'node:path';

import { bootstrap, setupOwner, type Bootstrapped } from '../real-n8n/bootstrap';
import { assert } from '../real-n8n/checks';
import { majorOf } from '../real-n8n/layout';
import { N8nInstance } from '../real-n8n/n8n-instance';
import { nodeOutput, type Execution } from '../real-n8n/n8n-public-api';
import { CUSTOM_REGISTRY_FEATURE } from '../real-n8n/n8n-rest';
import { type Report, StepFailed } from '../real-n8n/report';
import { seconds, sleep, waitFor } from '../real-n8n/util';
import type { Verdaccio } from '../real-n8n/verdaccio';
import { activateWorkflow, deactivateWorkflow } from '../real-n8n/workflows';
import { Recorder } from './recorder';

export const PROBE_DIR = path.join(__dirname, 'fixtures', 'n8n-nodes-e2e-probe');
const PROBE_PACKAGE = 'n8n-nodes-e2e-probe';
const PROBE_NODE_TYPE = `${PROBE_PACKAGE}.e2eProbe`;
const PROBE_TRIGGER_TYPE = `${PROBE_PACKAGE}.e2eProbeTrigger`;

async function postJson(url: string, body: unknown): Promise<{ status: number; text: string }> {
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: res.status, text: await res.text() };
}

async function waitForExecutions(
	ctx: Bootstrapped,
	workflowId: string,
	count: number,
): Promise<Execution[]> {
	return waitFor(
		`${count} finished execution(s) of workflow ${workflowId}`,
		async () => {
			const { data } = await ctx.api.listExecutions({ workflowId, includeData: true });
			const done = data.filter((e) => e.finished || e.status === 'success' || e.status === 'error');
			return done.length >= count ? done : false;
		},
		{ timeoutMs: 30_000, intervalMs: 300 },
	);
}

/** Scenario A on one version. */
export async function normalInstance(
	report: Report,
	version: string,
	probeTarball: string,
): Promise<void> {
	const step = <T>(name: string, fn: () => Promise<{ value: T; detail?: string }>) =>
		report.require(version, 'tarball', name, fn);
	const major = majorOf(version);
	const n8n = await N8nInstance.create({ version });
	const recorder = new Recorder();
	await recorder.start();
	try {
		await step('install probe tarball into ~/.n8n/nodes', async () => {
			const installed = await n8n.installTarball(probeTarball);
			return { value: installed, detail: `${installed.name}@${installed.version}` };
		});
		await step('start', async () => ({
			value: undefined,
			detail: `ready in ${await n8n.start()}s on :${n8n.port}`,
		}));
		const ctx = await step('owner setup + login + API key', async () => {
			const boot = await bootstrap(n8n);
			return { value: boot, detail: `${boot.scopes.length} scopes` };
		});
		await step('probe node type loaded (tarball route)', async () => {
			const names = await ctx.rest.nodeTypeNames();
			for (const type of [PROBE_NODE_TYPE, PROBE_TRIGGER_TYPE])
				assert(names.includes(type), `${type} not among ${names.length} node types`);
			return { value: undefined, detail: `${PROBE_NODE_TYPE}, ${PROBE_TRIGGER_TYPE}` };
		});

		// A built-in credential type with a real test request: the n8n API credential, pointed at this very instance.
		const credential = await step('create credential (n8nApi) via public API', async () => ({
			value: await ctx.api.createCredential({
				name: 'e2e n8n API',
				type: 'n8nApi',
				data: { apiKey: ctx.apiKey.rawApiKey, baseUrl: `${n8n.baseUrl}/api/v1` },
			}),
		}));
		await step('credential test (REST, as the UI) -> OK', async () => {
			const result = await ctx.rest.testStoredCredential(credential.id);
			assert(result.status === 'OK', `expected OK, got ${JSON.stringify(result)}`);
			return { value: undefined, detail: result.message };
		});
		await step('credential test with a wrong key -> Error', async () => {
			const result = await ctx.rest.testStoredCredential(credential.id, { apiKey: 'wrong-key' });
			assert(result.status === 'Error', `expected Error, got ${JSON.stringify(result)}`);
			return { value: undefined, detail: result.message.slice(0, 60) };
		});
		if (major >= 2) {
			await step('credential test via public API (2.x only)', async () => {
				const result = await ctx.api.testCredential(credential.id);
				assert(result.status === 'OK', `expected OK, got ${JSON.stringify(result)}`);
				return { value: undefined, detail: result.message };
			});
		}

		// W1 Webhook -> E2E Probe: the production webhook, the execution record, and the tarball-installed node running.
		// W2 E2E Probe Trigger -> E2E Probe: a community trigger with checkExists/create/delete (reported to `recorder`).
		const webhookPath = `e2e-smoke-${randomUUID().slice(0, 8)}`;
		const triggerWebhookId = randomUUID();
		const [w1, w2] = await step('create workflows (Webhook, Probe Trigger)', async () => ({
			value: [
				await ctx.api.createWorkflow({
					name: 'e2e smoke webhook',
					nodes: [
						{
							name: 'Webhook',
							type: 'n8n-nodes-base.webhook',
							typeVersion: 2,
							position: [0, 0],
							webhookId: randomUUID(),
							parameters: {
								httpMethod: 'POST',
								path: webhookPath,
								responseMode: 'onReceived',
								options: {},
							},
						},
						{
							name: 'E2E Probe',
							type: PROBE_NODE_TYPE,
							typeVersion: 1,
							position: [220, 0],
							parameters: {},
						},
					],
					connections: { Webhook: { main: [[{ node: 'E2E Probe', type: 'main', index: 0 }]] } },
					settings: { executionOrder: 'v1' },
				}),
				await ctx.api.createWorkflow({
					name: 'e2e smoke probe trigger',
					nodes: [
						{
							name: 'Probe Trigger',
							type: PROBE_TRIGGER_TYPE,
							typeVersion: 1,
							position: [0, 0],
							webhookId: triggerWebhookId,
							parameters: { recorderUrl: recorder.url },
						},
						{
							name: 'E2E Probe',
							type: PROBE_NODE_TYPE,
							typeVersion: 1,
							position: [220, 0],
							parameters: {},
						},
					],
					connections: {
						'Probe Trigger': { main: [[{ node: 'E2E Probe', type: 'main', index: 0 }]] },
					},
					settings: { executionOrder: 'v1' },
				}),
			],
		}));
		const triggerUrl = n8n.webhookUrl(`${triggerWebhookId}/webhook`);
		await step(
			major >= 2 ? 'publish both (waits for publication-status)' : 'activate both',
			async () => {
				const t = Date.now();
				const wf = await activateWorkflow(ctx, w1.id);
				await activateWorkflow(ctx, w2.id);
				const settled = seconds(t);
				for (const id of [w1.id, w2.id]) {
					const fetched = await ctx.api.getWorkflow(id);
					assert(fetched.active === true, `workflow ${id} not active after activation`);
				}
				const calls = recorder.summary();
				assert(
					calls.includes('create(activate)'),
					`probe trigger lifecycle on activation: ${calls.join(', ')}`,
				);
				return {
					value: undefined,
					detail: `live after ${settled}s; trigger: ${calls.join(', ')}${'activeVersionId' in wf ? '; activeVersionId set' : ''}`,
				};
			},
		);
		await step('POST both production URLs -> executions', async () => {
			const res = await postJson(n8n.webhookUrl(webhookPath), { hello: 'world', n: 1 });
			assert(res.status === 200, `webhook answered ${res.status}: ${res.text}`);
			const [execution] = await waitForExecutions(ctx, w1.id, 1);
			const full = await ctx.api.getExecution(execution.id, true);
			const out = nodeOutput(full, 'E2E Probe');
			assert(out.length === 1 && out[0].probe === true, `probe output: ${JSON.stringify(out)}`);
			assert(
				(out[0].body as Record<string, unknown>)?.hello === 'world',
				`webhook body not passed through: ${JSON.stringify(out[0])}`,
			);
			const res2 = await postJson(triggerUrl, { from: 'trigger' });
			assert(res2.status === 200, `probe trigger webhook answered ${res2.status}: ${res2.text}`);
			const [execution2] = await waitForExecutions(ctx, w2.id, 1);
			const out2 = nodeOutput(await ctx.api.getExecution(execution2.id, true), 'E2E Probe');
			assert(
				out2[0]?.probeTrigger === true && out2[0]?.probe === true,
				`probe trigger output: ${JSON.stringify(out2)}`,
			);
			return {
				value: undefined,
				detail: `executions ${execution.id} (${execution.mode}, ${execution.status}), ${execution2.id}`,
			};
		});
		await step('restart n8n with both workflows active', async () => {
			const before = recorder.calls.length;
			const stopped = await n8n.stop();
			const duringStop = recorder.summary(before);
			const restartedIn = await n8n.start();
			// 2.x re-activates published workflows asynchronously after startup (publication reconciler): give it a moment.
			await sleep(Number(process.env.QUO_E2E_RESTART_SETTLE_MS ?? 3000));
			const afterStart = recorder.summary(before + duringStop.length);
			return {
				value: undefined,
				detail: `stop ${stopped.seconds}s, ready in ${restartedIn}s; trigger on stop: [${duringStop.join(', ')}], on start: [${afterStart.join(', ')}]`,
			};
		});
		await step('after restart: both still active, both run again', async () => {
			for (const id of [w1.id, w2.id])
				assert(
					(await ctx.api.getWorkflow(id)).active === true,
					`workflow ${id} inactive after restart`,
				);
			const res = await postJson(n8n.webhookUrl(webhookPath), { hello: 'again', n: 2 });
			assert(res.status === 200, `webhook answered ${res.status}: ${res.text}`);
			const res2 = await postJson(triggerUrl, { from: 'trigger', n: 2 });
			assert(res2.status === 200, `probe trigger webhook answered ${res2.status}: ${res2.text}`);
			await waitForExecutions(ctx, w1.id, 2);
			await waitForExecutions(ctx, w2.id, 2);
			return { value: undefined, detail: '2 + 2 executions' };
		});
		await step(
			major >= 2 ? 'unpublish both -> webhooks 404' : 'deactivate both -> webhooks 404',
			async () => {
				const before = recorder.calls.length;
				await deactivateWorkflow(ctx, w1.id);
				await deactivateWorkflow(ctx, w2.id);
				for (const id of [w1.id, w2.id])
					assert((await ctx.api.getWorkflow(id)).active === false, `workflow ${id} still active`);
				const calls = recorder.summary(before);
				assert(
					calls.some((c) => c.startsWith('delete(')),
					`probe trigger lifecycle on deactivation: ${calls.join(', ')}`,
				);
				const res = await postJson(n8n.webhookUrl(webhookPath), { hello: 'nobody' });
				assert(res.status === 404, `expected 404 from an inactive webhook, got ${res.status}`);
				const res2 = await postJson(triggerUrl, { hello: 'nobody' });
				assert(
					res2.status === 404,
					`expected 404 from an inactive probe trigger, got ${res2.status}`,
				);
				return { value: undefined, detail: `webhooks 404; trigger: ${calls.join(', ')}` };
			},
		);
		await step('stop', async () => {
			const stopped = await n8n.stop();
			assert(!stopped.killed, 'n8n had to be killed (SIGKILL)');
			return { value: undefined, detail: `SIGTERM, exited in ${stopped.seconds}s` };
		});
	} catch (error) {
		if (!(error instanceof StepFailed)) throw error;
		report.log(`--- ${version} n8n log tail (${n8n.logFile}) ---\n${n8n.logTail(40)}`);
	} finally {
		await n8n.dispose();
		await recorder.stop();
	}
}

/** Scenario B on one version: Settings > Community Nodes install from the local registry. */
export async function communityNodesInstance(
	report: Report,
	version: string,
	verdaccio: Verdaccio,
): Promise<void> {
	const step = <T>(name: string, fn: () => Promise<{ value: T; detail?: string }>) =>
		report.require(version, 'community', name, fn);
	const n8n = await N8nInstance.create({
		version,
		e2eTestMode: true,
		communityPackagesRegistry: verdaccio.url,
	});
	try {
		await step('start (E2E_TESTS, N8N_COMMUNITY_PACKAGES_REGISTRY=verdaccio)', async () => ({
			value: undefined,
			detail: `ready in ${await n8n.start()}s`,
		}));
		const rest = await step('owner setup + custom-registry license feature', async () => {
			const r = await setupOwner(n8n);
			await r.setLicenseFeature(CUSTOM_REGISTRY_FEATURE, true);
			return { value: r };
		});
		await step('install probe via POST /rest/community-packages', async () => {
			const installed = await rest.installCommunityPackage(PROBE_PACKAGE);
			const types = installed.installedNodes.map((n) => n.type);
			assert(
				types.includes(PROBE_NODE_TYPE),
				`installedNodes: ${JSON.stringify(installed.installedNodes)}`,
			);
			return {
				value: undefined,
				detail: `${installed.packageName}@${installed.installedVersion} from ${verdaccio.url}`,
			};
		});
		await step('probe node type listed + package listed', async () => {
			const names = await rest.nodeTypeNames();
			assert(names.includes(PROBE_NODE_TYPE), `${PROBE_NODE_TYPE} not in /types/nodes.json`);
			const packages = await rest.communityPackages();
			assert(
				packages.some((p) => p.packageName === PROBE_PACKAGE),
				`not in GET /rest/community-packages`,
			);
			return { value: undefined, detail: 'nodes.json + community-packages' };
		});
		await step('restart: installed package loads again', async () => {
			await n8n.restart();
			const names = await rest.nodeTypeNames();
			assert(names.includes(PROBE_NODE_TYPE), `${PROBE_NODE_TYPE} missing after restart`);
			return { value: undefined, detail: `ready in ${n8n.startSeconds.at(-1)}s` };
		});
		await step('stop', async () => ({
			value: undefined,
			detail: `exited in ${(await n8n.stop()).seconds}s`,
		}));
	} catch (error) {
		if (!(error instanceof StepFailed)) throw error;
		report.log(`--- ${version} n8n log tail (${n8n.logFile}) ---\n${n8n.logTail(40)}`);
	} finally {
		await n8n.dispose();
	}
}

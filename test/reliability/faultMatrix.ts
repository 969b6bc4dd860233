import type { INode, INodeExecutionData, INodeParameters, Workflow } from 'n8n-workflow';

import { apiOperations } from '../nodes/Quo/actions/apiOperations';
import { QuoTrigger } from '../../nodes/Quo/QuoTrigger.node';
import { N8nRuntime, type NodeSetup } from '../harness/runtime';
import { quoNode } from '../nodes/Quo/actions/support';
import type { TriggerParameters } from '../nodes/Quo/trigger/support';
import { startStandIn, type FaultRule, type RecordedRequest, type StandIn } from '../stand-in';
import { minimalRuns, type MinimalRun, SEED } from './operations';

// ---------------------------------------------------------------------------------------------------------------
// The faults, and what each must lead to

/** Methods that do no more when sent twice: the transport may resend them after a 5xx, a lost answer or a timeout. */
const RETRY_SAFE = new Set(['GET', 'PUT', 'DELETE']);

/** One Quo API operation a run calls, as its baseline (no fault) called it. */
export interface FaultTarget {
	method: string;
	/** The path template from apiOperations, e.g. `/v1/tasks/{taskId}`. */
	template: string;
	pattern: RegExp;
	/** The status Quo answers it with when nothing goes wrong. */
	status: number;
	/** How many times the baseline run called it. */
	count: number;
}

export type Expectation =
	| { outcome: 'succeeds'; attempts: number }
	| {
			outcome: 'fails';
			attempts: number;
			message: string;
			httpCode: string | null;
			description: RegExp;
	  };

export interface FaultKind {
	name: string;
	rule: Omit<FaultRule, 'method' | 'path'>;
	/** Holds its lane for tens of seconds: all of these run at once, each on a lane of its own. */
	slow?: boolean;
	/** Only for requests the transport may resend; the others already fail at the first fault. */
	retrySafeOnly?: boolean;
	/** Whether its failures are also run with Continue On Fail (two items, the fault on every request). */
	continueOnFail: boolean;
	expect(target: FaultTarget): Expectation;
}

const succeeds = (attempts: number): Expectation => ({ outcome: 'succeeds', attempts });
const fails = (
	attempts: number,
	message: string,
	httpCode: string | null,
	description: RegExp,
): Expectation => ({
	outcome: 'fails',
	attempts,
	message,
	httpCode,
	description,
});

/** A POST or PATCH whose outcome n8n cannot know: the message says what Quo may have done. */
function withOutcome(what: string, target: FaultTarget, likely: boolean): string {
	if (RETRY_SAFE.has(target.method)) return what;
	const note =
		target.method === 'POST' && target.template === '/v1/messages'
			? `the message ${likely ? 'was probably' : 'may have been'} sent. Check in Quo before sending it again`
			: `Quo ${likely ? 'probably carried' : 'may have carried'} it out. Check in Quo before running it again`;
	return `${what}; ${note}.`;
}

const NOT_RESENT = /It was not sent again automatically/;
const LOST = "The connection to Quo broke before Quo's answer arrived";
const TIMED_OUT = 'Quo did not answer within 20 seconds';
/** The messages of the Quo error bodies the stand-in sends for these statuses. */
const QUO_MESSAGE: Record<number, string> = {
	500: 'An unknown error occurred',
	502: 'Bad Gateway',
	503: 'Service Unavailable',
};
const HTML_PAGE =
	'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

const serverErrorTwice = (status: number): FaultKind => ({
	name: `${status} twice`,
	rule: { status, times: 2 },
	continueOnFail: true,
	expect: (target) =>
		RETRY_SAFE.has(target.method)
			? succeeds(3)
			: fails(1, QUO_MESSAGE[status]!, String(status), NOT_RESENT),
});

/** Every fault each Quo call of both nodes is put through. */
export const FAULT_KINDS: FaultKind[] = [
	{
		name: '429 burst',
		rule: { status: 429, times: 3 },
		continueOnFail: true,
		expect: () => succeeds(4),
	},
	serverErrorTwice(500),
	serverErrorTwice(502),
	serverErrorTwice(503),
	{
		name: '500 every time',
		rule: { status: 500, times: Infinity },
		continueOnFail: true,
		expect: (target) =>
			RETRY_SAFE.has(target.method)
				? fails(4, QUO_MESSAGE[500]!, '500', /Try again later[^]*4 attempts/)
				: fails(1, QUO_MESSAGE[500]!, '500', NOT_RESENT),
	},
	{
		name: 'HTML error page',
		rule: { status: 502, rawBody: HTML_PAGE, contentType: 'text/html' },
		continueOnFail: true,
		expect: (target) =>
			RETRY_SAFE.has(target.method)
				? succeeds(2)
				: fails(1, 'Quo answered HTTP 502: 502 Bad Gateway nginx', '502', NOT_RESENT),
	},
	{
		name: 'connection reset after Quo carried out the request',
		rule: { dropConnection: true, afterHandling: true },
		continueOnFail: true,
		expect: (target) =>
			RETRY_SAFE.has(target.method)
				? succeeds(2)
				: fails(1, withOutcome(LOST, target, false), null, NOT_RESENT),
	},
	{
		// A 204 has no body to cut: Quo's answer arrives whole.
		name: 'body cut short',
		rule: { truncateBody: true, afterHandling: true },
		continueOnFail: true,
		expect: (target) =>
			target.status === 204 || RETRY_SAFE.has(target.method)
				? succeeds(target.status === 204 ? 1 : 2)
				: fails(1, withOutcome(LOST, target, false), null, NOT_RESENT),
	},
	{
		name: 'body that is not JSON',
		rule: {
			status: 200,
			rawBody: 'Request received',
			contentType: 'text/plain',
			afterHandling: true,
		},
		continueOnFail: true,
		expect: (target) =>
			fails(
				1,
				withOutcome('Quo answered HTTP 200 with a body that is not JSON', target, true),
				'200',
				/proxy/,
			),
	},
	{
		name: '30 s stall',
		slow: true,
		rule: { delayMs: 30_000, afterHandling: true },
		continueOnFail: true,
		expect: (target) =>
			RETRY_SAFE.has(target.method)
				? succeeds(2)
				: fails(1, withOutcome(TIMED_OUT, target, false), null, NOT_RESENT),
	},
	{
		// Continue On Fail is left out: two items that each wait out two timeouts in a row (upsert keeps items of
		// one external ID in order) would hold the run for 80 s.
		name: '30 s stall, twice in a row',
		slow: true,
		retrySafeOnly: true,
		rule: { delayMs: 30_000, afterHandling: true, times: 2 },
		continueOnFail: false,
		expect: () => fails(2, TIMED_OUT, null, /slow or down[^]*2 attempts/),
	},
	{
		name: '429 seven times in a row',
		slow: true,
		rule: { status: 429, times: 7 },
		continueOnFail: true,
		expect: () => fails(7, 'Too many requests', '429', /retried 6 times/),
	},
];

export function appliesTo(kind: FaultKind, target: FaultTarget): boolean {
	return !kind.retrySafeOnly || RETRY_SAFE.has(target.method);
}

/** The same fault on every matching request, so that each item of a run meets it. */
export function persisting(kind: FaultKind): FaultRule {
	return { ...kind.rule, times: Infinity };
}

// ---------------------------------------------------------------------------------------------------------------
// Quo operations, matched by the path templates of apiOperations

interface Template {
	method: string;
	template: string;
	pattern: RegExp;
}

/** Every Quo operation apiOperations names, literal paths before templated ones. */
const TEMPLATES: Template[] = [
	...new Set(
		Object.values(apiOperations).flatMap((operations) => Object.values(operations).flat()),
	),
]
	.map((operation) => {
		const [method, template] = operation.split(' ') as [string, string];
		return {
			method,
			template,
			pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
		};
	})
	.sort((a, b) => a.template.split('{').length - b.template.split('{').length);

export function templateOf(request: RecordedRequest): Template | undefined {
	return TEMPLATES.find(
		(candidate) => candidate.method === request.method && candidate.pattern.test(request.path),
	);
}

export function isTo(
	target: Pick<Template, 'method' | 'pattern'>,
	request: RecordedRequest,
): boolean {
	return request.method === target.method && target.pattern.test(request.path);
}

/** The Quo operations a fault-free run called, in the order it first called them. */
export function targetsOf(requests: RecordedRequest[]): FaultTarget[] {
	const targets: FaultTarget[] = [];
	for (const request of requests) {
		const template = templateOf(request);
		if (!template)
			throw new Error(`${request.method} ${request.path} is no Quo operation apiOperations lists`);
		const known = targets.find(
			(target) => target.method === template.method && target.template === template.template,
		);
		if (known) known.count += 1;
		else targets.push({ ...template, status: request.status, count: 1 });
	}
	return targets;
}

/**
 * How many times Quo saw the faulted request: the first request to the target and those sent again exactly like
 * it (same path, query and body), counted within `requests`, one step of a run.
 */
export function attemptsAt(target: FaultTarget, requests: RecordedRequest[]): number {
	const first = requests.find((request) => isTo(target, request));
	if (!first) return 0;
	return requests.filter(
		(request) =>
			request.method === first.method &&
			request.path === first.path &&
			request.rawQuery === first.rawQuery &&
			request.rawBody === first.rawBody,
	).length;
}

// ---------------------------------------------------------------------------------------------------------------
// Lanes: a stand-in and a runtime for each run, so runs side by side share neither faults, workspace, nor limiter,
// and a request a failed run left in flight (a sibling of the failed one) cannot reach the next run

let lanesStarted = 0;

/** n8n's runtime with a credential of its own: the transport keeps one limiter per credential. */
class LaneRuntime extends N8nRuntime {
	constructor(
		options: ConstructorParameters<typeof N8nRuntime>[0],
		private readonly credentialId: string,
	) {
		super(options);
	}

	override workflow(
		...args: Parameters<N8nRuntime['workflow']>
	): ReturnType<N8nRuntime['workflow']> {
		const made = super.workflow(...args);
		made.node.credentials = { quoApi: { id: this.credentialId, name: 'Quo account' } };
		return made;
	}
}

export class Lane {
	private constructor(
		readonly standIn: StandIn,
		readonly runtime: N8nRuntime,
	) {}

	/** A stand-in with its own API key and no rate limit (the transport's limiter is not under test here). */
	static async start(): Promise<Lane> {
		const standIn = await startStandIn({
			seed: SEED,
			rateLimitPerSecond: 0,
			deliveryRetryDelaysMs: [],
		});
		lanesStarted += 1;
		return new Lane(
			standIn,
			new LaneRuntime(
				{ baseUrl: standIn.url, apiKey: standIn.apiKey },
				`quo-fault-lane-${lanesStarted}`,
			),
		);
	}

	/** The seeded workspace, plus what `prepare` adds, with no request recorded. */
	async ready(prepare?: (standIn: StandIn) => Promise<void>): Promise<void> {
		await prepare?.(this.standIn);
		this.standIn.requests.length = 0;
	}

	async close(): Promise<void> {
		await this.standIn.close();
	}
}

/** Runs every job on a lane started for it, at most `limit` at once. */
export async function onOwnLanes(
	jobs: Array<(lane: Lane) => Promise<void>>,
	limit = jobs.length,
): Promise<void> {
	let next = 0;
	const worker = async (): Promise<void> => {
		while (next < jobs.length) {
			const job = jobs[next++]!;
			const lane = await Lane.start();
			try {
				await job(lane);
			} finally {
				await lane.close();
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
}

// ---------------------------------------------------------------------------------------------------------------
// The Quo node

export interface NodeCase {
	/** "message.send", or "webhook.create (v1, two families)". */
	name: string;
	resource: string;
	operation: string;
	run: MinimalRun;
}

/** Every operation apiOperations lists, with each of its minimal runs. */
export const NODE_CASES: NodeCase[] = Object.entries(apiOperations).flatMap(
	([resource, operations]) =>
		Object.keys(operations).flatMap((operation) =>
			(
				(minimalRuns as Record<string, Record<string, MinimalRun[] | undefined>>)[resource]?.[
					operation
				] ?? []
			).map((run) => ({
				name: `${resource}.${operation}${run.variant ? ` (${run.variant})` : ''}`,
				resource,
				operation,
				run,
			})),
		),
);

/** What a run left behind: its output or error, the requests Quo saw, and how many v1 webhooks Quo holds afterwards. */
export interface NodeOutcome {
	output?: INodeExecutionData[];
	error?: unknown;
	requests: RecordedRequest[];
	v1Webhooks: number;
	apiKey: string;
}

export async function runNode(
	lane: Lane,
	nodeCase: NodeCase,
	options: { fault?: FaultRule; items?: number; continueOnFail?: boolean } = {},
): Promise<NodeOutcome> {
	await lane.ready(nodeCase.run.prepare);
	const parameters = {
		resource: nodeCase.resource,
		operation: nodeCase.operation,
		...nodeCase.run.parameters(lane.standIn),
	};
	if (options.fault) lane.standIn.addFault(options.fault);
	const items = Array.from({ length: options.items ?? 1 }, () => ({ json: {} }));
	let output: INodeExecutionData[] | undefined;
	let error: unknown;
	try {
		[output] = await lane.runtime.execute(
			{
				nodeType: quoNode,
				parameters: parameters as INodeParameters,
				continueOnFail: options.continueOnFail,
			},
			items,
		);
	} catch (thrown) {
		error = thrown;
	}
	const { requests, state, apiKey } = lane.standIn;
	return { output, error, requests: [...requests], v1Webhooks: state.webhooksV1.length, apiKey };
}

// ---------------------------------------------------------------------------------------------------------------
// The Quo Trigger's lifecycle

const WEBHOOK_ID = 'b7e2c1d4-fault-matrix-quo-trigger';

export interface LifecycleCase {
	name: string;
	parameters: TriggerParameters;
	/** What is already in place when the step starts: an active trigger, and whether n8n kept its static data. */
	before: 'nothing' | 'active' | 'active, static data lost';
	step: 'activate' | 'deactivate';
	/** Quo subscriptions at the trigger's URL once it is active. */
	subscriptions: number;
}

const current: TriggerParameters = {
	apiVersion: '2026-03-30',
	events: ['message.received', 'call.completed'],
};
const legacy: TriggerParameters = {
	apiVersion: 'v1',
	events: ['message.received', 'call.completed', 'call.summary.completed'],
};

export const LIFECYCLE_CASES: LifecycleCase[] = [
	{
		name: 'activation, 2026-03-30',
		parameters: current,
		before: 'nothing',
		step: 'activate',
		subscriptions: 1,
	},
	{
		name: 'activation, v1 (three families)',
		parameters: legacy,
		before: 'nothing',
		step: 'activate',
		subscriptions: 3,
	},
	{
		name: 'activation after a restart that lost the static data, 2026-03-30',
		parameters: current,
		before: 'active, static data lost',
		step: 'activate',
		subscriptions: 1,
	},
	{
		name: 'deactivation, 2026-03-30',
		parameters: current,
		before: 'active',
		step: 'deactivate',
		subscriptions: 1,
	},
	{
		name: 'deactivation, v1',
		parameters: legacy,
		before: 'active',
		step: 'deactivate',
		subscriptions: 3,
	},
];

interface Trigger {
	setup: NodeSetup;
	workflow: Workflow;
	node: INode;
}

interface StoredSubscription {
	id: string;
	key: string;
}

export interface LifecycleOutcome {
	error?: unknown;
	/** The step's requests, one list per lifecycle method n8n called (checkExists, create, delete). */
	steps: RecordedRequest[][];
	requests: RecordedRequest[];
	/** Subscriptions at the trigger's URL before the step, after it, and after a later deactivation without faults. */
	before: string[];
	after: Array<{ id: string; key: string | undefined }>;
	afterCleanup: string[];
	/** The subscriptions the trigger keeps in the workflow's static data after the step. */
	stored: StoredSubscription[];
	apiKey: string;
}

/** A trigger node in a workflow of its own, with empty static data (a new workflow, or one whose data was lost). */
function triggerIn(lane: Lane, parameters: TriggerParameters): Trigger {
	const setup: NodeSetup = {
		nodeType: new QuoTrigger(),
		parameters: { ...parameters } as never,
		webhookId: WEBHOOK_ID,
	};
	return { setup, ...lane.runtime.workflow(setup) };
}

function subscriptionsAt(
	standIn: StandIn,
	url: string,
): Array<{ id: string; key: string | undefined }> {
	return [...standIn.state.webhooks2026, ...standIn.state.webhooksV1]
		.filter((subscription) => subscription.url === url)
		.map(({ id, key }) => ({ id, key }));
}

/** Runs one lifecycle method, keeping the requests it made as one step. */
async function hook(
	lane: Lane,
	trigger: Trigger,
	method: 'checkExists' | 'create' | 'delete',
	steps: RecordedRequest[][],
): Promise<boolean | undefined> {
	const from = lane.standIn.requests.length;
	try {
		return await lane.runtime.hook(trigger.setup, method, trigger.workflow, trigger.node);
	} finally {
		steps.push(lane.standIn.requests.slice(from));
	}
}

/**
 * n8n's activation (ActiveWorkflowManager, TestWebhooks): `checkExists`, then `create` when it answered false;
 * when either throws, n8n runs `delete` and fails with the error.
 */
async function activate(lane: Lane, trigger: Trigger, steps: RecordedRequest[][]): Promise<void> {
	try {
		if (!(await hook(lane, trigger, 'checkExists', steps)))
			await hook(lane, trigger, 'create', steps);
	} catch (error) {
		await hook(lane, trigger, 'delete', steps).catch(() => undefined);
		throw error;
	}
}

export async function runLifecycle(
	lane: Lane,
	lifecycleCase: LifecycleCase,
	fault?: FaultRule,
): Promise<LifecycleOutcome> {
	const url = `${lane.runtime.webhookBaseUrl}webhook/${WEBHOOK_ID}/webhook`;
	let trigger = triggerIn(lane, lifecycleCase.parameters);
	if (lifecycleCase.before !== 'nothing') await activate(lane, trigger, []);
	if (lifecycleCase.before === 'active, static data lost')
		trigger = triggerIn(lane, lifecycleCase.parameters);
	lane.standIn.requests.length = 0;

	const outcome: LifecycleOutcome = {
		steps: [],
		requests: [],
		before: subscriptionsAt(lane.standIn, url).map(({ id }) => id),
		after: [],
		afterCleanup: [],
		stored: [],
		apiKey: lane.standIn.apiKey,
	};
	if (fault) lane.standIn.addFault(fault);
	try {
		if (lifecycleCase.step === 'activate') await activate(lane, trigger, outcome.steps);
		else await hook(lane, trigger, 'delete', outcome.steps);
	} catch (error) {
		outcome.error = error;
	}
	outcome.requests = [...lane.standIn.requests];
	outcome.after = subscriptionsAt(lane.standIn, url);
	const staticData = trigger.workflow.staticData[`node:${trigger.node.name}`] as
		{ subscriptions?: StoredSubscription[] } | undefined;
	outcome.stored = (staticData?.subscriptions ?? []).map(({ id, key }) => ({ id, key }));

	lane.standIn.clearFaults();
	await lane.runtime
		.hook(trigger.setup, 'delete', trigger.workflow, trigger.node)
		.catch(() => undefined);
	outcome.afterCleanup = subscriptionsAt(lane.standIn, url).map(({ id }) => id);
	return outcome;
}

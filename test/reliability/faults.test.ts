import { NodeApiError } from 'n8n-workflow';

import { everythingIn } from '../secrets/errorText';
import { apiOperations } from '../nodes/Quo/actions/apiOperations';
import { undeclaredOperations } from '../nodes/Quo/actions/support';
import type { RecordedRequest } from '../stand-in';
import {
	appliesTo,
	attemptsAt,
	type Expectation,
	FAULT_KINDS,
	type FaultKind,
	type FaultTarget,
	isTo,
	type Lane,
	LIFECYCLE_CASES,
	type LifecycleCase,
	type LifecycleOutcome,
	NODE_CASES,
	type NodeCase,
	type NodeOutcome,
	onOwnLanes,
	persisting,
	runLifecycle,
	runNode,
	targetsOf,
} from './faultMatrix';

/**
 * Every Quo call of every node operation and of the trigger's lifecycle, put through every fault Quo or the network
 * can produce. Each run either succeeds after a bounded number of retries, or fails at once with a clear error;
 * a POST or PATCH is never sent twice, and an activation never leaves subscriptions half registered.
 */

/** Quick faults run this many at once; the 30 s stalls and the long 429 backoff all at once, as they mostly wait. */
const QUICK_AT_ONCE = 32;

interface Job<Case, Outcome> {
	case: Case;
	baseline: Outcome;
	target: FaultTarget;
	kind: FaultKind;
	/** Run with "On Error: Continue", two items, and the fault on every request to the target. */
	continueOnFail?: boolean;
	outcome?: Outcome;
}

type NodeJob = Job<NodeCase, NodeOutcome & { targets: FaultTarget[] }>;
type LifecycleJob = Job<LifecycleCase, LifecycleOutcome & { targets: FaultTarget[] }>;

const nodeBaselines = new Map<string, NodeJob['baseline']>();
const lifecycleBaselines = new Map<string, LifecycleJob['baseline']>();
const nodeJobs: NodeJob[] = [];
const lifecycleJobs: LifecycleJob[] = [];

function jobsFor<Case, Outcome>(
	testCase: Case,
	baseline: Outcome & { targets: FaultTarget[] },
	withContinueOnFail: boolean,
): Array<Job<Case, Outcome & { targets: FaultTarget[] }>> {
	return baseline.targets.flatMap((target) =>
		FAULT_KINDS.filter((kind) => appliesTo(kind, target)).flatMap((kind) => {
			const job = { case: testCase, baseline, target, kind };
			const alsoContinueOnFail =
				withContinueOnFail && kind.continueOnFail && kind.expect(target).outcome === 'fails';
			return alsoContinueOnFail ? [job, { ...job, continueOnFail: true }] : [job];
		}),
	);
}

const runNodeJob = (job: NodeJob) => async (lane: Lane) => {
	const fault = {
		method: job.target.method,
		path: job.target.pattern,
		...(job.continueOnFail ? persisting(job.kind) : job.kind.rule),
	};
	const outcome = await runNode(
		lane,
		job.case,
		job.continueOnFail ? { fault, items: 2, continueOnFail: true } : { fault },
	);
	job.outcome = { ...outcome, targets: job.baseline.targets };
};

const runLifecycleJob = (job: LifecycleJob) => async (lane: Lane) => {
	const outcome = await runLifecycle(lane, job.case, {
		method: job.target.method,
		path: job.target.pattern,
		...job.kind.rule,
	});
	job.outcome = { ...outcome, targets: job.baseline.targets };
};

beforeAll(async () => {
	const baselines = [
		...NODE_CASES.map((nodeCase) => async (lane: Lane) => {
			const outcome = await runNode(lane, nodeCase);
			nodeBaselines.set(nodeCase.name, {
				...outcome,
				targets: outcome.error ? [] : targetsOf(outcome.requests),
			});
		}),
		...LIFECYCLE_CASES.map((lifecycleCase) => async (lane: Lane) => {
			const outcome = await runLifecycle(lane, lifecycleCase);
			lifecycleBaselines.set(lifecycleCase.name, {
				...outcome,
				targets: outcome.error ? [] : targetsOf(outcome.requests),
			});
		}),
	];
	await onOwnLanes(baselines, QUICK_AT_ONCE);
	for (const nodeCase of NODE_CASES)
		nodeJobs.push(...jobsFor(nodeCase, nodeBaselines.get(nodeCase.name)!, true));
	for (const lifecycleCase of LIFECYCLE_CASES)
		lifecycleJobs.push(
			...jobsFor(lifecycleCase, lifecycleBaselines.get(lifecycleCase.name)!, false),
		);

	const slow = (job: { kind: FaultKind }) => job.kind.slow === true;
	const all = [
		...nodeJobs.map((job) => ({ job, run: runNodeJob(job) })),
		...lifecycleJobs.map((job) => ({ job, run: runLifecycleJob(job) })),
	];
	await Promise.all([
		onOwnLanes(all.filter(({ job }) => slow(job)).map(({ run }) => run)),
		onOwnLanes(
			all.filter(({ job }) => !slow(job)).map(({ run }) => run),
			QUICK_AT_ONCE,
		),
	]);
}, 300_000);

// ---------------------------------------------------------------------------------------------------------------
// What each run must show

function where(job: Job<unknown, unknown>): string {
	return `${job.target.method} ${job.target.template} × ${job.kind.name}${job.continueOnFail ? ' (Continue On Fail, 2 items)' : ''}`;
}

function errorProblems(
	error: unknown,
	expected: Extract<Expectation, { outcome: 'fails' }>,
	apiKey: string,
): string[] {
	if (!(error instanceof NodeApiError)) return [`threw ${String(error)} instead of a NodeApiError`];
	const problems: string[] = [];
	if (error.message !== expected.message)
		problems.push(`message "${error.message}", expected "${expected.message}"`);
	if ((error.httpCode ?? null) !== expected.httpCode)
		problems.push(`HTTP code ${error.httpCode}, expected ${expected.httpCode}`);
	if (!expected.description.test(error.description ?? ''))
		problems.push(`description "${error.description}" does not match ${expected.description}`);
	if (everythingIn(error).includes(apiKey)) problems.push('the API key is in the error');
	return problems;
}

/** Whether the run succeeded or failed as it should, and how many times Quo saw the faulted request. */
function outcomeProblems(
	job: Job<unknown, unknown>,
	error: unknown,
	attempts: number,
	apiKey: string,
	succeeded: () => string[],
): string[] {
	const expected = job.kind.expect(job.target);
	const problems: string[] = [];
	if (attempts !== expected.attempts)
		problems.push(`Quo saw the faulted request ${attempts} times, expected ${expected.attempts}`);
	if (expected.outcome === 'succeeds') {
		if (error !== undefined)
			problems.push(`failed ("${(error as Error).message}") instead of succeeding`);
		else problems.push(...succeeded());
	} else if (error === undefined) {
		problems.push('succeeded instead of failing');
	} else {
		problems.push(...errorProblems(error, expected, apiKey));
	}
	return problems;
}

/** No POST or PATCH reached Quo more often than the run makes it (a 429 is Quo refusing it, so it may be sent again). */
function sentTwice(targets: FaultTarget[], requests: RecordedRequest[], items: number): string[] {
	return targets
		.filter((target) => target.method === 'POST' || target.method === 'PATCH')
		.flatMap((target) => {
			const received = requests.filter(
				(request) => isTo(target, request) && request.status !== 429,
			).length;
			return received > target.count * items
				? [
						`Quo received ${target.method} ${target.template} ${received} times; the run makes it ${target.count * items}`,
					]
				: [];
		});
}

function invalidRequests(requests: RecordedRequest[]): string[] {
	return requests
		.filter((request) => request.validationErrors.length > 0)
		.map((request) => `${request.method} ${request.path}: ${request.validationErrors.join('; ')}`);
}

/** The v1 webhook family a target creates (`POST /v1/webhooks/calls`: "calls"), if it creates one. */
function familyOf(target: FaultTarget): string | undefined {
	return target.method === 'POST'
		? /^\/v1\/webhooks\/([a-z-]+)$/.exec(target.template)?.[1]
		: undefined;
}

/**
 * A v1 webhook family that failed: the error says whether Quo refused it or never confirmed it (then it may exist),
 * and what became of the families created before it.
 */
function familyProblems(job: Job<unknown, { targets: FaultTarget[] }>, error: unknown): string[] {
	const family = familyOf(job.target);
	const expected = job.kind.expect(job.target);
	if (!family || expected.outcome !== 'fails' || !(error instanceof NodeApiError)) return [];
	const createdBefore = job.baseline.targets
		.filter((target) => familyOf(target))
		.indexOf(job.target);
	const outcome =
		Number(expected.httpCode) >= 400
			? `Quo refused the "${family}" webhook.`
			: `Quo did not confirm the "${family}" webhook`;
	const undone =
		createdBefore === 0
			? 'No webhook was created.'
			: `The ${createdBefore} created before it were removed again.`;
	return [outcome, undone]
		.filter((text) => !error.description?.includes(text))
		.map((text) => `description lacks "${text}"`);
}

function nodeProblems(job: NodeJob): string[] {
	const outcome = job.outcome!;
	const items = job.continueOnFail ? 2 : 1;
	const problems = [
		...sentTwice(job.baseline.targets, outcome.requests, items),
		...invalidRequests(outcome.requests),
	];
	problems.push(
		...undeclaredOperations(job.case.resource, job.case.operation, outcome.requests).map(
			(line) => `called ${line}, which apiOperations does not list`,
		),
	);
	if (job.continueOnFail) {
		const expected = job.kind.expect(job.target) as Extract<Expectation, { outcome: 'fails' }>;
		const errorItems = (outcome.output ?? []).filter((item) => 'error' in item.json);
		if (outcome.error !== undefined)
			problems.push(`threw ("${(outcome.error as Error).message}") instead of giving error items`);
		if (errorItems.length === 0) problems.push('no error item');
		for (const item of errorItems) {
			if (item.json.error !== expected.message || Object.keys(item.json).length !== 1)
				problems.push(
					`error item ${JSON.stringify(item.json)}, expected {"error": "${expected.message}"}`,
				);
		}
		const paired = errorItems.map((item) => (item.pairedItem as { item: number }).item);
		if (new Set(paired).size !== paired.length)
			problems.push(`more than one error item for an input item: ${paired.join(', ')}`);
		if (JSON.stringify(outcome.output).includes(outcome.apiKey))
			problems.push('the API key is in the output');
	} else {
		const attempts = attemptsAt(job.target, outcome.requests);
		problems.push(
			...outcomeProblems(job, outcome.error, attempts, outcome.apiKey, () =>
				outcome.output?.length === job.baseline.output?.length
					? []
					: [`${outcome.output?.length} items, expected ${job.baseline.output?.length}`],
			),
			...familyProblems(job, outcome.error),
		);
		// A v1 create leaves every family, or none but the one Quo created without confirming it (n8n cannot know its id).
		const families = job.baseline.targets.filter((target) => familyOf(target)).length;
		if (families > 0) {
			const unconfirmed =
				job.kind.rule.afterHandling === true && familyOf(job.target) !== undefined;
			const wanted =
				job.kind.expect(job.target).outcome === 'succeeds' ? families : unconfirmed ? 1 : 0;
			if (outcome.v1Webhooks !== wanted)
				problems.push(`Quo holds ${outcome.v1Webhooks} v1 webhooks, expected ${wanted}`);
		}
	}
	return problems.map((problem) => `${where(job)}: ${problem}`);
}

function lifecycleProblems(job: LifecycleJob): string[] {
	const outcome = job.outcome!;
	const ids = (list: Array<{ id: string }>) => list.map(({ id }) => id).sort();
	const problems = [
		...sentTwice(job.baseline.targets, outcome.requests, 1),
		...invalidRequests(outcome.requests),
	];
	const step =
		outcome.steps.find((requests) => requests.some((request) => isTo(job.target, request))) ?? [];
	problems.push(
		...outcomeProblems(job, outcome.error, attemptsAt(job.target, step), outcome.apiKey, () => {
			const wanted = job.case.step === 'activate' ? job.case.subscriptions : 0;
			const keysKept = outcome.stored.every((stored) =>
				outcome.after.some((at) => at.id === stored.id && at.key === stored.key),
			);
			return [
				...(outcome.after.length === wanted
					? []
					: [
							`Quo holds ${outcome.after.length} subscriptions for the trigger, expected ${wanted}`,
						]),
				...(JSON.stringify(ids(outcome.stored)) === JSON.stringify(ids(outcome.after))
					? []
					: ['static data does not hold the subscriptions Quo has']),
				...(keysKept ? [] : ['a stored signing key is not the one Quo signs with']),
			];
		}),
		...familyProblems(job, outcome.error),
	);
	if (outcome.error !== undefined) {
		// What a failed step leaves at Quo: for an activation, only what was there before; for a deactivation, only
		// what static data still names, so the next activation or deactivation removes it.
		const kept = job.case.step === 'activate' ? outcome.before : ids(outcome.stored);
		const untracked = ids(outcome.after).filter((id) => !kept.includes(id));
		if (untracked.length > 0)
			problems.push(
				`the failed ${job.case.step === 'activate' ? 'activation' : 'deactivation'} left subscriptions at Quo: ${untracked.join(', ')}`,
			);
	}
	if (outcome.afterCleanup.length > 0)
		problems.push(
			`a deactivation without faults left ${outcome.afterCleanup.length} subscriptions`,
		);
	return problems.map((problem) => `${where(job)}: ${problem}`);
}

// ---------------------------------------------------------------------------------------------------------------

describe('the fault matrix', () => {
	test('covers every operation apiOperations lists, each run fault-free first, calling only the Quo operations listed for it', () => {
		const listed = Object.entries(apiOperations).flatMap(([resource, operations]) =>
			Object.keys(operations).map((operation) => `${resource}.${operation}`),
		);
		expect([
			...new Set(NODE_CASES.map(({ resource, operation }) => `${resource}.${operation}`)),
		]).toEqual(listed);
		for (const nodeCase of NODE_CASES) {
			const baseline = nodeBaselines.get(nodeCase.name)!;
			expect({
				case: nodeCase.name,
				error: (baseline.error as Error | undefined)?.message,
			}).toEqual({ case: nodeCase.name, error: undefined });
			expect({
				case: nodeCase.name,
				items: baseline.output!.length > 0,
				calls: baseline.targets.length > 0,
			}).toEqual({ case: nodeCase.name, items: true, calls: true });
			expect(
				undeclaredOperations(nodeCase.resource, nodeCase.operation, baseline.requests),
			).toEqual([]);
		}
		for (const lifecycleCase of LIFECYCLE_CASES) {
			const baseline = lifecycleBaselines.get(lifecycleCase.name)!;
			expect({
				case: lifecycleCase.name,
				error: baseline.error,
				subscriptions: baseline.after.length,
			}).toEqual({
				case: lifecycleCase.name,
				error: undefined,
				subscriptions: lifecycleCase.step === 'activate' ? lifecycleCase.subscriptions : 0,
			});
		}
	});
});

describe('faults on every Quo node operation', () => {
	test.each(NODE_CASES.map((nodeCase) => nodeCase.name))('%s', (name) => {
		const jobs = nodeJobs.filter((job) => job.case.name === name);
		expect(jobs.length).toBeGreaterThanOrEqual(FAULT_KINDS.length - 1);
		expect(jobs.flatMap(nodeProblems)).toEqual([]);
	});
});

describe("faults on the Quo Trigger's lifecycle", () => {
	test.each(LIFECYCLE_CASES.map((lifecycleCase) => lifecycleCase.name))('%s', (name) => {
		const jobs = lifecycleJobs.filter((job) => job.case.name === name);
		expect(jobs.length).toBeGreaterThanOrEqual(FAULT_KINDS.length - 1);
		expect(jobs.flatMap(lifecycleProblems)).toEqual([]);
	});
});

// `npm run dev`: see the nodes work. n8n 2.41.1 (from the e2e cache; the first start installs it) with this package
// loaded from the working tree, rebuilt and reloaded on every change, and the Quo stand-in as Quo, seeded with a
// workspace. An owner login, a Quo credential pointing at the stand-in and the inbound-SMS example, published, are
// made for you; `npm run dev:sms -- "text"` then texts a workspace number, and the run shows up in n8n.
//
// `npm run dev -- --smoke` does the same start on free ports, texts once, waits for the auto-reply to reach the
// stand-in, prints `dev smoke: ok` and exits (non-zero on any failure). `.ci/run` runs it.
import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';

import { receiveInboundText, startStandIn, type StandIn } from '../stand-in';
import { flag, parseArgs } from '../real-n8n/args';
import { bootstrap, type Bootstrapped } from '../real-n8n/bootstrap';
import { waitForFinishedExecutions } from '../real-n8n/checks';
import { layout, ensureInstalled, REPO_ROOT } from '../real-n8n/layout';
import { N8nInstance } from '../real-n8n/n8n-instance';
import type { WorkflowInput } from '../real-n8n/n8n-public-api';
import { E2E_OWNER } from '../real-n8n/n8n-rest';
import { assertPackageLoaded, buildPackage, packPackage } from '../real-n8n/package-tarball';
import { CREDENTIAL_TYPE, credentialData, TRIGGER_TYPE } from '../real-n8n/quo-workflows';
import { logger } from '../real-n8n/report';
import { waitFor } from '../real-n8n/util';
import { activateWorkflow } from '../real-n8n/workflows';
import { DEV_SESSION_FILE, type DevSession } from './session';

const N8N_VERSION = '2.41.1';
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'inbound-sms-auto-reply.json');
/** The smoke's outcome, for `.ci/run`'s totals. */
const SMOKE_RESULTS = path.join(REPO_ROOT, 'test-results-dev.json');

const options = parseArgs('npm run dev', {
	port: flag.integer('the port n8n listens on (--smoke takes a free one)', {
		defaultValue: 5678,
		min: 1,
	}),
	smoke: flag.boolean(
		'start, text once, wait for the auto-reply, print "dev smoke: ok" and exit',
		false,
	),
});
const log = logger('dev');

/** A login of this run's own: n8n runs for hours on a well-known port, with community packages. */
const owner = { ...E2E_OWNER, password: `Dev-${randomBytes(9).toString('base64url')}-1` };

interface Running {
	standIn?: StandIn;
	n8n?: N8nInstance;
	control?: Server;
	compiler?: ChildProcess;
	work: string;
}

async function main(): Promise<void> {
	const running: Running = { work: mkdtempSync(path.join(tmpdir(), 'quo-dev-')) };
	const stop = async (code: number) => {
		running.compiler?.kill();
		running.control?.close();
		await running.n8n?.dispose().catch(() => undefined);
		await running.standIn?.close().catch(() => undefined);
		rmSync(running.work, { recursive: true, force: true });
		removeSessionFile();
		if (!options.smoke) log('stopped n8n and the stand-in');
		process.exit(code);
	};
	// Whatever ends this process ends n8n too (it runs in a process group of its own).
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
		process.once(signal, () => void stop(0));
	process.once('uncaughtException', (error) => {
		console.error(`npm run dev failed: ${error.stack ?? String(error)}`);
		void stop(1);
	});
	try {
		const started = await start(running);
		if (options.smoke) {
			await smoke(started.standIn, started.ctx, started.workflowId);
			writeFileSync(SMOKE_RESULTS, JSON.stringify({ passed: 1, failed: 0 }));
			console.log('dev smoke: ok');
			await stop(0);
			return;
		}
		watchAndReload(running, started.packageDir);
		logReplies(started.standIn);
		printWelcome(started.n8n, started.standIn, started.workflowName);
	} catch (error) {
		console.error(
			`${options.smoke ? 'dev smoke: FAILED' : 'npm run dev failed'}: ${(error as Error).stack ?? String(error)}`,
		);
		if (options.smoke) writeFileSync(SMOKE_RESULTS, JSON.stringify({ passed: 0, failed: 1 }));
		if (running.n8n) console.error(`n8n's log (last lines):\n${running.n8n.logTail(30)}`);
		await stop(1);
	}
}

async function start(running: Running) {
	// The e2e cache's installer fetches Node 24 for Linux x64 and builds sqlite3 there.
	if (process.platform !== 'linux' || process.arch !== 'x64')
		throw new Error(
			`npm run dev runs n8n from a Linux x64 cache; this is ${process.platform} ${process.arch}. Install n8n yourself and the package as the README says.`,
		);
	log(
		`installing n8n ${N8N_VERSION} on Node 24 into ${layout.cacheRoot()} if missing (the first time takes minutes)`,
	);
	await ensureInstalled(['node', `n8n@${N8N_VERSION}`]);
	log('building the package (npm run build)');
	await buildPackage();
	const packed = await packPackage(running.work);

	const standIn = await startStandIn({
		seed: { phoneNumbers: 2, users: 3, contacts: 4, conversations: 2, calls: 2 },
	});
	running.standIn = standIn;
	const n8n = await N8nInstance.create({
		version: N8N_VERSION,
		port: options.smoke ? undefined : options.port,
		userFolder: path.join(running.work, 'n8n'),
		// n8n watches the package's folder and reloads its nodes when the files change (see watchAndReload).
		env: options.smoke ? {} : { N8N_DEV_RELOAD: 'true' },
	});
	running.n8n = n8n;
	const installed = await n8n.installTarball(packed.tarball);
	log(`starting n8n on ${n8n.baseUrl}`);
	await n8n.start();
	const ctx = await bootstrap(n8n, owner);
	await assertPackageLoaded(ctx);

	const credential = await ctx.api.createCredential({
		name: 'Quo (stand-in)',
		type: CREDENTIAL_TYPE,
		data: await credentialData(ctx, { apiKey: standIn.apiKey, baseUrl: standIn.url }),
	});
	const workflow = await ctx.api.createWorkflow(
		withCredential(
			JSON.parse(readFileSync(EXAMPLE, 'utf8')) as WorkflowInput,
			credential.id,
			credential.name,
		),
	);
	await activateWorkflow(ctx, workflow.id);
	if (!options.smoke) running.control = await controlServer(standIn, n8n);
	return {
		standIn,
		n8n,
		ctx,
		workflowId: workflow.id,
		workflowName: workflow.name,
		packageDir: installed.directory,
	};
}

/** The example as the editor saves an import: the trigger gets a webhook id, every Quo node the credential. */
function withCredential(example: WorkflowInput, id: string, name: string): WorkflowInput {
	return {
		...example,
		nodes: example.nodes.map((node) => {
			if (!node.type.startsWith('n8n-nodes-quo.')) return node;
			return {
				...node,
				credentials: { [CREDENTIAL_TYPE]: { id, name } },
				...(node.type === TRIGGER_TYPE ? { webhookId: randomUUID() } : {}),
			};
		}),
	};
}

/** The most a `npm run dev:sms` request may send: a text and a number. */
const MAX_CONTROL_BODY = 64 * 1024;

/**
 * `npm run dev:sms` reaches the stand-in in this process through a loopback port, written to the session file. It
 * takes only a small JSON POST addressed to that port by name, so a web page in a browser cannot drive it.
 */
async function controlServer(standIn: StandIn, n8n: N8nInstance): Promise<Server> {
	let controlUrl = '';
	const server = createServer((request, response) => {
		const refuse = (status: number, why: string): void => {
			response.writeHead(status, { 'content-type': 'text/plain' }).end(why);
		};
		if (request.method !== 'POST' || request.url !== '/sms') return refuse(404, 'POST /sms only');
		if (`http://${request.headers.host}` !== controlUrl) return refuse(403, 'wrong Host');
		if (!/^application\/json\b/.test(request.headers['content-type'] ?? ''))
			return refuse(415, 'JSON only');
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_CONTROL_BODY) request.destroy();
			else chunks.push(chunk);
		});
		request.on('end', (): void => {
			let sms: { text?: unknown; from?: unknown };
			try {
				sms = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof sms;
			} catch {
				return refuse(400, 'the body is not JSON');
			}
			const text = typeof sms.text === 'string' ? sms.text : 'Hello from the Quo stand-in';
			const from = typeof sms.from === 'string' ? sms.from : undefined;
			receiveInboundText(standIn, { text, from }).then(
				({ message, deliveries }) => {
					log(
						`a customer (${message.from}) texted ${message.to[0]}: "${message.text}"; Quo delivered it to ${deliveries.length} webhook(s)`,
					);
					response.writeHead(200, { 'content-type': 'application/json' }).end(
						JSON.stringify({
							message,
							statuses: deliveries.map((delivery) => delivery.finalStatus),
							executions: `${n8n.baseUrl}/home/executions`,
						}),
					);
				},
				(error: Error) => refuse(400, error.message),
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	controlUrl = `http://127.0.0.1:${port}`;
	const session: DevSession = { controlUrl, n8nUrl: n8n.baseUrl, pid: process.pid };
	writeFileSync(DEV_SESSION_FILE, JSON.stringify(session), { mode: 0o600 });
	return server;
}

/** Removes the session file if it is this process's (another `npm run dev` of the clone may have written its own). */
function removeSessionFile(): void {
	try {
		const session = JSON.parse(readFileSync(DEV_SESSION_FILE, 'utf8')) as DevSession;
		if (session.pid === process.pid) rmSync(DEV_SESSION_FILE, { force: true });
	} catch {
		// none, or not readable: nothing of ours to remove
	}
}

/** Texts the workspace once and waits for the example's auto-reply to reach the stand-in. */
async function smoke(standIn: StandIn, ctx: Bootstrapped, workflowId: string): Promise<void> {
	const { message, deliveries } = await receiveInboundText(standIn, { text: 'Is my order ready?' });
	if (deliveries.map((delivery) => delivery.finalStatus).join() !== '200')
		throw new Error(
			`Quo's delivery was answered ${deliveries.map((delivery) => delivery.finalStatus).join(', ') || 'by nobody'}`,
		);
	const reply = await waitFor(
		'the auto-reply to reach Quo',
		() =>
			standIn.state.messages.find(
				(sent) =>
					sent.direction === 'outgoing' &&
					sent.to.includes(message.from) &&
					sent.phoneNumberId === message.phoneNumberId,
			),
		{ timeoutMs: 30_000, intervalMs: 200 },
	);
	const statuses = (await waitForFinishedExecutions(ctx, workflowId, 1)).map(
		(execution) => execution.status,
	);
	if (statuses.join() !== 'success')
		throw new Error(`executions of the example: ${statuses.join(', ') || 'none'}`);
	log(
		`texted ${message.to[0]} from ${message.from}; n8n ran the example once and Quo got the reply "${reply.text}"`,
	);
}

/**
 * Keeps the package in n8n current: `tsc --watch` rebuilds dist/, and each rebuild is copied into the package folder
 * n8n loaded it from, whose files n8n watches (N8N_DEV_RELOAD) to reload the nodes.
 */
function watchAndReload(running: Running, packageDir: string): void {
	running.compiler = spawn(
		process.execPath,
		[
			require.resolve('typescript/bin/tsc'),
			'-p',
			'tsconfig.json',
			'--watch',
			'--preserveWatchOutput',
		],
		{
			cwd: REPO_ROOT,
			stdio: ['ignore', 'pipe', 'inherit'],
		},
	);
	running.compiler.stdout?.on('data', (chunk: Buffer) => {
		for (const line of chunk.toString('utf8').split('\n'))
			if (/error TS|Found [1-9]\d* error/.test(line)) log(`tsc: ${line.trim()}`);
	});
	// tsc's first compile rewrites what `npm run build` made: watch dist/ only once it is done.
	let timer: NodeJS.Timeout | undefined;
	let watching = false;
	running.compiler.stdout?.on('data', (chunk: Buffer) => {
		if (watching || !/Watching for file changes/.test(chunk.toString('utf8'))) return;
		watching = true;
		watch(path.join(REPO_ROOT, 'dist'), { recursive: true }, () => {
			clearTimeout(timer);
			timer = setTimeout(() => {
				cpSync(path.join(REPO_ROOT, 'dist'), path.join(packageDir, 'dist'), { recursive: true });
				log('rebuilt: n8n reloads the Quo nodes (reopen a node to see a changed description)');
			}, 300);
		});
	});
}

function logReplies(standIn: StandIn): void {
	const logged = new Set(standIn.state.messages.map((message) => message.id));
	setInterval(() => {
		for (const message of standIn.state.messages) {
			if (logged.has(message.id)) continue;
			logged.add(message.id);
			if (message.direction === 'outgoing')
				log(
					`Quo got a text from n8n: ${message.from} → ${message.to.join(', ')}: "${message.text}"`,
				);
		}
	}, 500).unref();
}

function printWelcome(n8n: N8nInstance, standIn: StandIn, workflowName: string): void {
	const [line] = standIn.state.phoneNumbers;
	console.log(`
  n8n with n8n-nodes-quo is running: ${n8n.baseUrl}
  Log in as ${owner.email} / ${owner.password}   (this run's own password)

  Quo is a local stand-in (${standIn.url}), with two numbers (${line.name}: ${line.number}), users and contacts.
  The workflow "${workflowName}" is published; text your Quo number:

    npm run dev:sms -- "Is my order ready?"            (another shell; --from +15555550123 to text as someone else)

  The run appears in n8n under Executions, and the stand-in receives the reply. Edit nodes/ or credentials/:
  the package is rebuilt and n8n reloads it. Ctrl-C stops n8n and the stand-in.
`);
}

void main();

// Pictures for the README, taken from a real n8n 2.x editor with the package installed and the Quo stand-in behind it:
//   docs/images/workflow.png            a workflow with both Quo nodes (Quo Trigger -> Quo: send a reply)
//   docs/images/trigger-parameters.png  the Quo Trigger's parameter panel
// Browser: Debian's chromium (/usr/bin/chromium; apt-get installs it when missing and we are root), driven by
// playwright-core installed into the e2e cache folder (not the repo).
//
// Run: npm run e2e:screenshots   (= ts-node --transpile-only --prefer-ts-exts -P tsconfig.test.json test/screenshots/run.ts)
// env: QUO_E2E_SCREENSHOT_VERSION (default: the newest n8n in layout.js), QUO_E2E_PLAYWRIGHT_VERSION (default 1.65.1)
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

import { startStandIn } from '../stand-in';
import { flag, parseArgs } from '../real-n8n/args';
import { bootstrap } from '../real-n8n/bootstrap';
import { ensureInstalled, layout, N8N_VERSIONS, REPO_ROOT } from '../real-n8n/layout';
import { N8nInstance } from '../real-n8n/n8n-instance';
import { E2E_OWNER } from '../real-n8n/n8n-rest';
import { CREDENTIAL_TYPE, credentialData, showcaseWorkflow } from '../real-n8n/quo-workflows';
import { logger } from '../real-n8n/report';
import { runCommand, sleep } from '../real-n8n/util';
import { npm24, packDirectory } from '../real-n8n/verdaccio';

const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const PLAYWRIGHT_VERSION = process.env.QUO_E2E_PLAYWRIGHT_VERSION ?? '1.65.1';
const OUT_DIR = path.join(REPO_ROOT, 'docs', 'images');

const options = parseArgs('npm run e2e:screenshots', {
	build: flag.boolean('run `npm run build` first (default: pack dist/ as it is)', false),
});

// The little of playwright-core's API used here (it is not a dependency of the repo, so its types are not either).
interface Locator {
	first(): Locator;
	nth(index: number): Locator;
	count(): Promise<number>;
	filter(options: { hasText: string }): Locator;
	fill(value: string): Promise<void>;
	click(options?: { position?: { x: number; y: number }; timeout?: number }): Promise<void>;
	dblclick(): Promise<void>;
	waitFor(options?: { timeout?: number }): Promise<void>;
	boundingBox(): Promise<{ x: number; y: number; width: number; height: number } | null>;
	screenshot(options: { path: string }): Promise<unknown>;
}
interface Page {
	goto(url: string): Promise<unknown>;
	url(): string;
	locator(selector: string): Locator;
	keyboard: { press(key: string): Promise<void> };
	waitForURL(predicate: (url: URL) => boolean, options?: { timeout?: number }): Promise<void>;
	screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
}
interface Browser {
	newPage(options: {
		viewport: { width: number; height: number };
		deviceScaleFactor: number;
	}): Promise<Page>;
	close(): Promise<void>;
}
interface Playwright {
	chromium: {
		launch(options: {
			executablePath: string;
			args: string[];
			headless: boolean;
		}): Promise<Browser>;
	};
}

const log = logger('screenshots');

async function ensureChromium(): Promise<void> {
	if (existsSync(CHROMIUM)) return;
	if (process.getuid?.() !== 0) throw new Error(`${CHROMIUM} is missing: apt-get install chromium`);
	log('installing Debian chromium with apt-get');
	await runCommand('apt-get', ['update', '-qq'], { timeoutMs: 300_000 });
	await runCommand('apt-get', ['install', '-y', '-qq', 'chromium'], {
		timeoutMs: 600_000,
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
	});
}

/** playwright-core in <cache>/playwright-core-<version> (installed once; no browser download: it drives Debian's chromium). */
async function loadPlaywright(): Promise<Playwright> {
	const dir = path.join(layout.cacheRoot(), `playwright-core-${PLAYWRIGHT_VERSION}`);
	const entry = path.join(dir, 'node_modules', 'playwright-core');
	if (!existsSync(layout.markerPath(dir))) {
		log(`installing playwright-core@${PLAYWRIGHT_VERSION} into ${dir}`);
		mkdirSync(dir, { recursive: true });
		await npm24(
			[
				'install',
				'--prefix',
				dir,
				'--no-save',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
				`playwright-core@${PLAYWRIGHT_VERSION}`,
			],
			{ cwd: dir },
		);
		require('node:fs').writeFileSync(
			layout.markerPath(dir),
			JSON.stringify({ playwrightCore: PLAYWRIGHT_VERSION, at: new Date().toISOString() }),
		);
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(entry) as Playwright;
}

async function main() {
	const version = process.env.QUO_E2E_SCREENSHOT_VERSION ?? N8N_VERSIONS[N8N_VERSIONS.length - 1];
	await ensureInstalled(['node', `n8n@${version}`]);
	await ensureChromium();
	const playwright = await loadPlaywright();
	if (options.build) await runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT });
	const work = mkdtempSync(path.join(tmpdir(), 'quo-e2e-shots-'));
	const standIn = await startStandIn({ rateLimitPerSecond: 0 });
	const n8n = await N8nInstance.create({ version });
	try {
		const tarball = await packDirectory(REPO_ROOT, work);
		await n8n.installTarball(tarball);
		log(`n8n ${version} ready in ${await n8n.start()}s on ${n8n.baseUrl}`);
		const ctx = await bootstrap(n8n);
		const credential = await ctx.api.createCredential({
			name: 'Quo account',
			type: CREDENTIAL_TYPE,
			data: await credentialData(ctx, { apiKey: standIn.apiKey, baseUrl: standIn.url }),
		});
		const workflow = await ctx.api.createWorkflow(
			showcaseWorkflow({
				credential: { id: credential.id, name: credential.name },
				fromPhoneNumberId: standIn.state.phoneNumbers[0].id,
			}),
		);

		const browser = await playwright.chromium.launch({
			executablePath: CHROMIUM,
			args: CHROMIUM_FLAGS,
			headless: true,
		});
		try {
			const page = await browser.newPage({
				viewport: { width: 1280, height: 760 },
				deviceScaleFactor: 2,
			});
			await page.goto(`${n8n.baseUrl}/signin`);
			await page
				.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
				.first()
				.fill(E2E_OWNER.email);
			await page.locator('input[type="password"]').first().fill(E2E_OWNER.password);
			await page.keyboard.press('Enter');
			await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
			log(`logged in: ${page.url()}`);

			await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}`);
			const nodes = page.locator('[data-test-id="canvas-node"]');
			await nodes.first().waitFor({ timeout: 60_000 });
			await sleep(1500);
			await dismissOverlays(page);
			// Fit the two nodes to the view (the canvas' "zoom to fit" shortcut), then let the animation end.
			await page
				.locator('[data-test-id="canvas-wrapper"], .vue-flow')
				.first()
				.click({ position: { x: 30, y: 30 } })
				.catch(() => undefined);
			await page.keyboard.press('1');
			await sleep(800);
			mkdirSync(OUT_DIR, { recursive: true });
			const workflowPng = path.join(OUT_DIR, 'workflow.png');
			await page.screenshot({ path: workflowPng });
			log(`wrote ${path.relative(REPO_ROOT, workflowPng)}`);

			await nodes.filter({ hasText: 'Quo Trigger' }).first().dblclick();
			const ndv = page.locator('[data-test-id="ndv"]').first();
			await ndv.waitFor({ timeout: 30_000 });
			await page.locator('[data-test-id="node-parameters"]').first().waitFor({ timeout: 30_000 });
			await sleep(1500);
			const triggerPng = path.join(OUT_DIR, 'trigger-parameters.png');
			// The whole node view: the trigger's parameters with "Listen for test event" beside them.
			await page.screenshot({ path: triggerPng });
			log(`wrote ${path.relative(REPO_ROOT, triggerPng)}`);
		} finally {
			await browser.close();
		}
	} finally {
		await n8n.dispose();
		await standIn.close();
		rmSync(work, { recursive: true, force: true });
	}
}

/** Closes what n8n may show over a fresh editor (release notes, tips, banners). */
async function dismissOverlays(page: Page): Promise<void> {
	await page.keyboard.press('Escape').catch(() => undefined);
	for (const selector of [
		'[data-test-id="banner-close"]',
		'.el-dialog__headerbtn',
		'[data-test-id="close-button"]',
	]) {
		const found = page.locator(selector);
		for (let i = 0; i < (await found.count()); i++)
			await found
				.nth(i)
				.click({ timeout: 1000 })
				.catch(() => undefined);
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});

// n8n's editor in a real browser: Debian's chromium (/usr/bin/chromium; apt-get installs it when missing and we are
// root) driven by playwright-core, installed once into the e2e cache (`<cache>/playwright-core-<version>`, not the
// repo: it downloads no browser of its own). The e2e run's journey (test/e2e/journey.ts) uses it.
//
// env: QUO_E2E_PLAYWRIGHT_VERSION (default 1.65.1)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

import { layout } from './layout';
import { E2E_OWNER } from './n8n-rest';
import { logger } from './report';
import { runCommand } from './util';
import { npm24 } from './verdaccio';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-dev-shm-usage',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];
const PLAYWRIGHT_VERSION = process.env.QUO_E2E_PLAYWRIGHT_VERSION ?? '1.65.1';

// The little of playwright-core's API used here (it is not a dependency of the repo, so its types are not either).
export interface Locator {
	first(): Locator;
	last(): Locator;
	nth(index: number): Locator;
	count(): Promise<number>;
	locator(selector: string): Locator;
	filter(options: { hasText?: string | RegExp; has?: Locator }): Locator;
	getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
	fill(value: string, options?: { timeout?: number }): Promise<void>;
	pressSequentially(text: string, options?: { delay?: number }): Promise<void>;
	press(key: string): Promise<void>;
	click(options?: {
		position?: { x: number; y: number };
		timeout?: number;
		force?: boolean;
	}): Promise<void>;
	dblclick(options?: { timeout?: number }): Promise<void>;
	hover(options?: { timeout?: number }): Promise<void>;
	isVisible(): Promise<boolean>;
	innerText(options?: { timeout?: number }): Promise<string>;
	textContent(options?: { timeout?: number }): Promise<string | null>;
	allInnerTexts(): Promise<string[]>;
	inputValue(options?: { timeout?: number }): Promise<string>;
	getAttribute(name: string): Promise<string | null>;
	waitFor(options?: {
		state?: 'attached' | 'detached' | 'visible' | 'hidden';
		timeout?: number;
	}): Promise<void>;
	scrollIntoViewIfNeeded(): Promise<void>;
	screenshot(options: { path: string }): Promise<unknown>;
}
export interface Page {
	goto(url: string, options?: { timeout?: number }): Promise<unknown>;
	url(): string;
	locator(selector: string): Locator;
	getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
	getByRole(role: string, options?: { name?: string | RegExp; exact?: boolean }): Locator;
	keyboard: { press(key: string): Promise<void>; type(text: string): Promise<void> };
	mouse: { click(x: number, y: number): Promise<void> };
	waitForURL(predicate: (url: URL) => boolean, options?: { timeout?: number }): Promise<void>;
	waitForTimeout(ms: number): Promise<void>;
	screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
	setDefaultTimeout(ms: number): void;
	on(event: 'dialog', fn: (dialog: { accept(): Promise<void> }) => void): void;
	close(): Promise<void>;
}
export interface Browser {
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

const log = logger('browser');

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
		writeFileSync(
			layout.markerPath(dir),
			JSON.stringify({ playwrightCore: PLAYWRIGHT_VERSION, at: new Date().toISOString() }),
		);
	}
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	return require(entry) as Playwright;
}

/** Debian's chromium, headless, driven by playwright-core (both installed first if missing). */
export async function launchBrowser(): Promise<Browser> {
	await ensureChromium();
	const playwright = await loadPlaywright();
	return await playwright.chromium.launch({
		executablePath: CHROMIUM,
		args: CHROMIUM_FLAGS,
		headless: true,
	});
}

/**
 * A page of n8n's editor signed in as the owner `bootstrap()` set up; it says yes when leaving a page with unsaved
 * changes asks first.
 */
export async function openEditor(
	browser: Browser,
	baseUrl: string,
	options: { viewport: { width: number; height: number }; deviceScaleFactor: number },
): Promise<Page> {
	const page = await browser.newPage(options);
	page.setDefaultTimeout(20_000);
	page.on('dialog', (dialog) => void dialog.accept().catch(() => undefined));
	await signIn(page, baseUrl);
	return page;
}

/** Signs in to n8n's editor as the owner `bootstrap()` set up. */
export async function signIn(page: Page, baseUrl: string): Promise<void> {
	await page.goto(`${baseUrl}/signin`);
	await page
		.locator('input[type="email"], input[name="emailOrLdapLoginId"], input[name="email"]')
		.first()
		.fill(E2E_OWNER.email);
	await page.locator('input[type="password"]').first().fill(E2E_OWNER.password);
	await page.keyboard.press('Enter');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'), { timeout: 30_000 });
}

/** Closes what n8n may show over a fresh editor (release notes, tips, banners). */
export async function dismissOverlays(page: Page): Promise<void> {
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

/**
 * What a failed step leaves for whoever reads the report: a screenshot and the page's text in `dir`, named after the
 * step. Returns the screenshot's path (or why there is none).
 */
export async function keepEvidence(page: Page, dir: string, name: string): Promise<string> {
	const base = path.join(dir, name.replace(/[^\w.-]+/g, '-'));
	try {
		await page.screenshot({ path: `${base}.png` });
		const text = await page.locator('body').innerText();
		writeFileSync(`${base}.txt`, `${page.url()}\n\n${text}`);
		return `${base}.png`;
	} catch (error) {
		return `no screenshot (${(error as Error).message.split('\n')[0]})`;
	}
}

// Typed view of scripts/e2e/layout.js (the one place that says where the e2e runtime lives in the cache),
// plus ensureInstalled(), which runs scripts/e2e/install-n8n.js for whatever is missing.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

export interface Layout {
	NODE_VERSION: string;
	N8N_VERSIONS: Record<string, { overrides: Record<string, string> }>;
	VERDACCIO_VERSION: string;
	MARKER: string;
	cacheRoot(): string;
	nodeDir(): string;
	nodeBin(): string;
	n8nDir(version: string): string;
	n8nBin(version: string): string;
	verdaccioDir(): string;
	verdaccioBin(): string;
	markerPath(componentDir: string): string;
	npmCli(): string;
	node24Env(base?: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
}

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SCRIPTS_DIR = path.join(REPO_ROOT, 'scripts', 'e2e');

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const layout: Layout = require(path.join(SCRIPTS_DIR, 'layout.js'));

/** The n8n versions the harness knows, oldest first ('1.123.81', '2.41.1'). */
export const N8N_VERSIONS = Object.keys(layout.N8N_VERSIONS);

export function majorOf(version: string): number {
	return Number(version.split('.')[0]);
}

/** Installs (once; the cache keeps it) Node 24, the given n8n versions and Verdaccio if any is missing. */
export async function ensureInstalled(components: string[]): Promise<void> {
	const dirs: Record<string, string> = { node: layout.nodeDir(), verdaccio: layout.verdaccioDir() };
	for (const v of N8N_VERSIONS) dirs[`n8n@${v}`] = layout.n8nDir(v);
	const missing = components.filter(
		(c) => !existsSync(layout.markerPath(dirs[c] ?? path.join(layout.cacheRoot(), c))),
	);
	if (missing.length === 0) return;
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const installer: { installAll(names: string[]): Promise<unknown> } = require(
		path.join(SCRIPTS_DIR, 'install-n8n.js'),
	);
	await installer.installAll(missing);
}

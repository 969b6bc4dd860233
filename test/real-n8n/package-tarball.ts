// The package as users get it: built, `npm pack`ed, and (tarball route) unpacked into an n8n's ~/.n8n/nodes.
// Shared by the runs that install the package: e2e, soak, queue and the in-n8n benchmark.
import { existsSync } from 'node:fs';
import * as path from 'node:path';

import type { Bootstrapped } from './bootstrap';
import { REPO_ROOT } from './layout';
import { assert } from './checks';
import { ACTION_TYPE, CREDENTIAL_TYPE, TRIGGER_TYPE } from './quo-workflows';
import { runCommand } from './util';
import { packDirectory } from './verdaccio';

/** Files the tarball must carry for n8n to load both nodes and the credential. */
const REQUIRED_FILES = [
	'package/dist/nodes/Quo/QuoTrigger.node.js',
	'package/dist/nodes/Quo/Quo.node.js',
	'package/dist/nodes/Quo/QuoTrigger.node.json',
	'package/dist/nodes/Quo/quo.svg',
	'package/dist/credentials/QuoApi.credentials.js',
];

export interface PackedPackage {
	tarball: string;
	version: string;
	fileCount: number;
}

/** `npm run build`; checks that dist/ has the trigger. */
export async function buildPackage(): Promise<void> {
	await runCommand('npm', ['run', 'build'], { cwd: REPO_ROOT, timeoutMs: 300_000 });
	assertBuilt();
}

export function assertBuilt(): void {
	assert(
		existsSync(path.join(REPO_ROOT, 'dist', 'nodes', 'Quo', 'QuoTrigger.node.js')),
		'dist/nodes/Quo/QuoTrigger.node.js missing',
	);
}

/** `npm pack` of the repo into `destination`, checked to carry the nodes and the credential. */
export async function packPackage(destination: string): Promise<PackedPackage> {
	const tarball = await packDirectory(REPO_ROOT, destination);
	const listing = (await runCommand('tar', ['-tzf', tarball])).stdout.split('\n');
	for (const file of REQUIRED_FILES) assert(listing.includes(file), `${file} not in the tarball`);
	const manifest = JSON.parse(
		(await runCommand('tar', ['-xzOf', tarball, 'package/package.json'])).stdout,
	) as { version: string };
	return { tarball, version: manifest.version, fileCount: listing.filter(Boolean).length };
}

/** Throws unless n8n lists both node types and the credential type. */
export async function assertPackageLoaded(ctx: Bootstrapped): Promise<string> {
	const nodeTypes = await ctx.rest.nodeTypeNames();
	for (const type of [TRIGGER_TYPE, ACTION_TYPE])
		assert(nodeTypes.includes(type), `${type} is not among n8n's ${nodeTypes.length} node types`);
	const credentialTypes = await ctx.rest.credentialTypeNames();
	assert(
		credentialTypes.includes(CREDENTIAL_TYPE),
		`credential type ${CREDENTIAL_TYPE} not loaded`,
	);
	return `${TRIGGER_TYPE}, ${ACTION_TYPE}, ${CREDENTIAL_TYPE} loaded`;
}

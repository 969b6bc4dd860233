// One n8n of the e2e run (a version, an install route) with its own Quo stand-in: the package installed that way,
// n8n up, then the example imports, the scenarios and (tarball route) the user's journey in a browser; the n8n log copied and searched for Quo's warnings and errors.
import { startStandIn } from '../stand-in';
import { bootstrap, type Bootstrapped } from '../real-n8n/bootstrap';
import { assert } from '../real-n8n/checks';
import { majorOf } from '../real-n8n/layout';
import { keepLog } from '../real-n8n/n8n-logs';
import { N8nInstance } from '../real-n8n/n8n-instance';
import { CUSTOM_REGISTRY_FEATURE } from '../real-n8n/n8n-rest';
import { assertPackageLoaded } from '../real-n8n/package-tarball';
import { PACKAGE_NAME } from '../real-n8n/quo-workflows';
import type { Report } from '../real-n8n/report';
import type { Verdaccio } from '../real-n8n/verdaccio';
import { runAiAgentScenario } from './aiAgent';
import { runExampleImports } from './examples';
import { runJourney } from './journey';
import { runQuoScenarios, type Route } from './scenarios';

async function prepareInstance(
	version: string,
	route: Route,
	tarball: string,
	packageVersion: string,
	verdaccio: Verdaccio | undefined,
	env: Record<string, string>,
): Promise<{ n8n: N8nInstance; setUp: () => Promise<{ ctx: Bootstrapped; detail: string }> }> {
	const n8n = await N8nInstance.create({
		version,
		env,
		logLevel: 'debug',
		...(route === 'community'
			? { e2eTestMode: true, communityPackagesRegistry: verdaccio!.url }
			: {}),
	});
	return {
		n8n,
		setUp: async () => {
			let how: string;
			let ctx: Bootstrapped;
			if (route === 'tarball') {
				const installed = await n8n.installTarball(tarball);
				const took = await n8n.start();
				ctx = await bootstrap(n8n);
				how = `${installed.name}@${installed.version} in ~/.n8n/nodes; ready in ${took}s`;
			} else {
				const took = await n8n.start();
				ctx = await bootstrap(n8n);
				await ctx.rest.setLicenseFeature(CUSTOM_REGISTRY_FEATURE, true);
				const installed = await ctx.rest.installCommunityPackage(PACKAGE_NAME, packageVersion);
				const packages = await ctx.rest.communityPackages();
				assert(
					packages.some((p) => p.packageName === PACKAGE_NAME),
					'not listed by GET /rest/community-packages',
				);
				how = `POST /rest/community-packages -> ${installed.packageName}@${installed.installedVersion} (${installed.installedNodes.map((n) => n.type).join(', ')}) from ${verdaccio!.url}; ready in ${took}s`;
			}
			return { ctx, detail: `${how}; ${await assertPackageLoaded(ctx)}` };
		},
	};
}

export async function runTarget(
	report: Report,
	options: { rateLimit: number; n8nEnv: Record<string, string>; screenshotsDir?: string },
	version: string,
	route: Route,
	tarball: string,
	packageVersion: string,
	verdaccio: Verdaccio | undefined,
	logDir: string,
	problems: string[],
): Promise<void> {
	const standIn = await startStandIn({ rateLimitPerSecond: options.rateLimit });
	const { n8n, setUp } = await prepareInstance(
		version,
		route,
		tarball,
		packageVersion,
		verdaccio,
		options.n8nEnv,
	);
	try {
		let ctx: Bootstrapped | undefined;
		await report.run(
			version,
			route,
			`0 ${route === 'tarball' ? 'tarball into ~/.n8n/nodes' : 'Community Nodes install'}, n8n up`,
			async () => {
				const out = await setUp();
				ctx = out.ctx;
				return out.detail;
			},
		);
		if (ctx) {
			const target = { version, major: majorOf(version), route, n8n, ctx, standIn };
			await runExampleImports(target, report);
			await runQuoScenarios(target, report);
			await runAiAgentScenario(target, report);
			// The user's journey in a real browser, on the tarball instance (the install route changes nothing in the
			// editor), with its own stand-in.
			if (route === 'tarball')
				await runJourney(target, report, {
					logDir,
					screenshotsDir: options.screenshotsDir,
					rateLimit: options.rateLimit,
				});
		}
	} finally {
		for (const line of keepLog(n8n, logDir, `n8n-${version}-${route}.log`))
			problems.push(`${version} ${route}: ${line.slice(0, 400)}`);
		await n8n.dispose();
		await standIn.close();
	}
}

import { startStandIn } from './index';

/** `npm run quo:stand-in [-- --port 4010]`: a Quo stand-in for manual use. */
async function main(): Promise<void> {
	const port = portFromArguments(process.argv.slice(2)) ?? numberOrUndefined(process.env.PORT);
	const standIn = await startStandIn({ port });
	console.log(`Quo stand-in listening on ${standIn.url}`);
	console.log(`API key: ${standIn.apiKey}`);
	const stop = () => {
		standIn.close().then(
			() => process.exit(0),
			() => process.exit(1),
		);
	};
	process.once('SIGINT', stop);
	process.once('SIGTERM', stop);
}

function portFromArguments(args: string[]): number | undefined {
	const index = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='));
	if (index === -1) return undefined;
	const arg = args[index] ?? '';
	return numberOrUndefined(arg.includes('=') ? arg.slice('--port='.length) : args[index + 1]);
}

function numberOrUndefined(value: string | undefined): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const parsed = Number(value);
	if (!Number.isInteger(parsed) || parsed < 0) throw new Error(`Not a port number: ${value}`);
	return parsed;
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});

// `npm run dev:sms -- "text" [--from +15555550123]`: a customer texts the workspace's first number in the stand-in
// of the `npm run dev` running in this clone, and Quo delivers a signed message.received to every active Quo Trigger.
import { existsSync, readFileSync } from 'node:fs';

import { flag, parseArgs } from '../real-n8n/args';
import { DEV_SESSION_FILE, type DevSession } from './session';

const [text, ...rest] = process.argv.slice(2);
const options = parseArgs(
	'npm run dev:sms -- "text"',
	{
		from: flag.text("the customer's number (E.164); default a seeded contact's", {
			defaultValue: undefined,
			placeholder: '<+1555…>',
		}),
	},
	rest,
);

async function main(): Promise<number> {
	if (!text || text.startsWith('--')) {
		console.error('Say what the customer texts: npm run dev:sms -- "Is my order ready?"');
		return 2;
	}
	if (!existsSync(DEV_SESSION_FILE)) {
		console.error('No `npm run dev` is running: start it first, in another shell.');
		return 1;
	}
	const session = JSON.parse(readFileSync(DEV_SESSION_FILE, 'utf8')) as DevSession;
	const response = await fetch(`${session.controlUrl}/sms`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ text, from: options.from }),
	});
	if (!response.ok) {
		console.error(`The stand-in refused: ${await response.text()}`);
		return 1;
	}
	const { message, statuses } = (await response.json()) as {
		message: { from: string; to: string[] };
		statuses: number[];
	};
	console.log(`${message.from} texted ${message.to[0]}: "${text}"`);
	console.log(
		statuses.length === 0
			? 'No active Quo Trigger takes message.received on that number.'
			: `Quo delivered it to ${statuses.length} Quo Trigger(s), answered ${statuses.join(', ')}; see ${session.n8nUrl}/home/executions`,
	);
	return 0;
}

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(`npm run dev:sms: ${(error as Error).message} (is npm run dev still running?)`);
		process.exit(1);
	},
);

jest.mock('n8n-workflow', () =>
	jest.requireActual<typeof import('./virtualClock')>('./virtualClock').n8nWorkflowOnVirtualClock(),
);

import { NodeApiError } from 'n8n-workflow';

import { Quo } from '../../nodes/Quo/Quo.node';
import { MAX_PAGES } from '../../nodes/Quo/transport/pagination';
import { TransportProbe } from '../harness/probeNode';
import { N8nRuntime } from '../harness/runtime';
import { answer, type LoopbackServer, startLoopbackServer } from './loopbackServer';
import { useVirtualClock } from './virtualClock';

// A list whose page tokens go round in a circle, or never run out, must not pass for a complete list nor run for
// ever. Thousands of pages go through the credential's rate limiter (10 per second), so its waits run on a virtual
// clock (./virtualClock).

useVirtualClock(new Date('2030-01-01T00:00:00Z'));

const probe = { nodeType: new TransportProbe(), parameters: {} };

/** The two ways Quo pages a list: v1 (`pageToken` → `nextPageToken`) and 2026-03-30 (`after` → `nextCursor`). */
const STYLES = {
	v1: { path: '/v1/contacts', tokenIn: 'pageToken', tokenOut: 'nextPageToken' },
	cursor: { path: '/webhooks/1/events', tokenIn: 'after', tokenOut: 'nextCursor' },
} as const;
type Style = keyof typeof STYLES;

/** The next page token after `token` (undefined on the first page), or null for the last page. */
let nextToken: (token: string | undefined) => string | null;
let server: LoopbackServer;
let runtime: N8nRuntime;

beforeAll(async () => {
	server = await startLoopbackServer((request, response) => {
		const query = new URL(request.url, server.url).searchParams;
		const style = Object.values(STYLES).find(({ path }) => request.url.startsWith(`${path}?`))!;
		const token = query.get(style.tokenIn) ?? undefined;
		answer(response, 200, {
			data: [{ id: `item after ${token ?? 'start'}` }],
			[style.tokenOut]: nextToken(token),
		});
	});
	runtime = new N8nRuntime({ baseUrl: server.url, apiKey: 'qk_test_pagination_5b7d9f1a3c5e7a9b' });
});

afterAll(async () => await server?.close());

beforeEach(() => {
	server.received.length = 0;
});

async function walk(style: Style): Promise<unknown> {
	const spec = { paginate: style, path: STYLES[style].path, pageSize: 50 };
	return await runtime.execute(probe, [{ json: spec as never }]).then(
		(output) => output,
		(thrown: unknown) => thrown,
	);
}

describe.each(Object.keys(STYLES) as Style[])('%s pages', (style) => {
	const { path } = STYLES[style];

	test('a page token seen before is an error, not the end of the list', async () => {
		// start → a → b → c → a → …
		const circle: Record<string, string> = { start: 'a', a: 'b', b: 'c', c: 'a' };
		nextToken = (token) => circle[token ?? 'start']!;

		const outcome = await walk(style);

		expect(outcome).toBeInstanceOf(NodeApiError);
		expect((outcome as NodeApiError).message).toBe(
			`Quo repeated an earlier page token of GET ${path} after 4 pages (4 items read so far): the list would go round in circles`,
		);
		expect(server.received).toHaveLength(4);
	});

	test(`a list that never ends stops after ${MAX_PAGES} pages with an error`, async () => {
		// Ever-new tokens; the server gives up itself a little past the cap, so that a walk without one ends too.
		nextToken = (token) => {
			const page = token === undefined ? 1 : Number(token) + 1;
			return page < MAX_PAGES + 10 ? String(page) : null;
		};

		const outcome = await walk(style);

		expect(outcome).toBeInstanceOf(NodeApiError);
		expect((outcome as NodeApiError).message).toBe(
			`Quo's list GET ${path} went on past ${MAX_PAGES.toLocaleString('en-US')} pages (${MAX_PAGES.toLocaleString('en-US')} items read so far): the Quo nodes stop there`,
		);
		expect(server.received).toHaveLength(MAX_PAGES);
	});
});

describe('Contact → Find by Phone, which walks the contacts for a number', () => {
	const findByPhone = async (): Promise<unknown> =>
		await runtime
			.execute({
				nodeType: new Quo(),
				parameters: { resource: 'contact', operation: 'findByPhone', phoneNumber: '+15555550100' },
			})
			.then(
				(output) => output,
				(thrown: unknown) => thrown,
			);

	test('a page token seen before is an error, not "no contact has this number"', async () => {
		const circle: Record<string, string> = { start: 'a', a: 'b', b: 'a' };
		nextToken = (token) => circle[token ?? 'start']!;

		const outcome = await findByPhone();

		expect(outcome).toBeInstanceOf(NodeApiError);
		expect((outcome as NodeApiError).message).toBe(
			'Quo repeated an earlier page token of GET /v1/contacts after 3 pages (3 items read so far): the list would go round in circles',
		);
		expect(server.received).toHaveLength(3);
	});

	test(`a list that never ends stops after ${MAX_PAGES} pages with an error`, async () => {
		nextToken = (token) => {
			const page = token === undefined ? 1 : Number(token) + 1;
			return page < MAX_PAGES + 10 ? String(page) : null;
		};

		const outcome = await findByPhone();

		expect((outcome as NodeApiError).message).toBe(
			`Quo's list GET /v1/contacts went on past ${MAX_PAGES.toLocaleString('en-US')} pages (${MAX_PAGES.toLocaleString('en-US')} items read so far): the Quo nodes stop there`,
		);
		expect(server.received).toHaveLength(MAX_PAGES);
	});
});

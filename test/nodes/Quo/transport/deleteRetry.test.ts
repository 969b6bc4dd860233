import { Readable } from 'node:stream';

import type { INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { type QuoApiContext, quoApiRequest } from '../../../../nodes/Quo/transport';

// A DELETE whose first attempt got no answer is retried; a 404 then means "already gone" only if that first
// attempt may have reached Quo. Which network failures reach Quo cannot be staged over real HTTP, so the
// transport's one n8n helper is replaced here.

let credentialCount = 0;

/** A context whose `httpRequestWithAuthentication` fails first with `networkCode`, then answers 404. */
function contextFailingFirstWith(networkCode: string): QuoApiContext {
	const node: INode = {
		id: 'quo',
		name: 'Quo',
		type: 'n8n-nodes-quo.quo',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		// A limiter of its own for each test.
		credentials: { quoApi: { id: `delete-retry-${credentialCount++}`, name: 'Quo' } },
	};
	let attempts = 0;
	return {
		getCredentials: async () => ({ apiKey: 'test-key', baseUrl: 'https://quo.example' }),
		getNode: () => node,
		helpers: {
			httpRequestWithAuthentication: async () => {
				attempts++;
				if (attempts === 1)
					throw Object.assign(new Error(`connect ${networkCode}`), { code: networkCode });
				// The transport asks for the body as a stream, to read it within its deadline and size cap.
				return {
					statusCode: 404,
					headers: {},
					body: Readable.from([
						Buffer.from(JSON.stringify({ message: 'Webhook not found', code: '0800404' })),
					]),
				};
			},
		},
	} as unknown as QuoApiContext;
}

describe('a DELETE retried after no answer, then answered 404', () => {
	test('is done when the first attempt may have removed it (the connection was lost mid-request)', async () => {
		await expect(
			quoApiRequest.call(contextFailingFirstWith('ECONNRESET'), {
				method: 'DELETE',
				path: '/webhooks/WH1',
			}),
		).resolves.toEqual({});
	});

	test.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'])(
		'is a not-found error when the first attempt never connected (%s)',
		async (code) => {
			const failure = await quoApiRequest
				.call(contextFailingFirstWith(code), { method: 'DELETE', path: '/webhooks/WH1' })
				.catch((error: unknown) => error);

			expect(failure).toBeInstanceOf(NodeApiError);
			expect((failure as NodeApiError).httpCode).toBe('404');
		},
	);
});

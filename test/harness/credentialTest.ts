import { httpRequest } from 'n8n-core/dist/execution-engine/node-execution-context/utils/request-helper-functions';
import type { ICredentialTestRequest, ICredentialType, IHttpRequestOptions } from 'n8n-workflow';

import { examine } from '../secrets/ledger';
import type { N8nRuntime, NodeSetup } from './runtime';

interface RequestFailure {
	message: string;
	code?: string;
	response?: { status: number; statusText?: string };
}

/**
 * What n8n 2.41.1's credential tester shows for a failed test request (`runRequestTest`): a `responseCode` rule's
 * message for the status, else the status text, else the network error's code (`ECONNREFUSED`), else the message.
 */
function testerMessage(
	failure: RequestFailure,
	rules: NonNullable<ICredentialTestRequest['rules']>,
): string {
	const { response } = failure;
	if (response) {
		const rule = rules.find(
			(candidate) =>
				candidate.type === 'responseCode' && candidate.properties.value === response.status,
		);
		if (rule?.type === 'responseCode') return rule.properties.message;
		return response.statusText || `Received HTTP status code: ${response.status}`;
	}
	return failure.code ?? failure.message;
}

/**
 * Runs a credential's `test` request the way n8n's credential tester does: the request's expressions are
 * resolved against the stored credential, the `authenticate` block is applied, and n8n-core sends it.
 * Returns n8n's verdict shape: `{status: 'OK'}` or `{status: 'Error', message}`.
 */
export async function testCredential(
	runtime: N8nRuntime,
	credentialType: ICredentialType,
	anyNodeUsingIt: NodeSetup,
): Promise<{ status: 'OK' } | { status: 'Error'; message: string }> {
	const { workflow, node } = runtime.workflow(anyNodeUsingIt);
	const credentials = await runtime.credentialsHelper.getDecrypted(
		undefined,
		{ id: 'cred', name: 'cred' },
		credentialType.name,
	);
	const request = credentialType.test?.request;
	if (!request) throw new Error(`${credentialType.name} has no test request`);
	const resolve = (value: string | undefined) =>
		value === undefined
			? undefined
			: String(
					workflow.expression.getSimpleParameterValue(
						node,
						value,
						'internal',
						{ $credentials: credentials } as never,
						undefined,
						value,
					),
				);
	const options: IHttpRequestOptions = {
		method: request.method ?? 'GET',
		baseURL: resolve(request.baseURL),
		url: resolve(request.url) ?? '',
		json: true,
		disableFollowRedirect: request.disableFollowRedirect,
		sendCredentialsOnCrossOriginRedirect: request.sendCredentialsOnCrossOriginRedirect,
	};
	const authenticated = await runtime.credentialsHelper.authenticate(
		credentials,
		credentialType.name,
		options,
		workflow,
		node,
	);
	let verdict: { status: 'OK' } | { status: 'Error'; message: string };
	try {
		await httpRequest(authenticated);
		verdict = { status: 'OK' };
	} catch (error) {
		verdict = {
			status: 'Error',
			message: testerMessage(error as RequestFailure, credentialType.test?.rules ?? []),
		};
	}
	// What n8n shows the user who pressed "Test".
	examine({ source: credentialType.name, channel: 'credential test' }, verdict);
	return verdict;
}

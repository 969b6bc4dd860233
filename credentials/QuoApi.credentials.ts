import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class QuoApi implements ICredentialType {
	name = 'quoApi';

	// "OpenPhone" in the name: n8n's credential picker searches names only, and many still know Quo by it.
	displayName = 'Quo (OpenPhone) API';

	icon: Icon = { light: 'file:quo.svg', dark: 'file:quo.dark.svg' };

	documentationUrl = 'https://www.quo.com/docs/mdx/api-reference/authentication';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'A key from Quo: Settings → API → Generate API key (workspace owners and admins only)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.quo.com',
			description:
				"Quo's API host. Change it only to go through a proxy or a regional host, or to test against a local Quo stand-in.",
			hint: 'If the test says ECONNREFUSED, ENOTFOUND or ETIMEDOUT, n8n could not reach this address: check the Base URL (https://api.quo.com for Quo) and any proxy between n8n and Quo.',
		},
	];

	// Quo takes the raw key in the Authorization header, with no "Bearer" prefix.
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '={{$credentials.apiKey}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl}}',
			url: '/v1/phone-numbers',
			// A redirect would take the API key to wherever it points: the test fails on it instead.
			disableFollowRedirect: true,
			sendCredentialsOnCrossOriginRedirect: false,
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Quo refused this API key (401). Copy it again from Quo: Settings → API (only workspace owners and admins can create keys), with nothing before or after it.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						"Quo accepted the key but refused access (403): check the workspace's plan and that the key's owner is still an owner or admin.",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'This Base URL has no Quo API (404 for /v1/phone-numbers): use https://api.quo.com unless you go through a proxy.',
				},
			},
		],
	};
}

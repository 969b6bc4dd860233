import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class QuoApi implements ICredentialType {
	name = 'quoApi';

	displayName = 'Quo API';

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
	};
}

// Brings a freshly started n8n to the point where tests can drive it: owner set up and logged in (REST cookie),
// and a public API key carrying every scope the instance offers.
import type { N8nInstance } from './n8n-instance';
import { N8nPublicApi } from './n8n-public-api';
import { E2E_OWNER, N8nRest, type CreatedApiKey } from './n8n-rest';

export interface Bootstrapped {
	rest: N8nRest;
	api: N8nPublicApi;
	apiKey: CreatedApiKey;
	scopes: string[];
}

/** Owner setup + login on a new instance. */
export async function setupOwner(instance: N8nInstance, owner = E2E_OWNER): Promise<N8nRest> {
	const rest = new N8nRest(instance.baseUrl);
	await rest.setupOwner(owner);
	// setup already sets the cookie; log in anyway so the flow is the one a returning user (or a restarted test) has.
	await rest.login(owner.email, owner.password);
	return rest;
}

/** Owner, login, and a public API key with all scopes from GET /rest/api-keys/scopes. */
export async function bootstrap(instance: N8nInstance, owner = E2E_OWNER): Promise<Bootstrapped> {
	const rest = await setupOwner(instance, owner);
	const scopes = await rest.apiKeyScopes();
	const apiKey = await rest.createApiKey('n8n-nodes-quo e2e', scopes);
	return {
		rest,
		api: new N8nPublicApi(instance.baseUrl, apiKey.rawApiKey, instance.major),
		apiKey,
		scopes,
	};
}

// n8n's internal REST API (/rest/*, what the editor UI calls), used to bootstrap an instance (owner, login,
// public API key) and for the two UI actions the public API of 1.x lacks: testing a credential and installing
// a community package (Settings > Community Nodes). Cookie auth (`n8n-auth`) plus a fixed `browser-id` header,
// which n8n binds into the auth cookie and checks on every request.

import type { INodeTypeDescription } from 'n8n-workflow';

export const E2E_OWNER = {
	email: 'owner@example.com',
	firstName: 'E2E',
	lastName: 'Owner',
	// n8n's password rules: 8-64 characters, at least one number and one capital letter.
	password: 'E2e-Password-0001',
};

export class N8nRequestError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly status: number,
		readonly body: unknown,
	) {
		super(
			`${method} ${path} -> ${status}: ${typeof body === 'string' ? body.slice(0, 500) : JSON.stringify(body).slice(0, 500)}`,
		);
	}
}

export interface CredentialTestResult {
	status: 'OK' | 'Error';
	message: string;
}

export interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	pendingVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage: string | null }>;
}

export interface InstalledCommunityPackage {
	packageName: string;
	installedVersion: string;
	installedNodes: Array<{ name: string; type: string; latestVersion: number }>;
	[key: string]: unknown;
}

export interface CreatedApiKey {
	id: string;
	label: string;
	rawApiKey: string;
	scopes: string[];
}

const BROWSER_ID = 'n8n-nodes-quo-e2e-browser';

export class N8nRest {
	private cookie = '';

	constructor(readonly baseUrl: string) {}

	/** Calls /rest<path>; returns the `data` member n8n wraps responses in. Throws N8nRequestError on non-2xx. */
	async request<T>(
		method: string,
		path: string,
		body?: unknown,
		{ unwrap = true }: { unwrap?: boolean } = {},
	): Promise<T> {
		const headers: Record<string, string> = {
			accept: 'application/json',
			'browser-id': BROWSER_ID,
		};
		if (body !== undefined) headers['content-type'] = 'application/json';
		if (this.cookie) headers.cookie = this.cookie;
		const res = await fetch(`${this.baseUrl}/rest${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = res.headers.get('set-cookie');
		const auth = setCookie?.match(/n8n-auth=[^;]*/);
		if (auth) this.cookie = auth[0];
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// not JSON
		}
		if (!res.ok) throw new N8nRequestError(method, `/rest${path}`, res.status, parsed);
		if (unwrap && parsed && typeof parsed === 'object' && 'data' in parsed)
			return (parsed as { data: T }).data;
		return parsed as T;
	}

	get loggedIn(): boolean {
		return this.cookie !== '';
	}

	/** POST /rest/owner/setup (both 1.x and 2.x: {email, firstName, lastName, password}); n8n logs the owner in. */
	async setupOwner(owner = E2E_OWNER): Promise<{ id: string; email: string }> {
		return this.request('POST', '/owner/setup', owner);
	}

	/** POST /rest/login with {emailOrLdapLoginId, password} (1.123 and 2.41 alike). */
	async login(
		email = E2E_OWNER.email,
		password = E2E_OWNER.password,
	): Promise<{ id: string; email: string }> {
		return this.request('POST', '/login', { emailOrLdapLoginId: email, password });
	}

	/** GET /rest/api-keys/scopes: the scopes an API key of the logged-in user may carry (they differ by version). */
	async apiKeyScopes(): Promise<string[]> {
		return this.request('GET', '/api-keys/scopes');
	}

	/** POST /rest/api-keys {label, scopes, expiresAt: null}; the raw key is only returned here (`rawApiKey`). */
	async createApiKey(label = 'e2e', scopes?: string[]): Promise<CreatedApiKey> {
		const wanted = scopes ?? (await this.apiKeyScopes());
		return this.request('POST', '/api-keys', { label, scopes: wanted, expiresAt: null });
	}

	/**
	 * POST /rest/credentials/test: what the credential modal's "Test" / "Retry" does. n8n looks the stored
	 * credential up by id and tests `data` (the form's values; fields still holding the blanking placeholder are
	 * filled from the stored, decrypted data). Without `data` nothing is tested (n8n answers with an Error).
	 */
	async testCredential(credential: {
		id: string;
		name?: string;
		type: string;
		data?: Record<string, unknown>;
	}): Promise<CredentialTestResult> {
		return this.request('POST', '/credentials/test', { credentials: { name: '', ...credential } });
	}

	/**
	 * 2.x only: GET /rest/workflows/{id}/publication-status. Since 2.41 publishing/unpublishing is asynchronous
	 * (an outbox the server works off right after the call): trigger activation errors show up here, per trigger.
	 */
	async publicationStatus(workflowId: string): Promise<PublicationStatus> {
		return this.request('GET', `/workflows/${workflowId}/publication-status`);
	}

	/** GET /rest/credentials/{id}?includeData=true: the credential as the editor loads it (secrets redacted). */
	async getCredential(
		id: string,
	): Promise<{ id: string; name: string; type: string; data?: Record<string, unknown> }> {
		return this.request('GET', `/credentials/${id}?includeData=true`);
	}

	/**
	 * Tests a stored credential the way the credential modal does when opened on it: load it (secret fields come
	 * back as n8n's blanking placeholder), then POST /rest/credentials/test with that data, which n8n un-redacts
	 * from the stored values. Pass `overrides` to test edited, unsaved form values instead.
	 */
	async testStoredCredential(
		id: string,
		overrides: Record<string, unknown> = {},
	): Promise<CredentialTestResult> {
		const stored = await this.getCredential(id);
		return this.testCredential({
			id,
			name: stored.name,
			type: stored.type,
			data: { ...(stored.data ?? {}), ...overrides },
		});
	}

	/** POST /rest/community-packages {name, version?, verify?}: Settings > Community Nodes > Install. */
	async installCommunityPackage(
		name: string,
		version?: string,
	): Promise<InstalledCommunityPackage> {
		const body: Record<string, unknown> = { name };
		if (version) body.version = version;
		return this.request('POST', '/community-packages', body);
	}

	/** GET /rest/community-packages: the packages installed through the installer (database records). */
	async communityPackages(): Promise<InstalledCommunityPackage[]> {
		return this.request('GET', '/community-packages');
	}

	/**
	 * The node type descriptions the editor gets: GET /types/nodes.json (served from n8n's static cache, regenerated
	 * when packages are installed). Names are `<package>.<node name>`, e.g. `n8n-nodes-quo.quoTrigger`; a versioned
	 * node has one entry per description, whose `version` is a number or the list of versions it covers.
	 */
	async nodeTypes(): Promise<INodeTypeDescription[]> {
		const res = await fetch(`${this.baseUrl}/types/nodes.json`, {
			headers: this.cookie ? { cookie: this.cookie } : {},
		});
		if (!res.ok)
			throw new N8nRequestError('GET', '/types/nodes.json', res.status, await res.text());
		return (await res.json()) as INodeTypeDescription[];
	}

	/** The node type names of GET /types/nodes.json. */
	async nodeTypeNames(): Promise<string[]> {
		return [...new Set((await this.nodeTypes()).map((t) => t.name))];
	}

	/** Credential type names (GET /types/credentials.json), e.g. `quoApi`. */
	async credentialTypeNames(): Promise<string[]> {
		const res = await fetch(`${this.baseUrl}/types/credentials.json`, {
			headers: this.cookie ? { cookie: this.cookie } : {},
		});
		if (!res.ok)
			throw new N8nRequestError('GET', '/types/credentials.json', res.status, await res.text());
		return ((await res.json()) as Array<{ name: string }>).map((t) => t.name);
	}

	/**
	 * Only with E2E_TESTS=true (N8nInstanceOptions.e2eTestMode): PATCH /rest/e2e/feature switches a license feature
	 * on in memory (n8n's own Playwright suite does this). Lost on restart: call again after each start.
	 */
	async setLicenseFeature(feature: string, enabled = true): Promise<void> {
		await this.request('PATCH', '/e2e/feature', { feature, enabled });
	}
}

/** The license feature n8n requires before it honours N8N_COMMUNITY_PACKAGES_REGISTRY (same key in 1.123 and 2.41). */
export const CUSTOM_REGISTRY_FEATURE = 'feat:communityNodes:customRegistry';

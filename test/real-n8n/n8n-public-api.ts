// A small typed client for n8n's public API (/api/v1, header X-N8N-API-KEY), covering what the e2e scenarios
// need. Where 1.x and 2.x differ it picks the right endpoint (from each version's dist/public-api/v1/openapi.yml):
//   1.123.81: POST /workflows/{id}/activate | /deactivate
//   2.41.1:   POST /workflows/{id}/publish  | /unpublish  (activate/deactivate still exist, marked deprecated)
//   2.41.1 only: POST /credentials/{id}/test, POST /community-packages
import {
	N8nRequestError,
	type CredentialTestResult,
	type InstalledCommunityPackage,
} from './n8n-rest';

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	disabled?: boolean;
}

export interface WorkflowInput {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

export interface Workflow extends WorkflowInput {
	id: string;
	active: boolean;
	versionId?: string;
	/** 2.x: the published version's id (null when unpublished). */
	activeVersionId?: string | null;
	staticData?: unknown;
	createdAt: string;
	updatedAt: string;
}

export interface Credential {
	id: string;
	name: string;
	type: string;
	createdAt: string;
	updatedAt: string;
}

export interface Execution {
	id: string;
	workflowId: string;
	mode: string;
	status?: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData: {
			runData: Record<
				string,
				Array<{
					data?: { main: Array<Array<{ json: Record<string, unknown> }> | null> };
					error?: unknown;
				}>
			>;
			error?: unknown;
			lastNodeExecuted?: string;
		};
	};
}

export class N8nPublicApi {
	constructor(
		readonly baseUrl: string,
		readonly apiKey: string,
		/** n8n's major version: 1 or 2. */
		readonly major: number,
	) {}

	async request<T>(method: string, path: string, body?: unknown): Promise<T> {
		const headers: Record<string, string> = {
			accept: 'application/json',
			'X-N8N-API-KEY': this.apiKey,
		};
		if (body !== undefined) headers['content-type'] = 'application/json';
		const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// not JSON
		}
		if (!res.ok) throw new N8nRequestError(method, `/api/v1${path}`, res.status, parsed);
		return parsed as T;
	}

	// Credentials
	createCredential(input: {
		name: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<Credential> {
		return this.request('POST', '/credentials', input);
	}
	deleteCredential(id: string): Promise<Credential> {
		return this.request('DELETE', `/credentials/${id}`);
	}
	/** The JSON schema of a credential type's data (GET /credentials/schema/{type}). */
	credentialSchema(type: string): Promise<Record<string, unknown>> {
		return this.request('GET', `/credentials/schema/${encodeURIComponent(type)}`);
	}
	/** 2.x only: POST /credentials/{id}/test (1.x: use N8nRest.testCredential). */
	testCredential(id: string): Promise<CredentialTestResult> {
		if (this.major < 2)
			throw new Error(
				'The public API has no credential test before n8n 2.x; use N8nRest.testCredential',
			);
		return this.request('POST', `/credentials/${id}/test`);
	}

	// Workflows
	createWorkflow(input: WorkflowInput): Promise<Workflow> {
		return this.request('POST', '/workflows', { settings: {}, ...input });
	}
	getWorkflow(id: string): Promise<Workflow> {
		return this.request('GET', `/workflows/${id}`);
	}
	updateWorkflow(id: string, input: WorkflowInput): Promise<Workflow> {
		return this.request('PUT', `/workflows/${id}`, { settings: {}, ...input });
	}
	deleteWorkflow(id: string): Promise<Workflow> {
		return this.request('DELETE', `/workflows/${id}`);
	}
	/** Turns the workflow's triggers on: 1.x POST /activate, 2.x POST /publish (publishes the latest version). */
	activate(id: string): Promise<Workflow> {
		return this.request(
			'POST',
			this.major >= 2 ? `/workflows/${id}/publish` : `/workflows/${id}/activate`,
			this.major >= 2 ? {} : undefined,
		);
	}
	/** Turns them off: 1.x POST /deactivate, 2.x POST /unpublish. */
	deactivate(id: string): Promise<Workflow> {
		return this.request(
			'POST',
			this.major >= 2 ? `/workflows/${id}/unpublish` : `/workflows/${id}/deactivate`,
		);
	}

	// Executions
	listExecutions(
		query: {
			workflowId?: string;
			status?: string;
			includeData?: boolean;
			limit?: number;
			cursor?: string;
		} = {},
	): Promise<{ data: Execution[]; nextCursor: string | null }> {
		const params = new URLSearchParams();
		if (query.workflowId) params.set('workflowId', query.workflowId);
		if (query.status) params.set('status', query.status);
		if (query.includeData) params.set('includeData', 'true');
		params.set('limit', String(query.limit ?? 100));
		if (query.cursor) params.set('cursor', query.cursor);
		return this.request('GET', `/executions?${params.toString()}`);
	}
	getExecution(id: string, includeData = true): Promise<Execution> {
		return this.request('GET', `/executions/${id}?includeData=${includeData}`);
	}

	// Community packages (2.x only)
	installCommunityPackage(name: string, version?: string): Promise<InstalledCommunityPackage> {
		if (this.major < 2)
			throw new Error(
				'The public API has no community-packages endpoint before n8n 2.x; use N8nRest',
			);
		return this.request('POST', '/community-packages', version ? { name, version } : { name });
	}
}

/** The JSON items one node produced in an execution (first run, first output). */
export function nodeOutput(execution: Execution, nodeName: string): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName];
	const items = runs?.[0]?.data?.main?.[0] ?? [];
	return items.map((item) => item.json);
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core's InstanceSettings writes its config (encryption key) under N8N_USER_FOLDER: keep it out of $HOME.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'n8n-nodes-quo-test-'));
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-quo-test-encryption-key';

import { Container } from '@n8n/di';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

// n8n-core's execution contexts create this service, whose cleanup interval would keep jest's worker alive;
// n8n stops it at shutdown, and so do we at the end of each test file.
afterAll(() => {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
});

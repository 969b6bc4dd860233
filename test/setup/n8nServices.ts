import { Container } from '@n8n/di';
import { DataDeduplicationService } from 'n8n-core/dist/data-deduplication-service';
import { SSHClientsManager } from 'n8n-core/dist/execution-engine/ssh-clients-manager';

import { processedData } from '../harness/processedData';

// `checkProcessedAndRecord` in n8n-core's execution contexts, with n8n's processed_data held in memory.
beforeAll(async () => await DataDeduplicationService.init(processedData));

// n8n-core's execution contexts create this service, whose cleanup interval would keep jest's worker alive;
// n8n stops it at shutdown, and so do we at the end of each test file.
afterAll(() => {
	if (Container.has(SSHClientsManager)) Container.get(SSHClientsManager).onShutdown();
});

import * as path from 'node:path';

import { layout } from '../real-n8n/layout';

/** Where a running `npm run dev` says how `npm run dev:sms` reaches it; removed when it stops. */
export const DEV_SESSION_FILE = path.join(layout.cacheRoot(), 'dev-session.json');

export interface DevSession {
	/** The loopback port of the dev process that has the stand-in text the workspace. */
	controlUrl: string;
	n8nUrl: string;
}

import * as path from 'node:path';

import { REPO_ROOT } from '../real-n8n/layout';

/**
 * Where a running `npm run dev` says how `npm run dev:sms` of the same clone reaches it (owner-only, git-ignored);
 * removed when it stops.
 */
export const DEV_SESSION_FILE = path.join(REPO_ROOT, '.dev-session.json');

export interface DevSession {
	/** The loopback port of the dev process that has the stand-in text the workspace. */
	controlUrl: string;
	n8nUrl: string;
	/** The dev process, so that only it removes the file. */
	pid: number;
}

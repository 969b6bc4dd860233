// Where a run keeps the logs of the n8n instances it started, and what in them concerns Quo.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';

import { layout } from './layout';
import type { N8nInstance } from './n8n-instance';

/** `<cache>/logs/<kind>-<time>/`: inside the cache, so the logs outlive the temp user folders. */
export function runLogDir(kind: string): string {
	const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
	const dir = path.join(layout.cacheRoot(), 'logs', `${kind}-${stamp}`);
	mkdirSync(dir, { recursive: true });
	return dir;
}

/** The lines of an n8n log that mention Quo at warn or error level (for the report on the nodes themselves). */
export function quoProblems(logText: string): string[] {
	return (
		logText
			.split('\n')
			// Only log lines of the warn/error level that name Quo themselves, not merely the cache or temp folder paths.
			.filter(
				(l) =>
					/^\S+ \| (warn|error) /.test(l) &&
					/quo/i.test(l.replace(/[\w./-]*quo-e2e[\w./-]*/gi, '')),
			)
			.slice(0, 15)
	);
}

/** Copies an instance's log into the run's log folder as `name` (its user folder goes at dispose); returns its Quo problems. */
export function keepLog(n8n: N8nInstance, logDir: string, name: string): string[] {
	if (existsSync(n8n.logFile)) copyFileSync(n8n.logFile, path.join(logDir, name));
	return quoProblems(n8n.readLog());
}

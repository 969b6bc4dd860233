import { Logger } from '@n8n/backend-common';
import { Container } from '@n8n/di';
import { type LogMetadata, LoggerProxy } from 'n8n-workflow';

import { examine } from './ledger';

const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;

/**
 * n8n's logger as the nodes get it (`this.logger`), recording every call at every level (even those the
 * configured level drops: an operator may turn debug on), then logging as before. The logger's own
 * properties are read-only, so the recording methods sit on an object that inherits from it.
 */
function recording(logger: Logger): Logger {
	const recorder = Object.create(logger) as Logger;
	for (const level of LOG_LEVELS) {
		Object.defineProperty(recorder, level, {
			value: (message: string, metadata?: LogMetadata) => {
				examine({ channel: 'n8n log', source: `logger.${level}` }, { message, metadata });
				logger[level](message, metadata);
			},
		});
	}
	Object.defineProperty(recorder, 'scoped', {
		value: (scopes: Parameters<Logger['scoped']>[0]) => recording(logger.scoped(scopes)),
	});
	return recorder;
}

/** From now on, what the nodes log through n8n (`this.logger`, `LoggerProxy`) is examined. */
export function captureN8nLogs(): void {
	const logger = recording(Container.get(Logger));
	Container.set(Logger, logger);
	LoggerProxy.init(logger);
}

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** From now on, what anything prints on the console is examined. */
export function captureConsole(): void {
	for (const method of CONSOLE_METHODS) {
		const print = console[method];
		console[method] = (...args: unknown[]) => {
			examine({ channel: 'console', source: `console.${method}` }, args);
			print.apply(console, args);
		};
	}
}

import type { Logger } from '@bamboo/engine';
import { Logger as NestLogger, type LogLevel } from '@nestjs/common';
import type { BambooLogLevel } from '../config';

/** The engine's logger port over Nest's Logger (context `Bamboo`). */
export function nestEngineLogger(context = 'Bamboo'): Logger {
  const nest = new NestLogger(context);
  const line = (message: string, meta?: Record<string, unknown>) =>
    meta && Object.keys(meta).length > 0 ? `${message} ${JSON.stringify(meta)}` : message;
  return {
    debug: (message, meta) => nest.debug(line(message, meta)),
    info: (message, meta) => nest.log(line(message, meta)),
    warn: (message, meta) => nest.warn(line(message, meta)),
    error: (message, meta) => nest.error(line(message, meta)),
  };
}

const NEST_LEVELS: Record<BambooLogLevel, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** The `logger` option of `NestFactory.create` for BAMBOO_LOG_LEVEL. */
export function nestLogLevels(level: BambooLogLevel): LogLevel[] {
  return NEST_LEVELS[level];
}

/**
 * Components' node log lines (meta `nodeId` + `version`) go to `base` at debug: they are stored
 * per attempt and served by the API, and echoing four lines per activity into the process log cost
 * more CPU than the step itself at benchmark rates. Warnings and errors keep their level.
 */
export function nodeLinesAtDebug(base: Logger): Logger {
  const isNodeLine = (meta?: Record<string, unknown>) =>
    typeof meta?.nodeId === 'string' && typeof meta.version === 'string';
  return {
    debug: (message, meta) => base.debug(message, meta),
    info: (message, meta) => (isNodeLine(meta) ? base.debug(message, meta) : base.info(message, meta)),
    warn: (message, meta) => base.warn(message, meta),
    error: (message, meta) => base.error(message, meta),
  };
}

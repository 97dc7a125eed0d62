import type { Logger } from '@bamboo/engine';
import { Logger as NestLogger, type LogLevel } from '@nestjs/common';
import type { BambooLogLevel } from '../config';

/**
 * The engine's logger port over Nest's Logger (context `Bamboo`). A line of a disabled level is not
 * formatted at all (its meta is not serialised): the node lines demoted to debug are the most
 * frequent lines of a run.
 */
export function nestEngineLogger(context = 'Bamboo'): Logger {
  const nest = new NestLogger(context);
  const at =
    (level: LogLevel, write: (line: string) => void) =>
    (message: string, meta?: Record<string, unknown>): void => {
      if (!NestLogger.isLevelEnabled(level)) return;
      write(meta && Object.keys(meta).length > 0 ? `${message} ${JSON.stringify(meta)}` : message);
    };
  return {
    debug: at('debug', (line) => nest.debug(line)),
    info: at('log', (line) => nest.log(line)),
    warn: at('warn', (line) => nest.warn(line)),
    error: at('error', (line) => nest.error(line)),
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

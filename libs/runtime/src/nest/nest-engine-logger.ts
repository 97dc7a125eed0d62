import type { Logger } from '@bamboo/engine';
import { Logger as NestLogger } from '@nestjs/common';

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

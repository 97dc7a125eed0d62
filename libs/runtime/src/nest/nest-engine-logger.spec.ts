import type { Logger } from '@bamboo/engine';
import { Logger as NestLogger } from '@nestjs/common';
import { nestEngineLogger, nestLogLevels, nodeLinesAtDebug } from './nest-engine-logger';

function recording(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

describe('nodeLinesAtDebug', () => {
  it('demotes info lines of a node attempt to debug and keeps every other line as it is', () => {
    const base = recording();
    const logger = nodeLinesAtDebug(base);
    logger.info('component says hello', { nodeId: 'n1', version: 'v1' });
    logger.info('engine worker started', { queues: ['er_execute'] });
    logger.info('only a node id', { nodeId: 'n1' });
    logger.warn('component warns', { nodeId: 'n1', version: 'v1' });
    logger.error('component fails', { nodeId: 'n1', version: 'v1' });
    expect(base.lines).toEqual([
      'debug component says hello',
      'info engine worker started',
      'info only a node id',
      'warn component warns',
      'error component fails',
    ]);
  });
});

describe('nestEngineLogger', () => {
  afterEach(() => NestLogger.overrideLogger(['fatal', 'error', 'warn', 'log', 'debug', 'verbose']));

  it('does not format lines of a disabled level', () => {
    NestLogger.overrideLogger(['fatal', 'error']);
    let serialised = 0;
    const meta = { nodeId: 'n1', toJSON: () => ++serialised };
    const logger = nestEngineLogger();
    logger.debug('hidden', meta);
    logger.info('hidden', meta);
    logger.warn('hidden', meta);
    expect(serialised).toBe(0);
    const error = jest.spyOn(NestLogger.prototype, 'error').mockImplementation(() => undefined);
    logger.error('shown', meta);
    expect(serialised).toBe(1);
    expect(error).toHaveBeenCalledWith('shown 1');
    error.mockRestore();
  });
});

describe('nestLogLevels', () => {
  it('maps BAMBOO_LOG_LEVEL to Nest levels, most severe first', () => {
    expect(nestLogLevels('error')).toEqual(['fatal', 'error']);
    expect(nestLogLevels('info')).toEqual(['fatal', 'error', 'warn', 'log']);
    expect(nestLogLevels('debug')).toContain('debug');
  });
});

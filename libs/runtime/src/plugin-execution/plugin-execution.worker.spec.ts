import { runsPluginWorker } from './plugin-execution.worker';

describe('runsPluginWorker (09 §4.3 plugin role)', () => {
  it('is on in the embedded all-in-one process whatever the roles', () => {
    expect(runsPluginWorker({ mode: 'embedded', workerRoles: ['execute', 'schedule'] })).toBe(true);
  });

  it('is on in a distributed worker only with the plugin role', () => {
    expect(runsPluginWorker({ mode: 'distributed', workerRoles: ['execute', 'schedule'] })).toBe(false);
    expect(runsPluginWorker({ mode: 'distributed', workerRoles: ['plugin'] })).toBe(true);
  });
});

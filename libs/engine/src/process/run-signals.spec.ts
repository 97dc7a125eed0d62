import type { SignalMap, SignalName } from '@bamboo/signals';
import { NOOP_LOGGER } from '../runtime/logger.port';
import type { NodeStateRecord } from '../runtime/runtime-records';
import { DEFAULT_ENGINE_SETTINGS } from './engine-services';
import { prepareRunEventData, publishBeforeRun, publishRunStarted } from './run-signals';

const rootState: NodeStateRecord = {
  nodeId: 'p1',
  rootId: 'p1',
  parentId: '',
  name: 'RUNNING',
  version: 'v1',
  loop: 1,
  innerLoop: 1,
  retry: 0,
  skip: false,
  errorIgnored: false,
  createdTime: new Date(0),
  startedTime: new Date(0),
  archivedTime: null,
};

function services(enablePipelineEventSignals: boolean) {
  const seen: Array<{ name: SignalName; payload: unknown }> = [];
  return {
    seen,
    signals: { emit: <K extends SignalName>(name: K, payload: SignalMap[K]) => void seen.push({ name, payload }) },
    logger: NOOP_LOGGER,
    settings: { ...DEFAULT_ENGINE_SETTINGS, enablePipelineEventSignals },
  };
}

describe('run_pipeline signals', () => {
  const data = prepareRunEventData({ id: 'p1' }, { rootPipelineData: { a: 1 } });

  it('pre_prepare_run_pipeline, then the root RUNNING post_set_state and post_prepare_run_pipeline', async () => {
    const s = services(true);
    await publishBeforeRun(s, data);
    await publishRunStarted(s, { rootState }, data);
    expect(s.seen).toEqual([
      { name: 'pipeline_event', payload: { event: { event_type: 'pre_prepare_run_pipeline', data } } },
      {
        name: 'post_set_state',
        payload: { node_id: 'p1', to_state: 'RUNNING', version: 'v1', root_id: 'p1', parent_id: '', loop: 1 },
      },
      { name: 'pipeline_event', payload: { event: { event_type: 'post_prepare_run_pipeline', data } } },
    ]);
    expect(data).toEqual({
      pipeline: { id: 'p1' },
      root_pipeline_data: { a: 1 },
      root_pipeline_context: {},
      subprocess_context: {},
    });
  });

  it('keeps post_set_state when pipeline events are off', async () => {
    const s = services(false);
    await publishBeforeRun(s, data);
    await publishRunStarted(s, { rootState }, data);
    expect(s.seen.map((signal) => signal.name)).toEqual(['post_set_state']);
  });

  it('swallows a failing listener', async () => {
    const s = { ...services(true), signals: { emit: () => Promise.reject(new Error('listener bug')) } };
    await expect(publishRunStarted(s, { rootState }, data)).resolves.toBeUndefined();
  });
});

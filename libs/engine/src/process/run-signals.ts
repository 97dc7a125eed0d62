import type { PrepareRunPipelineData } from '@bamboo/signals';
import type { RunPlan } from '../runtime/run-plan';
import type { EngineServices } from './engine-services';
import { publishPipelineEvent, publishSignal } from './signal-publishing';

type RunSignalServices = Pick<EngineServices, 'signals' | 'logger' | 'settings'>;

/** The `data` of `pre_/post_prepare_run_pipeline` (spec 08 §4). */
export function prepareRunEventData(
  pipeline: unknown,
  options: {
    rootPipelineData?: Record<string, unknown>;
    rootPipelineContext?: Record<string, unknown>;
    subprocessContext?: Record<string, unknown>;
  },
): PrepareRunPipelineData {
  return {
    pipeline,
    root_pipeline_data: options.rootPipelineData ?? {},
    root_pipeline_context: options.rootPipelineContext ?? {},
    subprocess_context: options.subprocessContext ?? {},
  };
}

/** `run_pipeline`, after validation and before anything is stored: `pre_prepare_run_pipeline`. */
export function publishBeforeRun(services: RunSignalServices, data: PrepareRunPipelineData): Promise<void> {
  return publishPipelineEvent(services, 'pre_prepare_run_pipeline', data);
}

/**
 * `run_pipeline`, after `prepareRun` stored the plan and its first dispatch: `post_set_state` for
 * the root's RUNNING record (its creation is a state write like any other, spec 08 §2), then
 * `post_prepare_run_pipeline`.
 */
export async function publishRunStarted(
  services: RunSignalServices,
  plan: Pick<RunPlan, 'rootState'>,
  data: PrepareRunPipelineData,
): Promise<void> {
  const root = plan.rootState;
  await publishSignal(services, {
    name: 'post_set_state',
    payload: {
      node_id: root.nodeId,
      to_state: root.name,
      version: root.version,
      root_id: root.rootId,
      parent_id: root.parentId,
      loop: root.loop,
    },
  });
  await publishPipelineEvent(services, 'post_prepare_run_pipeline', data);
}

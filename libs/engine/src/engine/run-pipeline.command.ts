import type { PipelineTree } from '../model';
import { prepareRunData } from '../data/run-preparation';
import { prepareRunEventData, publishBeforeRun, publishRunStarted } from '../process/run-signals';
import type { EngineServices } from '../process/engine-services';
import type { ExecuteTask } from '../runtime/engine-task';
import type { RunPlan } from '../runtime/run-plan';
import type { NodeStateRecord, ProcessRecord } from '../runtime/runtime-records';
import { checkLazyInputKeys, checkRegisteredExtensions, validatePipelineTree } from '../validator';
import type { RunPipelineOptions, RunPipelineResult } from './engine-options';

/**
 * `run_pipeline` (spec 06 A.2): validate, build every record of the run, store them and the first
 * dispatch in one `prepareRun` (nothing is dispatched if it fails).
 */
export async function runPipeline(
  services: EngineServices,
  input: unknown,
  options: RunPipelineOptions = {},
): Promise<RunPipelineResult> {
  const tree: PipelineTree = validatePipelineTree(input, {
    cycleTolerate: options.cycleTolerate ?? false,
    startNodeId: options.startNodeId,
    sinkTypes: services.catalog.endEventTypes(),
  });
  checkLazyInputKeys(tree);
  // Spec 05 §8 (Decision): an unknown component or lazy type is refused here, not found by a worker.
  const { catalog } = services;
  checkRegisteredExtensions(tree, {
    hasComponent: (code, version) => catalog.findComponent(code, version) !== undefined,
    hasVariable: (customType) => catalog.findLazyVariable(customType) !== undefined,
    hasEndEvent: (type) => catalog.findEndEvent(type) !== undefined,
  });
  const eventData = prepareRunEventData(tree, options);
  await publishBeforeRun(services, eventData);
  const prepared = prepareRunData(tree, {
    rootPipelineData: options.rootPipelineData ?? {},
    rootPipelineContext: options.rootPipelineContext ?? {},
    subprocessContext: options.subprocessContext ?? {},
  });
  const now = services.clock.now();
  const rootState: NodeStateRecord = {
    nodeId: tree.id,
    rootId: tree.id,
    parentId: '',
    name: 'RUNNING',
    version: services.ids.version(),
    loop: 1,
    innerLoop: 1,
    retry: 0,
    skip: false,
    errorIgnored: false,
    createdTime: now,
    startedTime: now,
    archivedTime: null,
  };
  const startNodeId = options.startNodeId ?? tree.start_event.id;
  const rootProcess: ProcessRecord = {
    id: services.ids.id(),
    parentId: null,
    rootPipelineId: tree.id,
    pipelineStack: [tree.id],
    currentNodeId: startNodeId,
    destinationId: '',
    asleep: true,
    suspended: false,
    suspendedBy: '',
    dead: false,
    needAck: -1,
    ackNum: 0,
    queue: options.queue ?? '',
    priority: options.priority ?? 100,
    lastHeartbeat: null,
    taskToken: services.ids.id(),
  };
  const first: ExecuteTask = {
    kind: 'execute',
    queue: rootProcess.queue,
    priority: rootProcess.priority,
    processId: rootProcess.id,
    nodeId: startNodeId,
    rootPipelineId: tree.id,
    parentPipelineId: tree.id,
    token: rootProcess.taskToken!,
  };
  const name = typeof tree.name === 'string' ? tree.name : '';
  const plan: RunPlan = {
    ...prepared,
    tree,
    name,
    rootState,
    rootProcess,
    dispatch: [{ task: first, delaySeconds: 0 }],
  };
  await services.runtime.prepareRun(plan);
  await publishRunStarted(services, plan, eventData);
  return { pipelineId: tree.id, processId: rootProcess.id };
}

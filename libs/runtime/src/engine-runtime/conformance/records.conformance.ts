import type { NodeStateRecord, ProcessRecord } from '@bamboo/engine';
import { InProcessTaskQueue } from '../../queue/in-process-task-queue';

/** A sleeping process of the pipeline `root`, on node `n`, without a pending task. */
export function processRecord(id: string, overrides: Partial<ProcessRecord> = {}): ProcessRecord {
  return {
    id,
    parentId: null,
    rootPipelineId: 'root',
    pipelineStack: ['root'],
    currentNodeId: 'n',
    destinationId: '',
    asleep: true,
    suspended: false,
    suspendedBy: '',
    dead: false,
    needAck: -1,
    ackNum: 0,
    queue: '',
    priority: 100,
    lastHeartbeat: null,
    taskToken: null,
    ...overrides,
  };
}

/** The state of a node directly under the pipeline `root`, created and started at `now`. */
export function stateRecord(
  nodeId: string,
  name: NodeStateRecord['name'],
  version: string,
  now: Date,
): NodeStateRecord {
  return {
    nodeId,
    rootId: 'root',
    parentId: 'root',
    name,
    version,
    loop: 1,
    innerLoop: 1,
    retry: 0,
    skip: false,
    errorIgnored: false,
    createdTime: now,
    startedTime: now,
    archivedTime: null,
  };
}

/** The execute task, to node `next` of `root`, that carries `token`. */
export function executeTask(processId: string, token: string) {
  return {
    kind: 'execute' as const,
    queue: '',
    priority: 100,
    processId,
    nodeId: 'next',
    rootPipelineId: 'root',
    parentPipelineId: 'root',
    token,
  };
}

/** An in-process queue that only counts its adds (dispatches after a commit), calling `onAdd`. */
export function countingQueue(onAdd: () => void): InProcessTaskQueue {
  const queue = new InProcessTaskQueue();
  queue.add = () => {
    onAdd();
    return Promise.resolve('job');
  };
  return queue;
}

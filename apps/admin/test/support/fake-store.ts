import { newId, type FakeTree, type Json } from './fake-trees';

// In-memory stand-in for the engine behind the REST API: states, execution data, histories and logs,
// with just enough "running" (a node turns RUNNING, then FINISHED a moment later) to watch the
// console update live.

export interface StateRecord {
  id: string;
  state: string;
  root_id: string;
  parent_id: string;
  version: string;
  loop: number;
  retry: number;
  skip: boolean;
  error_ignorable: boolean;
  error_ignored: boolean;
  created_time: string;
  started_time: string | null;
  archived_time: string | null;
}

export interface HistoryRecord {
  id: number;
  node_id: string;
  started_time: string | null;
  archived_time: string | null;
  retry: number;
  loop: number;
  skip: boolean;
  version: string;
  inputs: Json;
  outputs: Json;
}

export interface FakePipeline {
  id: string;
  name: string;
  created_time: string;
  tree: FakeTree;
  states: Map<string, StateRecord>;
  executionData: Map<string, { inputs: Json; outputs: Json }>;
  histories: Map<string, HistoryRecord[]>;
  logs: Map<string, string[]>;
}

export class FakeConflict extends Error {}
export class FakeNotFound extends Error {}

const version = (): string => newId('v');
const now = (): string => new Date().toISOString();

export class FakeStore {
  readonly pipelines = new Map<string, FakePipeline>();
  /** Delay between simulated steps; small so that tests stay fast but see RUNNING first. */
  stepMs = 300;
  private historyId = 1;
  private timers = new Set<ReturnType<typeof setTimeout>>();

  addPipeline(tree: FakeTree, name: string, createdTime = now(), rootState = 'RUNNING'): FakePipeline {
    const pipeline: FakePipeline = {
      id: tree.id,
      name,
      created_time: createdTime,
      tree,
      states: new Map(),
      executionData: new Map(),
      histories: new Map(),
      logs: new Map(),
    };
    this.pipelines.set(tree.id, pipeline);
    this.setState(pipeline, tree.id, rootState, { parent: tree.id });
    return pipeline;
  }

  setState(pipeline: FakePipeline, nodeId: string, state: string, opts: { parent?: string; skip?: boolean } = {}) {
    const previous = pipeline.states.get(nodeId);
    const time = now();
    const terminal = ['FINISHED', 'FAILED', 'REVOKED'].includes(state);
    pipeline.states.set(nodeId, {
      id: nodeId,
      state,
      root_id: pipeline.id,
      parent_id: opts.parent ?? previous?.parent_id ?? pipeline.id,
      version: previous && previous.state === state ? previous.version : version(),
      loop: previous?.loop ?? 1,
      retry: previous?.retry ?? 0,
      skip: opts.skip ?? previous?.skip ?? false,
      error_ignorable: false,
      error_ignored: false,
      created_time: previous?.created_time ?? time,
      started_time: state === 'READY' ? null : (previous?.started_time ?? time),
      archived_time: terminal ? time : null,
    });
  }

  find(nodeId: string): { pipeline: FakePipeline; state: StateRecord } {
    for (const pipeline of this.pipelines.values()) {
      const state = pipeline.states.get(nodeId);
      if (state) return { pipeline, state };
    }
    throw new FakeNotFound(`node(${nodeId}) state not found`);
  }

  log(pipeline: FakePipeline, nodeId: string, line: string): void {
    pipeline.logs.set(nodeId, [...(pipeline.logs.get(nodeId) ?? []), `${now()} INFO ${line}`]);
  }

  writeHistory(pipeline: FakePipeline, state: StateRecord): void {
    const data = pipeline.executionData.get(state.id) ?? { inputs: {}, outputs: {} };
    const list = pipeline.histories.get(state.id) ?? [];
    list.push({
      id: this.historyId++,
      node_id: state.id,
      started_time: state.started_time,
      archived_time: state.archived_time,
      retry: state.retry,
      loop: state.loop,
      skip: state.skip,
      version: state.version,
      inputs: data.inputs,
      outputs: data.outputs,
    });
    pipeline.histories.set(state.id, list);
  }

  /** Ids reached from a node by its outgoing flows (exclusive gateways take their first branch). */
  successors(tree: FakeTree, nodeId: string): string[] {
    const element =
      tree.start_event.id === nodeId ? tree.start_event : (tree.activities[nodeId] ?? tree.gateways[nodeId]);
    if (!element) return [];
    const outgoing = Array.isArray(element.outgoing) ? element.outgoing : [element.outgoing].filter(Boolean);
    const flows = element.type === 'ExclusiveGateway' ? outgoing.slice(0, 1) : outgoing;
    return flows.map((flowId) => tree.flows[flowId]?.target).filter((id): id is string => Boolean(id));
  }

  /** Runs nodeId and everything after it, one step per `stepMs`, then finishes the pipeline. */
  runFrom(pipeline: FakePipeline, nodeIds: string[]): void {
    const step = (queue: string[]): void => {
      const [nodeId, ...rest] = queue;
      if (!nodeId) {
        this.setState(pipeline, pipeline.id, 'FINISHED');
        return;
      }
      this.setState(pipeline, nodeId, 'RUNNING');
      this.schedule(() => {
        if (pipeline.states.get(pipeline.id)?.state !== 'RUNNING') return;
        this.setState(pipeline, nodeId, 'FINISHED');
        this.log(pipeline, nodeId, 'finished');
        const next = this.successors(pipeline.tree, nodeId).filter((id) => !rest.includes(id));
        const join = next.filter((id) => pipeline.tree.gateways[id]?.type === 'ConvergeGateway');
        step([...rest, ...next.filter((id) => !join.includes(id)), ...join]);
      });
    };
    step(nodeIds);
  }

  schedule(action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, this.stepMs);
    this.timers.add(timer);
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}

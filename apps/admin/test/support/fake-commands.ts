import { FakeConflict, FakeNotFound, type FakeStore } from './fake-store';
import type { Json } from './fake-trees';

// The node and pipeline commands of spec 06 B.2, with the preconditions of Part A that the console
// relies on (FAILED for retry/skip, RUNNING for pause…), answering 409 like the real API.

function ensure(condition: boolean, message: string): void {
  if (!condition) throw new FakeConflict(message);
}

export function pipelineCommand(store: FakeStore, pipelineId: string, verb: string): Json | null {
  const pipeline = store.pipelines.get(pipelineId);
  if (!pipeline) throw new FakeNotFound(`pipeline(${pipelineId}) not found`);
  const state = pipeline.states.get(pipelineId)!.state;
  const target = { pause: 'SUSPENDED', resume: 'RUNNING', revoke: 'REVOKED' }[verb];
  if (!target) throw new FakeNotFound(`unknown command ${verb}`);
  if (state === target) return { already: true };
  const allowed: Record<string, string[]> = {
    pause: ['RUNNING'],
    resume: ['SUSPENDED'],
    revoke: ['RUNNING', 'SUSPENDED'],
  };
  ensure(allowed[verb]!.includes(state), `pipeline(${pipelineId}) state is: ${state}`);
  store.setState(pipeline, pipelineId, target);
  return null;
}

export function nodeCommand(store: FakeStore, nodeId: string, verb: string, body: Json): Json | null {
  const { pipeline, state } = store.find(nodeId);
  const tree = pipeline.tree;
  const element = tree.activities[nodeId] ?? tree.gateways[nodeId];
  const failed = (): void => ensure(state.state === 'FAILED', `node(${nodeId}) state is ${state.state}, not FAILED`);
  switch (verb) {
    case 'retry': {
      failed();
      store.writeHistory(pipeline, state);
      const data = pipeline.executionData.get(nodeId) ?? { inputs: {}, outputs: {} };
      if (body.inputs && typeof body.inputs === 'object') data.inputs = body.inputs as Json;
      data.outputs = {};
      pipeline.executionData.set(nodeId, data);
      state.retry += 1;
      store.setState(pipeline, nodeId, 'READY');
      store.log(pipeline, nodeId, `retry with inputs ${JSON.stringify(data.inputs)}`);
      store.runFrom(pipeline, [nodeId]);
      return null;
    }
    case 'skip':
      failed();
      ensure(element?.type === 'ServiceActivity' && element.skippable === true, 'node can not skip');
      store.writeHistory(pipeline, state);
      store.setState(pipeline, nodeId, 'FINISHED', { skip: true });
      store.runFrom(pipeline, store.successors(tree, nodeId));
      return null;
    case 'skip-exclusive-gateway': {
      failed();
      ensure(element?.type === 'ExclusiveGateway', 'not an exclusive gateway');
      const flowId = typeof body.flow_id === 'string' ? body.flow_id : '';
      const outgoing = element!.outgoing as string[];
      if (!outgoing.includes(flowId)) throw new FakeNotFound(`flow(${flowId}) is not an outgoing flow`);
      store.writeHistory(pipeline, state);
      store.setState(pipeline, nodeId, 'FINISHED', { skip: true });
      store.runFrom(pipeline, [tree.flows[flowId]!.target]);
      return null;
    }
    case 'skip-conditional-parallel-gateway': {
      failed();
      ensure(element?.type === 'ConditionalParallelGateway', 'not a conditional parallel gateway');
      const flowIds = (body.flow_ids as string[] | undefined) ?? [];
      store.setState(pipeline, nodeId, 'FINISHED', { skip: true });
      store.runFrom(
        pipeline,
        flowIds.map((flowId) => tree.flows[flowId]!.target),
      );
      return null;
    }
    case 'forced-fail': {
      ensure(state.state === 'RUNNING', `node(${nodeId}) state is ${state.state}, not RUNNING`);
      const data = pipeline.executionData.get(nodeId) ?? { inputs: {}, outputs: {} };
      data.outputs = { ...data.outputs, ex_data: body.ex_data, _forced_failed: true };
      pipeline.executionData.set(nodeId, data);
      store.setState(pipeline, nodeId, 'FAILED');
      return null;
    }
    case 'callbacks':
      ensure(state.state === 'RUNNING', 'node is not waiting for a callback');
      ensure(body.version === state.version, `node version ${String(body.version)} not exist`);
      store.log(pipeline, nodeId, `callback ${JSON.stringify(body.data)}`);
      return { callback_data_id: 1 };
    case 'pause':
      if (state.state === 'SUSPENDED') return { already: true };
      ensure(state.state === 'READY', `node(${nodeId}) state is ${state.state}`);
      store.setState(pipeline, nodeId, 'SUSPENDED');
      return null;
    case 'resume':
      ensure(state.state === 'SUSPENDED', `node(${nodeId}) state is ${state.state}`);
      store.setState(pipeline, nodeId, 'READY');
      return null;
    default:
      throw new FakeNotFound(`unknown command ${verb}`);
  }
}

import type { NodeDefinition } from '../runtime/node-definition';
import type { ExecutionData, NodeStateRecord } from '../runtime/runtime-records';
import type { EngineServices } from './engine-services';
import type { StateChanges } from './step-effects';

/** Why a process does not enter a node (spec 03 §3 step 6). */
export type EntryRefusal = 'rerun-limit' | 'pause-appointed' | 'not-enterable';

export type EntryDecision =
  { enter: true; changes: StateChanges; history?: boolean } | { enter: false; reason: EntryRefusal };

/** Decides whether and how a process enters `node` given its current state (spec 03 §3 step 6). */
export function decideEntry(
  node: NodeDefinition,
  state: NodeStateRecord | undefined,
  services: EngineServices,
): EntryDecision {
  if (!state) return { enter: true, changes: { loop: 1, innerLoop: 1 } };
  const limit = services.settings.rerunLimit;
  if (state.name === 'FINISHED' && node.type !== 'SubProcess' && state.loop > limit) {
    return { enter: false, reason: 'rerun-limit' };
  }
  if (state.name === 'SUSPENDED') return { enter: false, reason: 'pause-appointed' };
  if (state.name !== 'READY' && state.name !== 'FINISHED' && state.name !== 'LOOP_READY') {
    return { enter: false, reason: 'not-enterable' };
  }
  const hasLoopConfig = node.type === 'ServiceActivity' && node.loopConfig?.enable === true;
  if (state.name === 'FINISHED') {
    return {
      enter: true,
      history: true,
      changes: {
        loop: state.loop + 1,
        innerLoop: state.innerLoop + 1,
        refreshVersion: true,
        resetSkip: true,
        resetErrorIgnored: true,
        resetRetry: !hasLoopConfig,
      },
    };
  }
  if (hasLoopConfig && state.name === 'READY') return { enter: true, changes: { loop: 1, innerLoop: 1 } };
  return { enter: true, changes: { loop: state.loop, innerLoop: state.innerLoop } };
}

/** The history record written before a FINISHED node is re-entered (spec 01 §7.5). */
export function historyOf(state: NodeStateRecord, data: ExecutionData | undefined, id: string) {
  return {
    id,
    nodeId: state.nodeId,
    loop: state.loop,
    retry: state.retry,
    skip: state.skip,
    version: state.version,
    startedTime: state.startedTime,
    archivedTime: state.archivedTime,
    inputs: data?.inputs ?? {},
    outputs: data?.outputs ?? {},
  };
}

import type { NodeStateRecord, ServiceActivityNode, StateName } from '../api/types';
import type { TreeElement } from '../graph/graph-model';

// Which operations the current state allows, derived from the preconditions of spec 06 Part A.
// The server re-checks everything; this only spares the user a 409 and says why a button is off.

export interface Availability {
  enabled: boolean;
  /** Why it is disabled (shown next to the button); empty when enabled. */
  reason: string;
}

const ok: Availability = { enabled: true, reason: '' };
const no = (reason: string): Availability => ({ enabled: false, reason });

function stateIs(state: StateName | undefined, allowed: StateName[], what: string): Availability {
  if (state && allowed.includes(state)) return ok;
  return no(`${what} needs state ${allowed.join(' or ')}; it is ${state ?? 'not started'}`);
}

export type PipelineOperation = 'pause' | 'resume' | 'revoke';

export function pipelineOperation(operation: PipelineOperation, state: StateName | undefined): Availability {
  switch (operation) {
    case 'pause':
      return stateIs(state, ['RUNNING'], 'pause');
    case 'resume':
      return stateIs(state, ['SUSPENDED'], 'resume');
    case 'revoke':
      return stateIs(state, ['RUNNING', 'SUSPENDED'], 'revoke');
  }
}

export type NodeOperation =
  | 'pause'
  | 'resume'
  | 'retry'
  | 'retry-subprocess'
  | 'skip'
  | 'skip-exclusive-gateway'
  | 'skip-conditional-parallel-gateway'
  | 'forced-fail'
  | 'callback';

export interface NodeContext {
  element: TreeElement;
  state: NodeStateRecord | undefined;
  /** The root pipeline's state: nothing can be steered in a finished or revoked run. */
  rootState: StateName | undefined;
}

function requireType(element: TreeElement, types: string[], what: string): Availability {
  return types.includes(element.type) ? ok : no(`${what} applies to ${types.join(' / ')} only`);
}

function all(...checks: Availability[]): Availability {
  return checks.find((check) => !check.enabled) ?? ok;
}

export function nodeOperation(operation: NodeOperation, { element, state, rootState }: NodeContext): Availability {
  if (rootState === 'REVOKED' || rootState === 'FINISHED') return no(`the pipeline is ${rootState}`);
  const current = state?.state;
  const activity = element.type === 'ServiceActivity' ? (element as ServiceActivityNode) : null;
  switch (operation) {
    case 'pause':
      // 06 A.6 Decision: only a node not reached yet (no state, READY, LOOP_READY) can be booked.
      if (element.type === 'SubProcess') return no('a subprocess cannot be paused; pause the pipeline instead');
      if (!current || current === 'READY' || current === 'LOOP_READY') return ok;
      return no(`a pause can only be booked before the node runs; it is ${current}`);
    case 'resume':
      if (element.type === 'SubProcess') return no('a subprocess cannot be paused or resumed');
      return stateIs(current, ['SUSPENDED'], 'resume');
    case 'retry':
      return all(
        element.type === 'SubProcess' ? no('use "retry subprocess"') : ok,
        activity && !activity.retryable ? no('the node is not retryable') : ok,
        stateIs(current, ['FAILED'], 'retry'),
      );
    case 'retry-subprocess':
      return all(requireType(element, ['SubProcess'], 'retry subprocess'), stateIs(current, ['FAILED'], 'retry'));
    case 'skip':
      return all(
        requireType(element, ['ServiceActivity', 'EmptyStartEvent'], 'skip'),
        activity && !activity.skippable ? no('the node is not skippable') : ok,
        stateIs(current, ['FAILED'], 'skip'),
      );
    case 'skip-exclusive-gateway':
      return all(requireType(element, ['ExclusiveGateway'], 'skip gateway'), stateIs(current, ['FAILED'], 'skip'));
    case 'skip-conditional-parallel-gateway':
      return all(
        requireType(element, ['ConditionalParallelGateway'], 'skip gateway'),
        stateIs(current, ['FAILED'], 'skip'),
      );
    case 'forced-fail':
      return all(requireType(element, ['ServiceActivity'], 'force fail'), stateIs(current, ['RUNNING'], 'force fail'));
    case 'callback':
      return all(requireType(element, ['ServiceActivity'], 'callback'), stateIs(current, ['RUNNING'], 'callback'));
  }
}

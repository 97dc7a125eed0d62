import { describe, expect, it } from 'vitest';
import type { NodeStateRecord, ServiceActivityNode, StateName } from '../api/types';
import { nodeOperation, pipelineOperation } from './operations';

const activity = (flags: Partial<ServiceActivityNode> = {}): ServiceActivityNode => ({
  id: 'n',
  type: 'ServiceActivity',
  incoming: [],
  outgoing: 'f',
  component: { code: 'c', inputs: {} },
  error_ignorable: false,
  skippable: true,
  retryable: true,
  ...flags,
});

const state = (name: StateName): NodeStateRecord =>
  ({ id: 'n', state: name, version: 'v1', loop: 1, retry: 0, skip: false }) as NodeStateRecord;

describe('pipelineOperation', () => {
  it('pauses only RUNNING, resumes only SUSPENDED, revokes RUNNING or SUSPENDED', () => {
    expect(pipelineOperation('pause', 'RUNNING').enabled).toBe(true);
    expect(pipelineOperation('pause', 'FINISHED')).toEqual({
      enabled: false,
      reason: 'pause needs state RUNNING; it is FINISHED',
    });
    expect(pipelineOperation('resume', 'SUSPENDED').enabled).toBe(true);
    expect(pipelineOperation('revoke', 'SUSPENDED').enabled).toBe(true);
    expect(pipelineOperation('revoke', 'REVOKED').enabled).toBe(false);
  });
});

describe('nodeOperation', () => {
  const ctx = (op: Parameters<typeof nodeOperation>[0], s?: StateName, flags?: Partial<ServiceActivityNode>) =>
    nodeOperation(op, { element: activity(flags), state: s ? state(s) : undefined, rootState: 'RUNNING' });

  it('retries and skips only FAILED nodes that allow it', () => {
    expect(ctx('retry', 'FAILED').enabled).toBe(true);
    expect(ctx('retry', 'RUNNING').reason).toContain('needs state FAILED');
    expect(ctx('retry', 'FAILED', { retryable: false }).reason).toBe('the node is not retryable');
    expect(ctx('skip', 'FAILED').enabled).toBe(true);
    expect(ctx('skip', 'FAILED', { skippable: false }).reason).toBe('the node is not skippable');
  });

  it('force-fails and calls back only RUNNING activities', () => {
    expect(ctx('forced-fail', 'RUNNING').enabled).toBe(true);
    expect(ctx('callback', 'FAILED').enabled).toBe(false);
  });

  it('books a pause only before the node runs', () => {
    expect(ctx('pause').enabled).toBe(true);
    expect(ctx('pause', 'READY').enabled).toBe(true);
    expect(ctx('pause', 'RUNNING').enabled).toBe(false);
    expect(ctx('resume', 'SUSPENDED').enabled).toBe(true);
  });

  it('skips gateways by type and refuses everything in a finished run', () => {
    const gateway = { id: 'g', type: 'ExclusiveGateway' as const, incoming: [], outgoing: ['a', 'b'] };
    const failed = { element: gateway, state: state('FAILED'), rootState: 'RUNNING' as const };
    expect(nodeOperation('skip-exclusive-gateway', failed).enabled).toBe(true);
    expect(nodeOperation('skip-conditional-parallel-gateway', failed).enabled).toBe(false);
    expect(nodeOperation('skip', failed).enabled).toBe(false);
    expect(nodeOperation('retry', { ...failed, rootState: 'REVOKED' }).reason).toBe('the pipeline is REVOKED');
  });
});

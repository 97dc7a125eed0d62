import { describe, expect, it } from 'vitest';
import type { PipelineTree } from '../api/types';
import { buildGraphModel, countNodes, findElement, subTreeAt } from './graph-model';

function tree(): PipelineTree {
  const sub: PipelineTree = {
    id: 'sub',
    start_event: { id: 's2', type: 'EmptyStartEvent', incoming: '', outgoing: 'g1' },
    end_event: { id: 'e2', type: 'EmptyEndEvent', incoming: ['g1'], outgoing: '' },
    activities: {},
    gateways: {},
    flows: { g1: { id: 'g1', source: 's2', target: 'e2' } },
  };
  return {
    id: 'root',
    start_event: { id: 's', type: 'EmptyStartEvent', incoming: '', outgoing: 'f1' },
    end_event: { id: 'e', type: 'EmptyEndEvent', incoming: ['f3', 'f4'], outgoing: '' },
    activities: {
      a: {
        id: 'a',
        type: 'ServiceActivity',
        name: 'act',
        incoming: ['f2'],
        outgoing: 'f4',
        component: { code: 'http', version: '2', inputs: {} },
        error_ignorable: false,
        skippable: true,
        retryable: true,
      },
      sub: { id: 'sub', type: 'SubProcess', incoming: ['f5'], outgoing: 'f3', params: {}, pipeline: sub },
    },
    gateways: {
      x: {
        id: 'x',
        type: 'ExclusiveGateway',
        incoming: ['f1'],
        outgoing: ['f2', 'f5'],
        conditions: { f2: { evaluate: '${n} > 1', name: 'big' }, f5: { evaluate: '${n} <= 1' } },
        default_condition: { flow_id: 'f5' },
      },
    },
    flows: {
      f1: { id: 'f1', source: 's', target: 'x' },
      f2: { id: 'f2', source: 'x', target: 'a' },
      f5: { id: 'f5', source: 'x', target: 'sub' },
      f3: { id: 'f3', source: 'sub', target: 'e' },
      f4: { id: 'f4', source: 'a', target: 'e' },
    },
  };
}

describe('buildGraphModel', () => {
  it('makes one node per element and labels branch conditions', () => {
    const model = buildGraphModel(tree());
    expect(model.nodes.map((n) => [n.id, n.kind])).toEqual([
      ['s', 'start'],
      ['a', 'task'],
      ['sub', 'subprocess'],
      ['x', 'gateway'],
      ['e', 'end'],
    ]);
    expect(model.nodes.find((n) => n.id === 'a')?.detail).toBe('http@2');
    const labels = Object.fromEntries(model.edges.map((e) => [e.id, e.label]));
    expect(labels).toEqual({ f1: null, f2: 'big', f5: '${n} <= 1 (default)', f3: null, f4: null });
  });

  it('walks into subprocesses', () => {
    const root = tree();
    expect(subTreeAt(root, ['sub'])?.id).toBe('sub');
    expect(subTreeAt(root, ['a'])).toBeUndefined();
    expect(findElement(root, 'x')?.type).toBe('ExclusiveGateway');
    expect(countNodes(root)).toBe(4 + 1 + 2);
  });
});

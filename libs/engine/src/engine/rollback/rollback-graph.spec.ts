import type { NodeDefinition, RunDefinition } from '../../runtime/node-definition';
import { pipelineTokens } from './pipeline-tokens';
import { buildRollbackGraph, rollbackOrder } from './rollback-graph';

/** A node of pipeline `parent` with successors `to` (only what tokens and graphs read). */
function node(
  id: string,
  type: NodeDefinition['type'],
  to: string[],
  extra: object = {},
  parent = 'p',
): NodeDefinition {
  const targets = to.map((targetId, i) => ({ flowId: `${id}-f${i}`, targetId }));
  const base = { id, type, name: null, rootPipelineId: 'p', parentPipelineId: parent, targets, canSkip: false };
  return { ...base, canRetry: true, outputMapping: {}, ...extra } as NodeDefinition;
}

function run(...nodes: NodeDefinition[]): RunDefinition {
  const byId = Object.fromEntries(nodes.map((n) => [n.id, n]));
  return { rootPipelineId: 'p', nodes: byId, rootPipelineData: {}, pipelineOutputs: {} };
}

describe('pipeline tokens (spec 02 §10)', () => {
  it('shares a token along a sequence and exclusive branches, gives parallel branches and subprocess bodies their own', () => {
    const tokens = pipelineTokens(
      run(
        node('s', 'EmptyStartEvent', ['a']),
        node('a', 'ServiceActivity', ['xg']),
        node('xg', 'ExclusiveGateway', ['x1', 'x2'], { conditions: [], extraInfo: {} }),
        node('x1', 'ServiceActivity', ['xc']),
        node('x2', 'ServiceActivity', ['xc']),
        node('xc', 'ConvergeGateway', ['pg']),
        node('pg', 'ParallelGateway', ['b1', 'b2'], { convergeGatewayId: 'cg' }),
        node('b1', 'ServiceActivity', ['cg']),
        node('b2', 'ServiceActivity', ['cg']),
        node('cg', 'ConvergeGateway', ['sp']),
        node('sp', 'SubProcess', ['e'], { startEventId: 'ss' }),
        node('ss', 'EmptyStartEvent', ['i'], {}, 'sp'),
        node('i', 'ServiceActivity', ['se'], {}, 'sp'),
        node('se', 'EmptyEndEvent', [], {}, 'sp'),
        node('e', 'EmptyEndEvent', []),
      ),
    );
    const root = tokens.s;
    for (const id of ['a', 'xg', 'x1', 'x2', 'xc', 'pg', 'cg', 'sp', 'e']) expect(tokens[id]).toBe(root);
    expect(new Set([root, tokens.b1, tokens.b2, tokens.i]).size).toBe(4);
    expect(tokens.ss).toBe(tokens.i);
    expect(tokens.se).toBe(tokens.i);
    expect(root).toMatch(/^t[0-9a-f]{32}$/);
  });

  it('cuts cycles and is deterministic', () => {
    const definition = run(
      node('s', 'EmptyStartEvent', ['a']),
      node('a', 'ServiceActivity', ['g']),
      node('g', 'ExclusiveGateway', ['a', 'e'], { conditions: [], extraInfo: {} }),
      node('e', 'EmptyEndEvent', []),
    );
    const tokens = pipelineTokens(definition);
    expect(Object.keys(tokens).sort()).toEqual(['a', 'e', 'g', 's']);
    expect(pipelineTokens(definition)).toEqual(tokens);
  });
});

describe('rollback graph (spec 09 §8)', () => {
  it('links executed activities from the target to the start, reversed and framed by START/END', () => {
    const executed = run(
      node('s', 'EmptyStartEvent', ['a']),
      node('a', 'ServiceActivity', ['g']),
      node('g', 'ExclusiveGateway', ['b', 'not-run'], { conditions: [], extraInfo: {} }),
      node('b', 'ServiceActivity', ['c']),
      node('c', 'ServiceActivity', ['e']),
    ).nodes;
    const { graph, otherNodes } = buildRollbackGraph(executed, 'c', 'a');
    expect(rollbackOrder(graph)).toEqual(['c', 'b', 'a']);
    expect(otherNodes).toEqual(['g']);
    expect(graph.flows).toEqual(
      expect.arrayContaining([
        ['START', 'c'],
        ['a', 'END'],
        ['c', 'b'],
        ['b', 'a'],
      ]),
    );
  });

  it('leaves the target out of the order when it was not executed before the start', () => {
    const executed = run(node('a', 'ServiceActivity', ['b']), node('b', 'ServiceActivity', [])).nodes;
    expect(rollbackOrder(buildRollbackGraph(executed, 'a', 'b').graph)).toEqual(['a']);
  });
});

import { type EngineError } from '../errors/engine.error';
import type { ExclusiveGatewayNode, ParallelGatewayNode, SubProcessNode } from '../model/pipeline-tree';
import { ConnectionValidateError } from './errors/connection-validate.error';
import { ConvergeMatchError } from './errors/converge-match.error';
import { IsolateNodeError } from './errors/isolate-node.error';
import { treeFromEdges } from './testing/tree-from-edges.test-helper';
import { validatePipelineTree, type ValidatePipelineTreeOptions } from './validate-pipeline-tree';

function errorOf(input: unknown, options?: ValidatePipelineTreeOptions): EngineError {
  try {
    validatePipelineTree(input, options);
  } catch (error) {
    return error as EngineError;
  }
  throw new Error('expected the tree to be rejected');
}

describe('validatePipelineTree rules', () => {
  it('normalises a single-string incoming to a list and keeps outgoing strings', () => {
    const tree = treeFromEdges('S>A; A>E');
    tree.activities.A!.incoming = 'f1';
    tree.end_event.incoming = 'f2';
    const validated = validatePipelineTree(tree);
    expect(validated.activities.A!.incoming).toEqual(['f1']);
    expect(validated.activities.A!.outgoing).toBe('f2');
    expect(validated.end_event.incoming).toEqual(['f2']);
    expect(tree.activities.A!.incoming).toBe('f1');
  });

  it('reports every failing node of the connection rules at once', () => {
    const tree = treeFromEdges('S>A; A>E');
    tree.activities.X = { ...tree.activities.A!, id: 'X', incoming: [], outgoing: '' };
    tree.gateways.EG = { id: 'EG', type: 'ExclusiveGateway', incoming: [], outgoing: [], conditions: {} };
    const error = errorOf(tree);
    expect(error).toBeInstanceOf(ConnectionValidateError);
    expect(error.details).toEqual({
      failed_nodes: ['X', 'EG'],
      detail: {
        X: 'in-degree must be between 1 and 1000\nout-degree must be between 1 and 1',
        EG: 'in-degree must be between 1 and 1000\nout-degree must be between 1 and 1000',
      },
    });
  });

  it('rejects a gateway that only a loop reaches with E0 (cycle_tolerate)', () => {
    const error = errorOf(treeFromEdges('S>A; A>E; EG>B; B>EG'), { cycleTolerate: true });
    expect(error).toBeInstanceOf(ConvergeMatchError);
    expect(error.details).toMatchObject({ gateway_id: 'EG', rule: 'E0' });
  });

  it('rejects a converge gateway closing two parallel gateways with E4', () => {
    const error = errorOf(treeFromEdges('S>EG; EG>PG1,PG2; PG1>A,B; PG2>C,D; A>CG; B>CG; C>CG; D>CG; CG>E'));
    expect(error.details).toMatchObject({ gateway_id: 'CG', rule: 'E4' });
  });

  it('rejects nodes no flow from the start reaches with TREE_ISOLATED_NODE (cycle_tolerate)', () => {
    const error = errorOf(treeFromEdges('S>A; A>E; B>C; C>B'), { cycleTolerate: true });
    expect(error).toBeInstanceOf(IsolateNodeError);
    expect(error.code).toBe('TREE_ISOLATED_NODE');
    expect(error.details).toEqual({ node_id: 'B' });
  });

  it('accepts a loop back through an exclusive gateway with cycle_tolerate and pairs the blocks around it', () => {
    const notation = 'S>PG; PG>A,B; A>CG; B>CG; CG>EG; EG>PG,E';
    expect(errorOf(treeFromEdges(notation)).code).toBe('TREE_CYCLE');
    const tree = validatePipelineTree(treeFromEdges(notation), { cycleTolerate: true });
    expect((tree.gateways.PG as ParallelGatewayNode).converge_gateway_id).toBe('CG');
    expect(tree.gateways.EG).not.toHaveProperty('converge_gateway_id');
  });

  it('overwrites a wrong converge_gateway_id and removes a stale one', () => {
    const tree = treeFromEdges('S>EG; EG>PG,E; PG>A,B; A>CG; B>CG; CG>E');
    (tree.gateways.EG as ExclusiveGatewayNode).converge_gateway_id = 'CG';
    (tree.gateways.PG as ParallelGatewayNode).converge_gateway_id = 'EG';
    const validated = validatePipelineTree(tree);
    expect(validated.gateways.EG).not.toHaveProperty('converge_gateway_id');
    expect((validated.gateways.PG as ParallelGatewayNode).converge_gateway_id).toBe('CG');
  });

  it('pairs a conditional parallel gateway like a parallel one', () => {
    const tree = validatePipelineTree(treeFromEdges('S>CPG; CPG>A,B; A>CG; B>CG; CG>E'));
    expect(tree.gateways.CPG).toMatchObject({ converge_gateway_id: 'CG' });
  });

  describe('nested pipelines', () => {
    const nested = treeFromEdges('S>PG; PG>A,B; A>CG; B>CG; CG>E', { id: 'SP1', prefix: 'SP1_' });

    it('are validated and completed too', () => {
      const tree = validatePipelineTree(treeFromEdges('S>SP1; SP1>E', { subprocesses: { SP1: nested } }));
      const pipeline = (tree.activities.SP1 as SubProcessNode).pipeline;
      expect(pipeline.gateways.SP1_PG).toMatchObject({ converge_gateway_id: 'SP1_CG' });
    });

    it('are validated before their parent', () => {
      const broken = treeFromEdges('S>PG; PG>A,B; A>E; B>E', { id: 'SP1', prefix: 'SP1_' });
      const tree = treeFromEdges('S>SP1; SP1>E; X>E', { subprocesses: { SP1: broken } });
      const error = errorOf(tree);
      expect(error.details).toMatchObject({ gateway_id: 'SP1_PG', rule: 'E3' });
    });

    it('follow the same cycle_tolerate option', () => {
      const looping = treeFromEdges('S>A; A>EG; EG>A,E', { id: 'SP1', prefix: 'SP1_' });
      const tree = treeFromEdges('S>SP1; SP1>E', { subprocesses: { SP1: looping } });
      expect(errorOf(tree).details).toEqual({ error_data: ['SP1_A', 'SP1_EG', 'SP1_A'] });
      expect(() => validatePipelineTree(tree, { cycleTolerate: true })).not.toThrow();
    });
  });

  it('passes sink types to the schema step and treats a custom end event as a sink', () => {
    const tree = treeFromEdges('S>A; A>E');
    tree.end_event.type = 'MyEnd';
    expect(() => validatePipelineTree(tree, { sinkTypes: ['MyEnd'] })).not.toThrow();
    expect(errorOf(tree, { sinkTypes: ['Other'] }).code).toBe('TREE_SCHEMA');
  });
});

import { type EngineError } from '../errors/engine.error';
import { StartPositionInvalidError } from './errors/start-position-invalid.error';
import { allowedStartNodeIds, skippedExecuteNodeIds } from './start-position.rule';
import { treeFromEdges } from './testing/tree-from-edges.test-helper';
import { validatePipelineTree } from './validate-pipeline-tree';

const MAIN = 'S>A; A>EG; EG>B,PG; B>CG1; PG>C,D; C>CG2; D>CG2; CG2>CG1; CG1>SP1; SP1>F; F>E';

describe('start positions (spec 05 §7)', () => {
  // Depth-first order: the first exclusive branch is walked to the end before the second one.
  it('allows the main line only: start, activities, exclusive branches and diverging gateways', () => {
    expect(allowedStartNodeIds(validatePipelineTree(treeFromEdges(MAIN)))).toEqual(['S', 'A', 'EG', 'B', 'F', 'PG']);
  });

  it('computes the pairing itself for a tree that was not validated', () => {
    expect(allowedStartNodeIds(treeFromEdges(MAIN))).toEqual(['S', 'A', 'EG', 'B', 'F', 'PG']);
  });

  it.each(['S', 'A', 'B', 'PG', 'F'])('validates with startNodeId %s', (startNodeId) => {
    expect(() => validatePipelineTree(treeFromEdges(MAIN), { startNodeId })).not.toThrow();
  });

  it.each(['C', 'CG1', 'CG2', 'SP1', 'SP1_A', 'E', 'nowhere'])('rejects startNodeId %s', (startNodeId) => {
    let error: unknown;
    try {
      validatePipelineTree(treeFromEdges(MAIN), { startNodeId });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StartPositionInvalidError);
    expect((error as EngineError).code).toBe('START_POSITION_INVALID');
    expect((error as EngineError).message).toBe('this node_id is not allowed as a starting node');
  });

  it('terminates on loops', () => {
    const tree = validatePipelineTree(treeFromEdges('S>A; A>EG; EG>A,E'), { cycleTolerate: true });
    expect(allowedStartNodeIds(tree)).toEqual(['S', 'A', 'EG']);
  });

  it('lists the nodes skipped by a later start', () => {
    const tree = validatePipelineTree(treeFromEdges(MAIN));
    expect(skippedExecuteNodeIds(tree, 'S')).toEqual([]);
    expect(skippedExecuteNodeIds(tree, 'B').sort()).toEqual(['A', 'EG', 'S']);
    expect(skippedExecuteNodeIds(tree, 'F').sort()).toEqual(
      ['A', 'B', 'C', 'CG1', 'CG2', 'D', 'EG', 'PG', 'S', 'SP1'].sort(),
    );
    expect(() => skippedExecuteNodeIds(tree, 'C')).toThrow(StartPositionInvalidError);
  });
});

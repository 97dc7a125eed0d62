import { readFileSync } from 'fs';
import { join } from 'path';
import { type EngineError } from '../errors/engine.error';
import { TreeInvalidError } from '../model/tree-invalid.error';
import { ConvergeMatchError } from './errors/converge-match.error';
import { allowedStartNodeIds } from './start-position.rule';
import { treeFromEdges } from './testing/tree-from-edges.test-helper';
import { validatePipelineTree, type ValidatePipelineTreeOptions } from './validate-pipeline-tree';

function errorOf(notation: string, options?: ValidatePipelineTreeOptions): EngineError {
  try {
    validatePipelineTree(treeFromEdges(notation), options);
  } catch (error) {
    expect(error).toBeInstanceOf(TreeInvalidError);
    return error as EngineError;
  }
  throw new Error(`expected ${notation} to be rejected`);
}

function converges(notation: string, options?: ValidatePipelineTreeOptions): Record<string, string | undefined> {
  const tree = validatePipelineTree(treeFromEdges(notation), options);
  return Object.fromEntries(
    Object.values(tree.gateways)
      .filter((gateway) => gateway.type !== 'ConvergeGateway')
      .map((gateway) => [gateway.id, gateway.converge_gateway_id]),
  );
}

function expectConvergeError(notation: string, rule: string, gatewayId: string): void {
  const error = errorOf(notation);
  expect(error).toBeInstanceOf(ConvergeMatchError);
  expect(error.code).toBe('TREE_CONVERGE_MATCH');
  expect(error.details).toMatchObject({ gateway_id: gatewayId, rule });
}

// The reference cases of spec 05 §10, in the order written there.
describe('spec 05 §10 reference cases', () => {
  it('S → E: TREE_CONNECTION (start may not target the end event)', () => {
    const error = errorOf('S>E');
    expect(error.code).toBe('TREE_CONNECTION');
    expect(error.details?.failed_nodes).toEqual(['S']);
    expect(error.details?.detail).toMatchObject({ S: 'cannot connect to a node of type EmptyEndEvent' });
  });

  it('S → A → E: valid', () => {
    expect(() => validatePipelineTree(treeFromEdges('S>A; A>E'))).not.toThrow();
  });

  it('S → PG → {A, B} → CG → E: PG.converge_gateway_id = CG', () => {
    expect(converges('S>PG; PG>A,B; A>CG; B>CG; CG>E')).toEqual({ PG: 'CG' });
  });

  it('S → PG → {A → CG, CG}: valid (a branch with no activity)', () => {
    expect(converges('S>PG; PG>A,CG; A>CG; CG>E')).toEqual({ PG: 'CG' });
  });

  it('S → PG → {A → CG, B → E}; CG → E: E3 on PG', () => {
    expectConvergeError('S>PG; PG>A,B; A>CG; B>E; CG>E', 'E3', 'PG');
  });

  it('S → PG → {A → E, B → E}: E3 on PG', () => {
    expectConvergeError('S>PG; PG>A,B; A>E; B>E', 'E3', 'PG');
  });

  it('S → PG → {A → C, B → C}; C → CG → E: E5 on CG', () => {
    expectConvergeError('S>PG; PG>A,B; A>C; B>C; C>CG; CG>E', 'E5', 'CG');
  });

  it('S → PG1 → {PG2 → {A, B}, C}; A, B, C → one CG → E: E3 on PG1', () => {
    expectConvergeError('S>PG1; PG1>PG2,C; PG2>A,B; A>CG; B>CG; C>CG; CG>E', 'E3', 'PG1');
  });

  it('S → EG → {A → E, B → E}: valid, EG dangling', () => {
    const tree = validatePipelineTree(treeFromEdges('S>EG; EG>A,B; A>E; B>E'));
    expect(tree.gateways.EG).not.toHaveProperty('converge_gateway_id');
  });

  it('S → EG → {A, B, C}; A, B → CG1; C → CG2; CG1 → CG2 → E: E2 on EG', () => {
    expectConvergeError('S>EG; EG>A,B,C; A>CG1; B>CG1; C>CG2; CG1>CG2; CG2>E', 'E2', 'EG');
  });

  it('S → EG1 → {EG2 → {A, B}, C}; A, B, C → CG → E: EG1 and EG2 share CG', () => {
    expect(converges('S>EG1; EG1>EG2,C; EG2>A,B; A>CG; B>CG; C>CG; CG>E')).toEqual({ EG1: 'CG', EG2: 'CG' });
  });

  it("S → PG → {EG → {A, B}, C}; A, B, C → CG → E: EG shares PG's converge gateway", () => {
    expect(converges('S>PG; PG>EG,C; EG>A,B; A>CG; B>CG; C>CG; CG>E')).toEqual({ PG: 'CG', EG: 'CG' });
  });

  it('S → PG → {EG → {A → CG, B → E}, C → CG}; CG → E: E1 on EG', () => {
    expectConvergeError('S>PG; PG>EG,C; EG>A,B; A>CG; B>E; C>CG; CG>E', 'E1', 'EG');
  });

  it('S → PG → {A, EG}; EG → {A, CG}; A → CG → E: TREE_STREAM on A', () => {
    const error = errorOf('S>PG; PG>A,EG; EG>A,CG; A>CG; CG>E');
    expect(error.code).toBe('TREE_STREAM');
    expect(error.details).toEqual({ node_id: 'A' });
  });

  it('S → A → EG → {A, E}: TREE_CYCLE; valid with cycle_tolerate', () => {
    const error = errorOf('S>A; A>EG; EG>A,E');
    expect(error.code).toBe('TREE_CYCLE');
    expect(error.message).toBe('pipeline graph has circle');
    expect(error.details?.error_data).toEqual(['A', 'EG', 'A']);
    expect(converges('S>A; A>EG; EG>A,E', { cycleTolerate: true })).toEqual({ EG: undefined });
  });

  it('the example of spec 02 §8: valid; allowed start nodes are the start event, EG and PG', () => {
    const spec = readFileSync(join(__dirname, '../../../../../shared/spec/02-pipeline-tree.md'), 'utf8');
    const section = spec.slice(spec.indexOf('## 8. Example tree'));
    const json = section.slice(section.indexOf('```json') + 7, section.indexOf('```', section.indexOf('```json') + 7));
    const example: unknown = JSON.parse(json);
    const tree = validatePipelineTree(example);
    expect(tree).toEqual(example);
    expect(allowedStartNodeIds(tree)).toEqual([
      'e00000000000000000000000000000001',
      'e00000000000000000000000000000013',
      'e00000000000000000000000000000011',
    ]);
  });
});

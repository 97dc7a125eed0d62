import type { ServiceActivityNode } from '../model/pipeline-tree';
import { PrepareError } from './errors/prepare.error';
import {
  checkLazyInputKeys,
  checkPresetContextKeys,
  checkRegisteredExtensions,
  collectTreeIds,
  lazyInputContextKey,
} from './preparation.checks';
import { treeFromEdges } from './testing/tree-from-edges.test-helper';

function codeOf(run: () => void): string | undefined {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PrepareError);
    return (error as PrepareError).code;
  }
  return undefined;
}

describe('preparation checks (spec 05 §8)', () => {
  const tree = treeFromEdges('S>A; A>SP1; SP1>E');

  it('collects the root id and every node id at every level', () => {
    expect(collectTreeIds(tree)).toEqual(['p_root', 'S', 'E', 'A', 'SP1', 'SP1_S', 'SP1_E', 'SP1_A']);
  });

  it('derives lazy input keys and rejects those over 128 characters', () => {
    expect(lazyInputContextKey('${ip}', 'A')).toBe('${ip_A}');
    expect(lazyInputContextKey('ip', 'A')).toBe('${ip_A}');
    const lazy = structuredClone(tree);
    const activity = lazy.activities.A as ServiceActivityNode;
    activity.component.inputs.short = { type: 'lazy', value: 1, custom_type: 'ip' };
    expect(codeOf(() => checkLazyInputKeys(lazy))).toBeUndefined();
    activity.component.inputs['k'.repeat(130)] = { type: 'lazy', value: 1, custom_type: 'ip' };
    expect(codeOf(() => checkLazyInputKeys(lazy))).toBe('LAZY_KEY_TOO_LONG');
  });

  it('rejects preset context keys also declared in data.inputs of their level', () => {
    const declared = structuredClone(tree);
    declared.data.inputs['${x}'] = { type: 'plain', value: 1 };
    expect(codeOf(() => checkPresetContextKeys(declared, { subprocessContext: { '${x}': 1 } }))).toBeUndefined();
    expect(codeOf(() => checkPresetContextKeys(declared, { rootPipelineContext: { '${x}': 2 } }))).toBe(
      'DUPLICATE_CONTEXT_KEY',
    );
  });

  it('checks components, lazy variable types and end events against the registries', () => {
    const registries = { hasComponent: () => true, hasVariable: () => true, hasEndEvent: () => true };
    expect(codeOf(() => checkRegisteredExtensions(tree, registries))).toBeUndefined();
    expect(codeOf(() => checkRegisteredExtensions(tree, { ...registries, hasComponent: () => false }))).toBe(
      'UNKNOWN_COMPONENT',
    );
    const custom = structuredClone(tree);
    custom.end_event.type = 'MyEnd';
    custom.data.inputs['${v}'] = { type: 'lazy', value: 1, custom_type: 'ip' };
    expect(codeOf(() => checkRegisteredExtensions(custom, { ...registries, hasVariable: () => false }))).toBe(
      'UNKNOWN_VARIABLE_TYPE',
    );
    expect(codeOf(() => checkRegisteredExtensions(custom, { ...registries, hasEndEvent: () => false }))).toBe(
      'UNKNOWN_END_EVENT',
    );
  });
});

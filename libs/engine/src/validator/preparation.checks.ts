import type { PipelineTree, Variable } from '../model/pipeline-tree';
import { PrepareError } from './errors/prepare.error';

/**
 * Preparation checks of spec 05 §8 that need no runtime state, as pure functions the engine calls
 * while building runtime records. The state-record check (id reuse → `InvalidOperationError`) needs
 * the store: the engine asks it about `collectTreeIds(tree)`.
 */

export const MAX_CONTEXT_KEY_LENGTH = 128;

/** The root pipeline id and every node id at every level (nested pipeline ids equal their SubProcess ids). */
export function collectTreeIds(tree: PipelineTree): string[] {
  const ids = [tree.id];
  forEachLevel(tree, (level) => {
    ids.push(
      level.start_event.id,
      level.end_event.id,
      ...Object.keys(level.activities),
      ...Object.keys(level.gateways),
    );
  });
  return ids;
}

/** Context key of a lazy node input (spec 04 §3 step 3): `${<name>_<node_id>}`. */
export function lazyInputContextKey(inputKey: string, nodeId: string): string {
  const name = inputKey.startsWith('${') && inputKey.endsWith('}') ? inputKey.slice(2, -1) : inputKey;
  return `\${${name}_${nodeId}}`;
}

/** Throws `LAZY_KEY_TOO_LONG` when a lazy component input or SubProcess param yields a key over 128 characters. */
export function checkLazyInputKeys(tree: PipelineTree): void {
  forEachLevel(tree, (level) => {
    for (const node of Object.values(level.activities)) {
      const inputs = node.type === 'ServiceActivity' ? node.component.inputs : node.params;
      for (const [key, variable] of Object.entries(inputs)) {
        if (variable.type !== 'lazy') continue;
        const contextKey = lazyInputContextKey(key, node.id);
        if (contextKey.length > MAX_CONTEXT_KEY_LENGTH) {
          throw new PrepareError(
            'LAZY_KEY_TOO_LONG',
            `var key ${contextKey} length exceeds ${MAX_CONTEXT_KEY_LENGTH}`,
            {
              node_id: node.id,
              key: contextKey,
            },
          );
        }
      }
    }
  });
}

export interface PresetContexts {
  rootPipelineContext?: Record<string, unknown>;
  subprocessContext?: Record<string, unknown>;
}

/** Throws `DUPLICATE_CONTEXT_KEY` when a preset key is also declared in `data.inputs` of the level it goes to. */
export function checkPresetContextKeys(tree: PipelineTree, presets: PresetContexts): void {
  forEachLevel(tree, (level, depth) => {
    const preset = depth === 0 ? presets.rootPipelineContext : presets.subprocessContext;
    const source = depth === 0 ? 'root_pipeline_context' : 'subprocess_context';
    for (const key of Object.keys(preset ?? {})) {
      if (!Object.prototype.hasOwnProperty.call(level.data.inputs, key)) continue;
      throw new PrepareError(
        'DUPLICATE_CONTEXT_KEY',
        `${source} key ${key} is also declared in data.inputs of ${level.id}`,
        {
          pipeline_id: level.id,
          key,
        },
      );
    }
  });
}

/** Registries the engine knows; each answers whether a code is registered. */
export interface ExtensionRegistries {
  hasComponent(code: string, version: string): boolean;
  hasVariable(customType: string): boolean;
  hasEndEvent(type: string): boolean;
}

/** Checks every component, lazy variable class and executable end event up front (spec 05 §8, Decision). */
export function checkRegisteredExtensions(tree: PipelineTree, registries: ExtensionRegistries): void {
  forEachLevel(tree, (level) => {
    const endType = level.end_event.type;
    if (endType !== 'EmptyEndEvent' && !registries.hasEndEvent(endType)) {
      throw new PrepareError('UNKNOWN_END_EVENT', `end event type ${endType} is not registered`, {
        node_id: level.end_event.id,
        type: endType,
      });
    }
    checkVariables(level.data.inputs, level.id, registries);
    for (const node of Object.values(level.activities)) {
      if (node.type === 'SubProcess') {
        checkVariables(node.params, node.id, registries);
        continue;
      }
      const version = node.component.version ?? 'legacy';
      if (!registries.hasComponent(node.component.code, version)) {
        throw new PrepareError(
          'UNKNOWN_COMPONENT',
          `component ${node.component.code} (version ${version}) is not registered`,
          {
            node_id: node.id,
            code: node.component.code,
            version,
          },
        );
      }
      checkVariables(node.component.inputs, node.id, registries);
    }
  });
}

function checkVariables(variables: Record<string, Variable>, ownerId: string, registries: ExtensionRegistries): void {
  for (const [key, variable] of Object.entries(variables)) {
    const customType = variable.custom_type ?? '';
    if (variable.type === 'lazy' && !registries.hasVariable(customType)) {
      throw new PrepareError('UNKNOWN_VARIABLE_TYPE', `lazy variable type ${customType} of ${key} is not registered`, {
        owner_id: ownerId,
        key,
        custom_type: customType,
      });
    }
  }
}

function forEachLevel(tree: PipelineTree, visit: (level: PipelineTree, depth: number) => void, depth = 0): void {
  visit(tree, depth);
  for (const node of Object.values(tree.activities)) {
    if (node.type === 'SubProcess') forEachLevel(node.pipeline, visit, depth + 1);
  }
}

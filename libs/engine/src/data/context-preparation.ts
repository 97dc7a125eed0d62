import { EngineError } from '../errors';
import { referencesOf } from './references';
import type { PipelineTree, Variable } from '../model';
import type { ContextValue, ContextValueType, NodeInput } from '../runtime/runtime-records';
import { deformatKey } from './context-keys';

const TYPE_CODES: Record<string, ContextValueType> = { plain: 'PLAIN', splice: 'SPLICE', lazy: 'COMPUTE' };
const MAX_KEY_LENGTH = 128;

/** What preparation derives from one pipeline level (spec 04 §3). */
export interface PreparedLevel {
  context: ContextValue[];
  /** `node id → output key → context keys`. */
  outputMappings: Record<string, Record<string, string[]>>;
  nodeInputs: Record<string, Record<string, NodeInput>>;
}

/** Builds contexts, output mappings and node inputs of one level; `lazyHost` receives lazy inputs. */
export class LevelPreparation {
  private readonly values = new Map<string, ContextValue>();
  private readonly direct = new Map<string, string[]>();
  readonly outputMappings: Record<string, Record<string, string[]>> = {};
  readonly nodeInputs: Record<string, Record<string, NodeInput>> = {};

  constructor(readonly tree: PipelineTree) {}

  declareVariables(): void {
    for (const [key, variable] of Object.entries(this.tree.data.inputs)) {
      if (variable.source_act === undefined) {
        this.addValue(key, variable, true);
        continue;
      }
      const sources = Array.isArray(variable.source_act)
        ? variable.source_act
        : [{ source_act: variable.source_act, source_key: variable.source_key ?? '' }];
      for (const { source_act, source_key } of sources) {
        const mapping = (this.outputMappings[source_act] ??= {});
        (mapping[source_key] ??= []).push(key);
      }
      if (variable.need_initialization === true) this.addValue(key, variable, false);
    }
  }

  /** Node inputs of an activity (or SubProcess params), evaluated in this level's context. */
  prepareInputs(nodeId: string, inputs: Record<string, Variable>): void {
    const out: Record<string, NodeInput> = {};
    for (const [key, variable] of Object.entries(inputs)) {
      if (variable.type === 'lazy') {
        const lazyKey = `\${${deformatKey(key)}_${nodeId}}`;
        if (lazyKey.length > MAX_KEY_LENGTH) {
          throw new EngineError('PIPELINE_INVALID', `var key ${lazyKey} length exceeds ${MAX_KEY_LENGTH}`);
        }
        this.addValue(lazyKey, variable, true);
        out[key] = { needRender: variable.need_render !== false, value: lazyKey };
      } else {
        out[key] = { needRender: variable.type === 'splice' && variable.need_render !== false, value: variable.value };
      }
    }
    this.nodeInputs[nodeId] = out;
  }

  /** Plain presets (`root_pipeline_context`, `subprocess_context`); a declared key is an error. */
  addPresets(presets: Record<string, unknown>): void {
    for (const [key, value] of Object.entries(presets)) {
      if (this.values.has(key)) {
        throw new EngineError('DUPLICATE_CONTEXT_KEY', `context key ${key} of ${this.tree.id} is declared twice`);
      }
      this.values.set(key, { key, type: 'PLAIN', value, references: [] });
    }
  }

  finish(): PreparedLevel {
    for (const value of this.values.values()) {
      if (this.direct.has(value.key)) value.references = this.closure(value.key);
    }
    return { context: [...this.values.values()], outputMappings: this.outputMappings, nodeInputs: this.nodeInputs };
  }

  private addValue(key: string, variable: Variable, recordReferences: boolean): void {
    const type = TYPE_CODES[variable.type] ?? 'PLAIN';
    const value: ContextValue = { key, type, value: variable.value, references: [] };
    if (type === 'COMPUTE' && variable.custom_type) value.code = variable.custom_type;
    this.values.set(key, value);
    if (recordReferences) this.direct.set(key, referencesOf(variable.value));
  }

  /** Transitive references, breadth first; a key already collected is not expanded again. */
  private closure(key: string): string[] {
    const seen = new Set<string>();
    const queue = [...(this.direct.get(key) ?? [])];
    while (queue.length > 0) {
      const next = queue.shift()!;
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push(...(this.direct.get(next) ?? []));
    }
    return [...seen];
  }
}

import {
  type ActivityNode,
  type Condition,
  type Flow,
  type GatewayNode,
  type PipelineData,
  type PipelineTree,
  type Variable,
} from '../model';
import { cloneJson, setOwn } from './clone-json';
import { collectFreshIds } from './collect-tree-ids';
import { rewriteDerivedKeys, rewriteDerivedKeysDeep } from './derived-key-rewriter';
import { type IdGenerator } from './id-generator';
import { uuidIdGenerator } from './uuid-id-generator';

export interface RegenerateIdsOptions {
  idGenerator?: IdGenerator;
}

export interface RegeneratedTree {
  /** A deep copy of the input with every id replaced; the input is not modified. */
  tree: PipelineTree;
  /** Old id → new id for the root pipeline and every node and flow at every level. */
  idMap: Map<string, string>;
}

/**
 * Gives a template tree fresh ids so it can run again: ids are global (spec 01 §2), so two runs
 * of one tree must not share any (spec 02 §9.3). Every reference follows: incoming/outgoing,
 * flow ends, map keys, condition keys, default flows, converge gateway ids, `source_act`, nested
 * pipeline ids and context keys derived from node ids. References to ids the tree does not define
 * are left as they are (validation reports them). Unknown keys are copied unchanged.
 */
export function regenerateIds(tree: PipelineTree, opts: RegenerateIdsOptions = {}): RegeneratedTree {
  const ids = collectFreshIds(tree, opts.idGenerator ?? uuidIdGenerator);
  const rewriter = new IdRewriter(ids.all, ids.nodes);
  return { tree: rewriter.pipeline(tree, rewriter.id(tree.id)), idMap: ids.all };
}

class IdRewriter {
  constructor(
    private readonly all: ReadonlyMap<string, string>,
    private readonly nodes: ReadonlyMap<string, string>,
  ) {}

  id(oldId: string): string {
    return this.all.get(oldId) ?? oldId;
  }

  pipeline(tree: PipelineTree, newPipelineId: string): PipelineTree {
    const activities: Record<string, ActivityNode> = {};
    for (const node of Object.values(tree.activities)) {
      const copy = this.activity(node);
      setOwn(activities, copy.id, copy);
    }
    const gateways: Record<string, GatewayNode> = {};
    for (const node of Object.values(tree.gateways)) {
      const copy = this.gateway(node);
      setOwn(gateways, copy.id, copy);
    }
    const flows: Record<string, Flow> = {};
    for (const flow of Object.values(tree.flows)) {
      const copy = {
        ...cloneJson(flow),
        id: this.id(flow.id),
        source: this.id(flow.source),
        target: this.id(flow.target),
      };
      setOwn(flows, copy.id, copy);
    }
    return {
      ...cloneJson(tree),
      id: newPipelineId,
      start_event: this.links(tree.start_event),
      end_event: this.links(tree.end_event),
      activities,
      gateways,
      flows,
      data: this.data(tree.data),
    };
  }

  /** Copy of a node with its own id and its incoming/outgoing flow ids renamed, keeping their form. */
  private links<T extends { id: string; incoming: string | string[]; outgoing: string | string[] }>(node: T): T {
    return {
      ...cloneJson(node),
      id: this.id(node.id),
      incoming: this.flowRefs(node.incoming),
      outgoing: this.flowRefs(node.outgoing),
    };
  }

  private flowRefs<T extends string | string[]>(refs: T): T {
    // `""` means "no flow" (start incoming, end outgoing) and stays empty.
    if (typeof refs === 'string') return (refs === '' ? refs : this.id(refs)) as T;
    return refs.map((ref) => this.id(ref)) as T;
  }

  private activity(node: ActivityNode): ActivityNode {
    if (node.type === 'SubProcess') {
      const copy = this.links(node);
      return { ...copy, params: this.variables(node.params), pipeline: this.pipeline(node.pipeline, copy.id) };
    }
    const copy = this.links(node);
    return { ...copy, component: { ...copy.component, inputs: this.variables(node.component.inputs, false) } };
  }

  private gateway(node: GatewayNode): GatewayNode {
    const copy = this.links(node);
    const convergeId = node.converge_gateway_id;
    if (typeof convergeId === 'string') copy.converge_gateway_id = this.id(convergeId);
    if (copy.type === 'ConvergeGateway' || copy.type === 'ParallelGateway') return copy;
    const conditions: Record<string, Condition> = {};
    for (const [flowId, condition] of Object.entries(copy.conditions ?? {})) {
      setOwn(conditions, this.id(flowId), { ...condition, evaluate: this.text(condition.evaluate) });
    }
    copy.conditions = conditions;
    const defaultFlowId = copy.default_condition?.flow_id;
    if (copy.default_condition && typeof defaultFlowId === 'string') {
      copy.default_condition = { ...copy.default_condition, flow_id: this.id(defaultFlowId) };
    }
    return copy;
  }

  private data(data: PipelineData): PipelineData {
    const copy: PipelineData = { ...cloneJson(data), inputs: this.variables(data.inputs) };
    const outputs: unknown = data.outputs;
    if (Array.isArray(outputs)) {
      copy.outputs = outputs.map((key: unknown) => (typeof key === 'string' ? this.text(key) : key)) as string[];
    } else if (outputs !== null && typeof outputs === 'object') {
      // An object is read as the list of its keys (spec 02 §6), so its keys are context keys.
      copy.outputs = rewriteDerivedKeysDeep(outputs, this.nodes) as string[];
    }
    if (Array.isArray(data.pre_render_keys)) copy.pre_render_keys = data.pre_render_keys.map((key) => this.text(key));
    return copy;
  }

  /** Variable maps; keys are context keys except for component inputs, which are plain input names. */
  private variables(variables: Record<string, Variable>, keysAreContextKeys = true): Record<string, Variable> {
    const copy: Record<string, Variable> = {};
    for (const [key, variable] of Object.entries(variables)) {
      setOwn(copy, keysAreContextKeys ? this.text(key) : key, this.variable(variable));
    }
    return copy;
  }

  private variable(variable: Variable): Variable {
    const copy: Variable = { ...cloneJson(variable), value: rewriteDerivedKeysDeep(variable.value, this.nodes) };
    const { source_act: sourceAct, source_key: sourceKey } = variable;
    if (typeof sourceAct === 'string') copy.source_act = this.id(sourceAct);
    if (Array.isArray(sourceAct)) {
      copy.source_act = sourceAct.map((ref) => ({
        ...cloneJson(ref),
        source_act: this.id(ref.source_act),
        source_key: this.text(ref.source_key),
      }));
    }
    if (typeof sourceKey === 'string') copy.source_key = this.text(sourceKey);
    return copy;
  }

  private text(text: string): string {
    return rewriteDerivedKeys(text, this.nodes);
  }
}

import type { PipelineTree, Variable } from '@bamboo/engine';

let runSeq = 0;

/** A short id prefix unique within this process and unlikely to repeat across processes. */
export function freshPrefix(): string {
  runSeq += 1;
  return `t${runSeq.toString(36)}${(Date.now() % 1_679_616).toString(36)}_`;
}

export const plain = (value: unknown): Variable => ({ type: 'plain', value });
export const splice = (value: unknown): Variable => ({ type: 'splice', value });
export const lazy = (value: unknown, code: string): Variable => ({ type: 'lazy', value, custom_type: code });

type Json = Record<string, unknown>;

/**
 * A small pipeline-tree writer for scenarios: short names, prefixed into globally unique ids
 * (node ids are global keys of a runtime). Produces raw trees as bamboo-engine's builder does.
 */
export class TreeKit {
  private readonly nodes = new Map<string, Json>();
  private readonly flows: Array<{
    id: string;
    source: string;
    target: string;
    condition?: string;
    isDefault: boolean;
  }> = [];
  private inputs: Record<string, Variable> = {};
  private outputs: string[] = [];
  private preRender: string[] = [];

  constructor(readonly prefix: string = freshPrefix()) {}

  id(name: string): string {
    return `${this.prefix}${name}`;
  }

  start(name = 'start'): this {
    return this.add(name, { type: 'EmptyStartEvent' });
  }

  end(name = 'end', type = 'EmptyEndEvent'): this {
    return this.add(name, { type });
  }

  act(name: string, code: string, inputs: Record<string, Variable> = {}, extra: Json = {}): this {
    return this.add(name, {
      type: 'ServiceActivity',
      component: { code, inputs },
      error_ignorable: false,
      skippable: true,
      retryable: true,
      ...extra,
    });
  }

  sub(name: string, body: TreeKit, params: Record<string, Variable> = {}): this {
    return this.add(name, { type: 'SubProcess', params, pipeline: body.build(this.id(name)) });
  }

  gateway(name: string, type: string, extra: Json = {}): this {
    return this.add(name, { type, ...extra });
  }

  /** Flows between consecutive names. */
  chain(...names: string[]): this {
    for (let i = 1; i < names.length; i++) this.flow(names[i - 1]!, names[i]!);
    return this;
  }

  flow(from: string, to: string, options: { condition?: string; isDefault?: boolean } = {}): this {
    const id = `${this.prefix}f${this.flows.length}`;
    this.flows.push({
      id,
      source: this.id(from),
      target: this.id(to),
      condition: options.condition,
      isDefault: !!options.isDefault,
    });
    return this;
  }

  /** Id of the (first) flow `from → to`. */
  flowId(from: string, to: string): string {
    const flow = this.flows.find((f) => f.source === this.id(from) && f.target === this.id(to));
    if (!flow) throw new Error(`no flow ${from} -> ${to}`);
    return flow.id;
  }

  vars(inputs: Record<string, Variable>): this {
    this.inputs = { ...this.inputs, ...inputs };
    return this;
  }

  declareOutputs(...keys: string[]): this {
    this.outputs.push(...keys);
    return this;
  }

  preRenderKeys(...keys: string[]): this {
    this.preRender.push(...keys);
    return this;
  }

  build(id = this.id('pipeline')): PipelineTree {
    const tree: Json = { id, activities: {}, gateways: {}, flows: {}, data: this.dataSection() };
    for (const flow of this.flows) {
      (tree.flows as Json)[flow.id] = {
        id: flow.id,
        source: flow.source,
        target: flow.target,
        is_default: flow.isDefault,
      };
    }
    for (const [nodeId, node] of this.nodes) this.place(tree, nodeId, node);
    return tree as unknown as PipelineTree;
  }

  private dataSection(): Json {
    return { inputs: this.inputs, outputs: this.outputs, pre_render_keys: this.preRender };
  }

  private place(tree: Json, nodeId: string, node: Json): void {
    const out = this.flows.filter((f) => f.source === nodeId);
    const incoming = this.flows.filter((f) => f.target === nodeId).map((f) => f.id);
    const type = node.type as string;
    const full: Json = { id: nodeId, name: null, incoming, ...node };
    if (type.endsWith('Gateway') && type !== 'ConvergeGateway') {
      full.outgoing = out.map((f) => f.id);
      if (type !== 'ParallelGateway') {
        full.conditions = Object.fromEntries(
          out.filter((f) => f.condition !== undefined).map((f) => [f.id, { evaluate: f.condition }]),
        );
        const fallback = out.find((f) => f.isDefault);
        full.default_condition = fallback ? { flow_id: fallback.id, name: 'default' } : {};
      }
    } else {
      full.outgoing = out[0]?.id ?? '';
    }
    if (type === 'EmptyStartEvent') tree.start_event = { ...full, incoming: '' };
    else if (type === 'ServiceActivity' || type === 'SubProcess') (tree.activities as Json)[nodeId] = full;
    else if (type.endsWith('Gateway')) (tree.gateways as Json)[nodeId] = full;
    else tree.end_event = full;
  }

  private add(name: string, node: Json): this {
    this.nodes.set(this.id(name), node);
    return this;
  }
}

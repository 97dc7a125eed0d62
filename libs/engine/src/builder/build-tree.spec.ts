import {
  buildTree,
  BuilderError,
  ConvergeGateway,
  Data,
  EmptyEndEvent,
  EmptyStartEvent,
  ExclusiveGateway,
  ExecutableEndEvent,
  type IdGenerator,
  NodeOutput,
  ParallelGateway,
  ServiceActivity,
  SubProcess,
  Var,
} from '.';

/** Deterministic builder-format ids: prefix + 32 hex digits of a counter. */
function counterIds(): IdGenerator {
  let next = 0;
  return (prefix) => prefix + (++next).toString(16).padStart(32, '0');
}

describe('buildTree (spec 02 §9.2)', () => {
  it('emits the exact tree for a sequence, with flows in traversal order', () => {
    const ids = counterIds();
    const start = new EmptyStartEvent({ id: 'start', name: 'start' });
    const act = new ServiceActivity({ id: 'act', componentCode: 'echo', componentVersion: '1.0' });
    act.component.inputs.message = new Var(Var.SPLICE, '${greeting}');
    start.extend(act).extend(new EmptyEndEvent({ id: 'end' }));

    expect(buildTree(start, { idGenerator: ids })).toStrictEqual({
      id: 'p00000000000000000000000000000003',
      start_event: {
        id: 'start',
        name: 'start',
        type: 'EmptyStartEvent',
        incoming: '',
        outgoing: 'f00000000000000000000000000000001',
      },
      end_event: {
        id: 'end',
        name: null,
        type: 'EmptyEndEvent',
        incoming: ['f00000000000000000000000000000002'],
        outgoing: '',
      },
      activities: {
        act: {
          id: 'act',
          name: null,
          type: 'ServiceActivity',
          incoming: ['f00000000000000000000000000000001'],
          outgoing: 'f00000000000000000000000000000002',
          component: { code: 'echo', version: '1.0', inputs: { message: { type: 'splice', value: '${greeting}' } } },
          error_ignorable: false,
          timeout: null,
          skippable: true,
          retryable: true,
          optional: false,
        },
      },
      gateways: {},
      flows: {
        f00000000000000000000000000000001: {
          id: 'f00000000000000000000000000000001',
          source: 'start',
          target: 'act',
          is_default: false,
        },
        f00000000000000000000000000000002: {
          id: 'f00000000000000000000000000000002',
          source: 'act',
          target: 'end',
          is_default: false,
        },
      },
      data: { inputs: {}, outputs: [] },
    });
  });

  it('uses builder-format ids by default', () => {
    const start = new EmptyStartEvent();
    start.extend(new ServiceActivity({ componentCode: 'c' })).extend(new EmptyEndEvent());
    const tree = buildTree(start);
    expect(tree.id).toMatch(/^p[0-9a-f]{32}$/);
    for (const flowId of Object.keys(tree.flows)) expect(flowId).toMatch(/^f[0-9a-f]{32}$/);
    expect(tree.start_event.id).toMatch(/^e[0-9a-f]{32}$/);
  });

  it('builds the spec 02 §8 example shape: exclusive choice, parallel block, default branch', () => {
    const start = new EmptyStartEvent({ name: 'start' });
    const eg = new ExclusiveGateway({
      name: 'parallel or skip',
      conditions: { 0: '"${run_parallel}" == "yes"', 1: '"${run_parallel}" != "yes"' },
      defaultConditionOutgoing: 1,
      extraInfo: { strategy: 'FIRST' },
    });
    const pg = new ParallelGateway({ name: 'fan out' });
    const a = new ServiceActivity({ componentCode: 'echo', name: 'act_a' });
    const b = new ServiceActivity({ componentCode: 'sleep_timer', name: 'act_b', errorIgnorable: true });
    const cg = new ConvergeGateway({ name: 'join' });
    const end = new EmptyEndEvent({ name: 'end' });
    start.extend(eg).connect(pg, end);
    pg.connect(a, b).converge(cg).extend(end);
    const data = new Data({ inputs: { '${a_message}': new NodeOutput({ sourceAct: a.id, sourceKey: 'message' }) } });

    const tree = buildTree(start, { data });
    const egNode = tree.gateways[eg.id];
    expect(egNode).toMatchObject({ type: 'ExclusiveGateway', extra_info: { strategy: 'FIRST' } });
    if (egNode?.type !== 'ExclusiveGateway') throw new Error('unreachable');
    const [toPg, toEnd] = egNode.outgoing;
    expect(tree.flows[toPg!]?.target).toBe(pg.id);
    expect(tree.flows[toEnd!]?.target).toBe(end.id);
    expect(Object.keys(egNode.conditions)).toEqual([toPg, toEnd]);
    expect(egNode.conditions[toPg!]).toEqual({ evaluate: '"${run_parallel}" == "yes"' });
    expect(egNode.default_condition).toEqual({ flow_id: toEnd });
    expect(egNode.converge_gateway_id).toBeUndefined();
    // The end event is reached from the exclusive gateway first, then from the converge gateway.
    expect(tree.end_event.incoming).toEqual([toEnd, tree.gateways[cg.id]?.outgoing]);
    expect(tree.gateways[cg.id]?.incoming).toHaveLength(2);
    expect(tree.activities[b.id]).toMatchObject({ error_ignorable: true, name: 'act_b' });
    expect(tree.data.inputs['${a_message}']).toEqual({
      type: 'plain',
      value: null,
      source_act: a.id,
      source_key: 'message',
    });
    expect(Object.keys(tree.gateways)).toEqual([eg.id, pg.id, cg.id]);
  });

  it('writes loop_config, timeout_config and an executable end event type', () => {
    const start = new EmptyStartEvent();
    const act = new ServiceActivity({
      componentCode: 'c',
      loopConfig: { enable: true, loop_times: 3 },
      timeoutConfig: { enable: true, action: 'forced_fail', seconds: 5 },
    });
    start.extend(act).extend(new ExecutableEndEvent({ type: 'CustomExecutableEndEvent' }));
    const tree = buildTree(start);
    expect(tree.activities[act.id]).toMatchObject({
      loop_config: { enable: true, loop_times: 3 },
      timeout_config: { enable: true, action: 'forced_fail', seconds: 5 },
    });
    expect(tree.end_event.type).toBe('CustomExecutableEndEvent');
    expect(Array.isArray(tree.end_event.incoming)).toBe(true);
  });

  it('nests a SubProcess pipeline whose id is the SubProcess id, with its own data and params', () => {
    const ids = counterIds();
    const subStart = new EmptyStartEvent({ idGenerator: ids });
    subStart.extend(new ServiceActivity({ componentCode: 'c', idGenerator: ids })).extend(new EmptyEndEvent());
    const sub = new SubProcess({
      start: subStart,
      params: { '${x}': new Var(Var.SPLICE, '${y}') },
      data: { inputs: { '${x}': { type: 'plain', value: 0 } }, outputs: ['${x}'] },
    });
    const start = new EmptyStartEvent();
    start.extend(sub).extend(new EmptyEndEvent());
    const node = buildTree(start, { id: 'root', idGenerator: ids }).activities[sub.id];
    if (node?.type !== 'SubProcess') throw new Error('expected a SubProcess');
    expect(node.pipeline.id).toBe(sub.id);
    expect(node.params).toEqual({ '${x}': { type: 'splice', value: '${y}' } });
    expect(node.pipeline.data).toEqual({ inputs: { '${x}': { type: 'plain', value: 0 } }, outputs: ['${x}'] });
    expect(Object.keys(node.pipeline.flows)).toHaveLength(2);
    expect(Object.keys(node.pipeline.flows).every((id) => /^f0+[0-9a-f]+$/.test(id))).toBe(true);
  });

  it('can be called twice on one graph and gives independent trees', () => {
    const start = new EmptyStartEvent();
    const act = new ServiceActivity({ componentCode: 'c' });
    act.component.inputs.v = new Var(Var.PLAIN, { n: 1 });
    start.extend(act).extend(new EmptyEndEvent());
    const first = buildTree(start);
    const second = buildTree(start);
    expect(Object.keys(first.flows)).not.toEqual(Object.keys(second.flows));
    const firstAct = first.activities[act.id];
    const secondAct = second.activities[act.id];
    if (firstAct?.type !== 'ServiceActivity' || secondAct?.type !== 'ServiceActivity') throw new Error('unreachable');
    expect(firstAct.component.inputs.v).not.toBe(secondAct.component.inputs.v);
  });

  describe('refuses shapes bamboo-engine silently mangles (decision)', () => {
    const expectBuilderError = (start: EmptyStartEvent, message: RegExp): void => {
      expect(() => buildTree(start)).toThrow(BuilderError);
      expect(() => buildTree(start)).toThrow(message);
    };

    it('an activity with two outgoing edges', () => {
      const start = new EmptyStartEvent();
      start.extend(new ServiceActivity({ componentCode: 'c' })).connect(new EmptyEndEvent(), new EmptyEndEvent());
      expectBuilderError(start, /exactly one outgoing edge, has 2/);
    });

    it('an activity with no outgoing edge', () => {
      const start = new EmptyStartEvent();
      start.extend(new ServiceActivity({ componentCode: 'c' }));
      expectBuilderError(start, /exactly one outgoing edge, has 0/);
    });

    it('a start event with two outgoing edges', () => {
      const start = new EmptyStartEvent();
      const end = new EmptyEndEvent();
      start.connect(end, end);
      expectBuilderError(start, /EmptyStartEvent .* exactly one outgoing edge/);
    });

    it('a gateway branch without a condition', () => {
      const start = new EmptyStartEvent();
      const end = new EmptyEndEvent();
      start.extend(new ExclusiveGateway({ conditions: { 0: 'True' } })).connect(end, end);
      expectBuilderError(start, /no condition for branch 1/);
    });

    it('an edge out of an end event (its target would have no incoming flow)', () => {
      const start = new EmptyStartEvent();
      const end = new EmptyEndEvent();
      start.extend(end).extend(new ConvergeGateway()).extend(end);
      expectBuilderError(start, /cannot have outgoing edges/);
    });

    it('two end events, or none', () => {
      const twoEnds = new EmptyStartEvent();
      twoEnds.extend(new ParallelGateway()).connect(new EmptyEndEvent(), new EmptyEndEvent());
      expectBuilderError(twoEnds, /Two end events/);
      const noEnd = new EmptyStartEvent();
      const pg = noEnd.extend(new ParallelGateway());
      pg.extend(new ConvergeGateway()).extend(pg);
      expectBuilderError(noEnd, /No end event/);
    });

    it('an edge into the start event', () => {
      const start = new EmptyStartEvent();
      const pg = start.extend(new ParallelGateway());
      pg.connect(start, new EmptyEndEvent());
      expectBuilderError(start, /cannot be the target/);
    });

    it('a second start event', () => {
      const start = new EmptyStartEvent();
      start.extend(new ParallelGateway()).connect(new EmptyStartEvent(), new EmptyEndEvent());
      expectBuilderError(start, /Second start event/);
    });

    it('two different elements with one id', () => {
      const start = new EmptyStartEvent();
      start
        .extend(new ServiceActivity({ componentCode: 'c', id: 'same' }))
        .extend(new ServiceActivity({ componentCode: 'c', id: 'same' }))
        .extend(new EmptyEndEvent());
      expectBuilderError(start, /share the id same/);
    });

    it('an activity without component code', () => {
      const start = new EmptyStartEvent();
      start.extend(new ServiceActivity()).extend(new EmptyEndEvent());
      expectBuilderError(start, /no component code/);
    });
  });

  it('accepts a loop back to an earlier element (cycles are the validator\u2019s business)', () => {
    const start = new EmptyStartEvent();
    const act = new ServiceActivity({ componentCode: 'c' });
    const eg = new ExclusiveGateway({ conditions: { 0: '${again}', 1: 'not ${again}' } });
    start.extend(act).extend(eg).connect(act, new EmptyEndEvent());
    const tree = buildTree(start);
    expect(tree.activities[act.id]?.incoming).toHaveLength(2);
  });
});

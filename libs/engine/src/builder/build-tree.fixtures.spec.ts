import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type PipelineTree } from '../model';
import {
  buildTree,
  canonicaliseIds,
  ConditionalParallelGateway,
  ConvergeGateway,
  Data,
  DataInput,
  EmptyEndEvent,
  EmptyStartEvent,
  ExclusiveGateway,
  Params,
  ParallelGateway,
  ServiceActivity,
  SubProcess,
  Var,
} from '.';

// CI clones the repository with `shared/` beside the clone.
const FIXTURES = path.resolve(__dirname, '../../../../../shared/fixtures/trees');

function readFixture(name: string): PipelineTree {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8')) as PipelineTree;
}

function activity(code: string, inputs: Record<string, Var> = {}): ServiceActivity {
  const act = new ServiceActivity({ componentCode: code });
  Object.assign(act.component.inputs, inputs);
  return act;
}

function debugNode(): ServiceActivity {
  return activity('debug_node', {
    param_1: new Var(Var.SPLICE, '${constant_1}'),
    param_2: new Var(Var.SPLICE, '${constant_2}'),
  });
}

function oneNode(): PipelineTree {
  const start = new EmptyStartEvent();
  start.extend(activity('empty_node')).extend(new EmptyEndEvent());
  return buildTree(start);
}

function benchNormal17(): PipelineTree {
  const subStart = new EmptyStartEvent();
  subStart.extend(debugNode()).extend(debugNode()).extend(new EmptyEndEvent());
  const sub = new SubProcess({
    start: subStart,
    data: new Data({
      inputs: {
        '${constant_1}': new DataInput(Var.PLAIN, 'default_value'),
        '${constant_2}': new DataInput(Var.PLAIN, 'default_value'),
      },
    }),
    params: new Params({
      '${constant_1}': new Var(Var.SPLICE, '${constant_1}'),
      '${constant_2}': new Var(Var.SPLICE, '${constant_2}'),
    }),
  });
  const pg = new ParallelGateway();
  const eg = new ExclusiveGateway({ conditions: { 0: '"${constant_1}" == "value_1"', 1: 'True == False' } });
  const start = new EmptyStartEvent();
  start
    .extend(debugNode())
    .extend(debugNode())
    .extend(sub)
    .extend(pg)
    .connect(debugNode(), debugNode(), debugNode())
    .to(pg)
    .converge(new ConvergeGateway())
    .extend(eg)
    .connect(debugNode(), debugNode())
    .to(eg)
    .converge(new ConvergeGateway())
    .extend(new EmptyEndEvent());
  const data = new Data({
    inputs: { '${constant_1}': new Var(Var.PLAIN, 'value_1'), '${constant_2}': new Var(Var.PLAIN, 'value_2') },
  });
  return buildTree(start, { data });
}

function benchParallel100x10(): PipelineTree {
  const pg = new ParallelGateway();
  for (let branch = 0; branch < 100; branch++) {
    const head = activity('debug_node');
    let last = head;
    for (let step = 1; step < 10; step++) last = last.extend(activity('debug_node'));
    pg.connect(head);
  }
  const start = new EmptyStartEvent();
  start.extend(pg).converge(new ConvergeGateway()).extend(new EmptyEndEvent());
  return buildTree(start);
}

function nestedParallelInSubprocess(): PipelineTree {
  const outer = new ParallelGateway();
  const inner = new ParallelGateway();
  const failCtrl = (): ServiceActivity => activity('fail_ctrl_node');
  inner.connect(failCtrl(), failCtrl(), failCtrl()).converge(new ConvergeGateway());
  const subStart = new EmptyStartEvent();
  subStart
    .extend(outer)
    .connect(inner, failCtrl(), failCtrl(), failCtrl())
    .converge(new ConvergeGateway())
    .extend(new EmptyEndEvent());
  const start = new EmptyStartEvent();
  start.extend(new SubProcess({ start: subStart })).extend(new EmptyEndEvent());
  return buildTree(start);
}

function conditionalParallelAndExclusive(): PipelineTree {
  const cpg = new ConditionalParallelGateway({ conditions: { 0: '${a} > 1', 1: '${a} < 1', 2: '"${b}" == "x"' } });
  const eg = new ExclusiveGateway();
  eg.addCondition(0, '${a} == 2');
  eg.addCondition(1, '${a} != 2');
  const start = new EmptyStartEvent();
  start
    .extend(cpg)
    .connect(activity('debug_node'), activity('debug_node'), activity('debug_node'))
    .to(cpg)
    .converge(new ConvergeGateway())
    .extend(eg)
    .connect(activity('debug_node'), activity('debug_node'))
    .to(eg)
    .converge(new ConvergeGateway())
    .extend(new EmptyEndEvent());
  const data = new Data({ inputs: { '${a}': new Var(Var.PLAIN, 2), '${b}': new Var(Var.PLAIN, 'x') } });
  return buildTree(start, { data });
}

describe('buildTree rebuilds the bamboo-engine fixture trees', () => {
  it.each([
    ['one_node', oneNode],
    ['bench_normal_17', benchNormal17],
    ['bench_parallel_100x10', benchParallel100x10],
    ['nested_parallel_in_subprocess', nestedParallelInSubprocess],
    ['conditional_parallel_and_exclusive', conditionalParallelAndExclusive],
  ])('%s has the same structure, ids aside', (name, build) => {
    const fixture = readFixture(name);
    const built = build();
    expect(canonicaliseIds(built)).toEqual(canonicaliseIds(fixture));
  });

  it('round-trips through JSON unchanged (no class instances or undefined left in the tree)', () => {
    const built = benchNormal17();
    expect(JSON.parse(JSON.stringify(built))).toStrictEqual(built);
  });
});

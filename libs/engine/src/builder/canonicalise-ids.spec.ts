import { type PipelineTree } from '../model';
import { buildTree, canonicaliseIds, EmptyEndEvent, EmptyStartEvent, ParallelGateway, ServiceActivity, Var } from '.';

function fanOut(codes: string[]): PipelineTree {
  const start = new EmptyStartEvent();
  const pg = start.extend(new ParallelGateway());
  const end = new EmptyEndEvent();
  for (const code of codes) pg.extend(new ServiceActivity({ componentCode: code })).extend(end);
  return buildTree(start);
}

describe('canonicaliseIds', () => {
  it('names ids by breadth-first traversal order', () => {
    const tree = canonicaliseIds(fanOut(['a', 'b']));
    expect(tree.id).toBe('p0');
    expect(tree.start_event).toMatchObject({ id: 'e0', outgoing: 'f0' });
    expect(tree.gateways.e1).toMatchObject({ outgoing: ['f1', 'f2'] });
    expect(tree.activities.e2?.type === 'ServiceActivity' && tree.activities.e2.component.code).toBe('a');
    expect(tree.end_event).toMatchObject({ id: 'e4', incoming: ['f3', 'f4'] });
  });

  it('makes two builds of one shape equal and keeps differences of shape', () => {
    expect(canonicaliseIds(fanOut(['a', 'b']))).toEqual(canonicaliseIds(fanOut(['a', 'b'])));
    expect(canonicaliseIds(fanOut(['a', 'b']))).not.toEqual(canonicaliseIds(fanOut(['b', 'a'])));
  });

  it('renames context keys derived from node ids', () => {
    const start = new EmptyStartEvent();
    const act = new ServiceActivity({ componentCode: 'c' });
    act.component.inputs.v = new Var(Var.SPLICE, `\${k_${act.id}}`);
    start.extend(act).extend(new EmptyEndEvent());
    const tree = canonicaliseIds(buildTree(start));
    expect(tree.activities.e1?.type === 'ServiceActivity' && tree.activities.e1.component.inputs.v?.value).toBe(
      '${k_e1}',
    );
  });
});

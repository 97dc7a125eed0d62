import { BuilderError } from '../builder.error';
import { type IdGenerator } from '../id-generator';
import { ConvergeGateway } from './converge-gateway.element';
import { EmptyEndEvent, ExecutableEndEvent } from './end-event.element';
import { ConditionalParallelGateway, ExclusiveGateway } from './exclusive-gateway.element';
import { ParallelGateway } from './parallel-gateway.element';
import { ServiceActivity } from './service-activity.element';
import { EmptyStartEvent } from './start-event.element';

describe('Element chaining (spec 02 §9)', () => {
  it('gets an e + 32 hex id by default, or the given or generated one', () => {
    expect(new ServiceActivity().id).toMatch(/^e[0-9a-f]{32}$/);
    expect(new ServiceActivity({ id: 'mine' }).id).toBe('mine');
    const gen: IdGenerator = (prefix) => `${prefix}-fixed`;
    expect(new ParallelGateway({ idGenerator: gen }).id).toBe('e-fixed');
  });

  it('extend adds one edge and returns the target', () => {
    const a = new ServiceActivity();
    const b = new ServiceActivity();
    expect(a.extend(b)).toBe(b);
    expect(a.outgoing).toEqual([b]);
  });

  it('connect adds edges in order and returns this', () => {
    const pg = new ParallelGateway();
    const [a, b, c] = [new ServiceActivity(), new ServiceActivity(), new ServiceActivity()];
    expect(pg.connect(a, b, c)).toBe(pg);
    expect(pg.outgoing).toEqual([a, b, c]);
  });

  it('converge joins the tail of every branch to the target and returns it', () => {
    const pg = new ParallelGateway();
    const a1 = new ServiceActivity();
    const a2 = a1.extend(new ServiceActivity());
    const b = new ServiceActivity();
    pg.connect(a1, b);
    const cg = new ConvergeGateway();
    expect(pg.converge(cg)).toBe(cg);
    expect(a2.outgoing).toEqual([cg]);
    expect(b.outgoing).toEqual([cg]);
    expect(a1.outgoing).toEqual([a2]);
  });

  it('to changes the chain subject without adding edges', () => {
    const a = new ServiceActivity();
    const b = new ServiceActivity();
    expect(a.to(b)).toBe(b);
    expect(a.outgoing).toEqual([]);
  });

  it('tail follows first edges', () => {
    const a = new ServiceActivity();
    const end = a.extend(new ServiceActivity()).extend(new EmptyEndEvent());
    expect(a.tail()).toBe(end);
    expect(end.tail()).toBe(end);
  });

  it('tail reports a cycle instead of looping forever', () => {
    const a = new ServiceActivity();
    a.extend(new ServiceActivity()).extend(a);
    expect(() => a.tail()).toThrow(BuilderError);
  });

  it('exposes bamboo-engine type names', () => {
    expect(new EmptyStartEvent().type()).toBe('EmptyStartEvent');
    expect(new EmptyEndEvent().type()).toBe('EmptyEndEvent');
    expect(new ExecutableEndEvent({ type: 'MyEnd' }).type()).toBe('MyEnd');
    expect(new ServiceActivity().type()).toBe('ServiceActivity');
    expect(new ParallelGateway().type()).toBe('ParallelGateway');
    expect(new ExclusiveGateway().type()).toBe('ExclusiveGateway');
    expect(new ConditionalParallelGateway().type()).toBe('ConditionalParallelGateway');
    expect(new ConvergeGateway().type()).toBe('ConvergeGateway');
  });

  it('ServiceActivity has bamboo-engine defaults', () => {
    const act = new ServiceActivity({ componentCode: 'c' });
    expect(act.component).toEqual({ code: 'c', inputs: {} });
    expect([act.errorIgnorable, act.skippable, act.retryable, act.timeout, act.name]).toEqual([
      false,
      true,
      true,
      null,
      null,
    ]);
  });

  it('ExclusiveGateway binds conditions to flows by branch index', () => {
    const eg = new ExclusiveGateway({ conditions: { 1: 'b' }, defaultConditionOutgoing: 1 });
    eg.addCondition(0, 'a');
    expect(eg.linkConditions(['f0', 'f1'])).toEqual({ f0: { evaluate: 'a' }, f1: { evaluate: 'b' } });
    expect(Object.keys(eg.linkConditions(['f0', 'f1']))).toEqual(['f0', 'f1']);
    expect(eg.linkDefaultCondition(['f0', 'f1'])).toEqual({ flow_id: 'f1' });
    expect(new ExclusiveGateway().linkDefaultCondition(['f0'])).toEqual({});
  });

  it('ExclusiveGateway refuses a missing condition, a condition without branch and a default without branch', () => {
    expect(() => new ExclusiveGateway({ conditions: { 0: 'a' } }).linkConditions(['f0', 'f1'])).toThrow(
      /no condition for branch 1/,
    );
    expect(() => new ExclusiveGateway({ conditions: { 0: 'a', 1: 'b' } }).linkConditions(['f0'])).toThrow(
      /missing branches 1/,
    );
    expect(() => new ExclusiveGateway({ defaultConditionOutgoing: 2 }).linkDefaultCondition(['f0'])).toThrow(
      BuilderError,
    );
  });
});

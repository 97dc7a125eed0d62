import { Engine, type EngineCount, type EngineObserver, type EngineTiming } from '@bamboo/engine';
import {
  conformanceCatalog,
  FakeClock,
  InMemoryRuntime,
  InMemoryTaskQueue,
  plain,
  SequentialIds,
  TreeKit,
} from '@bamboo/testing';

/** Records what the engine reports through its observer port. */
class RecordingObserver implements EngineObserver {
  readonly timings: { name: EngineTiming; type: string | undefined }[] = [];
  readonly counts = new Map<string, number>();

  observe(name: EngineTiming, _seconds: number, labels: { type?: string } = {}): void {
    this.timings.push({ name, type: labels.type });
  }

  count(name: EngineCount, labels: { type?: string } = {}, by = 1): void {
    const key = labels.type ? `${name}{${labels.type}}` : name;
    this.counts.set(key, (this.counts.get(key) ?? 0) + by);
  }
}

async function run(build: (kit: TreeKit) => TreeKit): Promise<RecordingObserver> {
  const observer = new RecordingObserver();
  const clock = new FakeClock();
  const queue = new InMemoryTaskQueue(clock);
  const runtime = new InMemoryRuntime(queue);
  const engine = new Engine({ runtime, catalog: conformanceCatalog(), clock, ids: new SequentialIds(), observer });
  await engine.runPipeline(build(new TreeKit()).build());
  for (let task = queue.takeDue(); task; task = queue.takeDue()) await engine.handle(task);
  for (let wait = queue.nextDueInMs(); wait !== undefined; wait = queue.nextDueInMs()) {
    clock.advance(wait / 1000);
    for (let task = queue.takeDue(); task; task = queue.takeDue()) await engine.handle(task);
  }
  return observer;
}

const typesOf = (observer: RecordingObserver, name: EngineTiming) =>
  observer.timings.filter((t) => t.name === name).map((t) => t.type);

describe('engine observation points (spec 08 §7.1)', () => {
  it('times every node of an execute task with the §7.3 type labels and balances the in-flight gauge', async () => {
    const observer = await run((k) =>
      k
        .start()
        .act('a', 'echo', { v: plain(1) })
        .end()
        .chain('start', 'a', 'end'),
    );
    expect(typesOf(observer, 'engine_node_execute_time')).toEqual([
      'empty_start_event',
      'echo_legacy',
      'empty_end_event',
    ]);
    expect(typesOf(observer, 'engine_execute_pre_process_duration')).toEqual([
      'EmptyStartEvent',
      'ServiceActivity',
      'EmptyEndEvent',
    ]);
    expect(typesOf(observer, 'engine_execute_post_process_duration')).toHaveLength(3);
    expect(typesOf(observer, 'engine_node_execute_pre_process_duration')).toEqual(['ServiceActivity']);
    expect(typesOf(observer, 'engine_node_execute_post_process_duration')).toEqual(['ServiceActivity']);
    expect(typesOf(observer, 'engine_process_running_time')).toEqual([undefined]);
    expect(observer.counts.get('engine_running_processes')).toBe(0);
  });

  it('counts failed and throwing components under <code>_<version>', async () => {
    const observer = await run((k) =>
      k
        .start()
        .act('f', 'fail_unless_ok', { ok: plain(false) })
        .end()
        .chain('start', 'f', 'end'),
    );
    expect(observer.counts.get('engine_execute_failed_count{fail_unless_ok_legacy}')).toBe(1);
    expect(observer.counts.has('engine_execute_exception_count{fail_unless_ok_legacy}')).toBe(false);
    const thrown = await run((k) => k.start().act('t', 'throw').end().chain('start', 't', 'end'));
    expect(thrown.counts.get('engine_execute_failed_count{throw_legacy}')).toBe(1);
    expect(thrown.counts.get('engine_execute_exception_count{throw_legacy}')).toBe(1);
  });

  it('times schedule tasks and their handler', async () => {
    const observer = await run((k) =>
      k
        .start()
        .act('p', 'poll', { times: plain(2) })
        .end()
        .chain('start', 'p', 'end'),
    );
    expect(typesOf(observer, 'engine_node_schedule_time')).toEqual(['poll_legacy', 'poll_legacy']);
    expect(typesOf(observer, 'engine_schedule_pre_process_duration')).toEqual(['ServiceActivity', 'ServiceActivity']);
    expect(typesOf(observer, 'engine_node_schedule_post_process_duration')).toEqual([
      'ServiceActivity',
      'ServiceActivity',
    ]);
    expect(typesOf(observer, 'engine_schedule_running_time')).toHaveLength(2);
    expect(observer.counts.get('engine_running_schedules')).toBe(0);
  });
});

import { runComponent } from '@bamboo/component-framework/testing';
import { DebugNodeService } from './debug-node.component';
import { BenchPollService } from './poll-node.component';

describe('bench components', () => {
  it('debug_node echoes its inputs, logs two lines per call and finishes on its one poll', async () => {
    const run = await runComponent(DebugNodeService, { inputs: { param_1: 'value_1', param_2: 2 } });
    expect(run.state).toBe('FINISHED');
    expect(run.mode).toBe('poll');
    expect(run.schedules).toHaveLength(1);
    expect(run.outputs).toEqual({ param_1: 'value_1', param_2: 2 });
    expect(run.logs.filter((l) => l.level === 'info')).toHaveLength(4);
    expect(run.schedules[0]!.at - run.execute.at).toBe(0);
  });

  it('bench_poll polls three times one second apart', async () => {
    const run = await runComponent(BenchPollService);
    expect(run.state).toBe('FINISHED');
    expect(run.schedules).toHaveLength(3);
    expect(run.schedules.map((s) => s.at - run.execute.at)).toEqual([0, 1000, 2000]);
    expect(run.outputs.polls).toBe(3);
  });
});

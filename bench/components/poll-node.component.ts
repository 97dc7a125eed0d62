import type { DataObject, ServiceResult } from '@bamboo/engine';
import { Component, Service, StaticIntervalGenerator } from '@bamboo/component-framework';

/**
 * Polls this many times before finishing. The first poll follows execute at once (spec 03 §4.3),
 * so with the 1 s interval an activity ideally takes 2 s.
 */
export const BENCH_POLL_TIMES = 3;
export const BENCH_POLL_INTERVAL_SECONDS = 1;

/** The `poll` workload's activity: measures how closely the runtime keeps a static poll interval. */
@Component({ code: 'bench_poll', name: 'Bench poll' })
export class BenchPollService extends Service {
  static override needSchedule = true;
  static override interval = (): StaticIntervalGenerator => new StaticIntervalGenerator(BENCH_POLL_INTERVAL_SECONDS);

  execute(data: DataObject): ServiceResult {
    data.outputs.polls = 0;
    return true;
  }

  override schedule(data: DataObject): ServiceResult {
    // A fresh instance per call, so the count lives in the outputs.
    const polls = Number(data.getOneOfOutputs('polls', 0)) + 1;
    data.outputs.polls = polls;
    if (polls >= BENCH_POLL_TIMES) this.finishSchedule();
    return true;
  }
}

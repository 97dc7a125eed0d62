import type { ScheduleTask } from '@bamboo/engine';
import { LocalPollTimers } from './local-poll-timers';

function poll(nodeId: string): ScheduleTask {
  return {
    kind: 'schedule',
    queue: '',
    priority: 100,
    processId: '1',
    nodeId,
    scheduleId: '9',
    callbackDataId: null,
    expectedTimes: 1,
  };
}

describe('LocalPollTimers', () => {
  let nowMs = 0;
  const ran: string[] = [];
  let finishRun: (() => void) | undefined;
  const timers = (capacity = 2, maxDelaySeconds = 5) =>
    new LocalPollTimers({
      maxDelaySeconds,
      capacity,
      nowMs: () => nowMs,
      run: (task) => {
        ran.push(task.nodeId);
        return new Promise<void>((resolve) => (finishRun = resolve));
      },
    });

  beforeEach(() => {
    jest.useFakeTimers();
    nowMs = 0;
    ran.length = 0;
  });

  afterEach(() => jest.useRealTimers());

  it('runs a poll when its delay has passed, not before', () => {
    const local = timers();
    expect(local.offer(poll('a'), 1)).toBe(true);
    jest.advanceTimersByTime(999);
    expect(ran).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(ran).toEqual(['a']);
    expect(local.size).toBe(0);
  });

  it('refuses delays above the maximum, no delay, and polls beyond its capacity of waiting polls', () => {
    const local = timers(2, 5);
    expect(local.offer(poll('long'), 5.5)).toBe(false);
    expect(local.offer(poll('now'), 0)).toBe(false);
    expect(local.offer(poll('a'), 1)).toBe(true);
    expect(local.offer(poll('b'), 5)).toBe(true);
    expect(local.offer(poll('c'), 1)).toBe(false);
    jest.advanceTimersByTime(1000);
    expect(ran).toEqual(['a']);
    // `a` runs and may offer its next poll: only waiting polls count.
    expect(local.offer(poll('a2'), 1)).toBe(true);
    expect(local.offer(poll('c'), 1)).toBe(false);
  });

  it('drain stops the timers and returns the pending polls with the delay they have left', () => {
    const local = timers();
    local.offer(poll('a'), 2);
    nowMs = 500;
    local.offer(poll('b'), 1);
    nowMs = 1200;
    expect(local.drain()).toEqual([
      { task: poll('a'), delaySeconds: 0.8 },
      { task: poll('b'), delaySeconds: 0.3 },
    ]);
    jest.advanceTimersByTime(10_000);
    expect(ran).toEqual([]);
    expect(local.offer(poll('c'), 1)).toBe(false);
  });

  it('idle resolves once the polls that fell due have finished', async () => {
    const local = timers();
    local.offer(poll('a'), 1);
    jest.advanceTimersByTime(1000);
    let idle = false;
    const waiting = local.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    finishRun!();
    await waiting;
    expect(idle).toBe(true);
  });
});

import { DataObject, type ComponentService, type DataRecord, type RuntimeAttrs } from '@bamboo/engine';
import { FakeClock } from './fake-clock';
import { RecordingLogger, type LogLine } from './recording-logger';
import { type ComponentTarget, delayAfterCall, formatError, isSuccess, toSubject } from './component-subject';

export type ScheduleMode = 'none' | 'poll' | 'callback' | 'multiple_callback';

export interface RunComponentOptions {
  inputs?: DataRecord;
  parentData?: DataRecord;
  /** Drives time: the kit advances it by each poll delay instead of waiting. */
  clock?: FakeClock;
  /** Callback payloads, delivered in order (callback modes); one payload or a list. */
  callbackData?: DataRecord | DataRecord[] | null;
  /** Upper bound of poll calls before giving up with state RUNNING (default 100). */
  schedules?: number;
  nodeName?: string | null;
  runtime?: Partial<Omit<RuntimeAttrs, 'logger' | 'clock'>>;
}

export interface CallRecord {
  /** Clock time (epoch ms) when the call started. */
  at: number;
  success: boolean;
  /** Snapshot of `data.outputs` after the call. */
  outputs: DataRecord;
  /** Formatted stack trace when the call threw. */
  error?: string;
}

export interface ScheduleCallRecord extends CallRecord {
  callbackData: DataRecord | null;
  finished: boolean;
}

export interface ComponentRun {
  state: 'FINISHED' | 'FAILED' | 'RUNNING';
  success: boolean;
  mode: ScheduleMode;
  outputs: DataRecord;
  inputs: DataRecord;
  execute: CallRecord;
  schedules: ScheduleCallRecord[];
  logs: LogLine[];
  clock: FakeClock;
}

function modeOf(subject: ReturnType<typeof toSubject>): ScheduleMode {
  if (!subject.needSchedule) return 'none';
  if (subject.createInterval()) return 'poll';
  return subject.multiCallbackEnabled ? 'multiple_callback' : 'callback';
}

function callbacksOf(value: RunComponentOptions['callbackData']): DataRecord[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/**
 * Runs a component the way the engine does, without a database, queue or real waiting: a fresh
 * instance per call, `ex_data` = stack trace on a throw, POLL calls spaced by the interval generator
 * on a fake clock, CALLBACK finishing after the first successful callback, MULTIPLE_CALLBACK on
 * `finishSchedule()`. Outputs are what the component wrote (the engine's `_result`/`_loop` are not added).
 */
export async function runComponent(target: ComponentTarget, options: RunComponentOptions = {}): Promise<ComponentRun> {
  const subject = toSubject(target);
  const clock = options.clock ?? new FakeClock();
  const logger = new RecordingLogger();
  const attrs: RuntimeAttrs = {
    id: 'node-under-test',
    version: 'v-under-test',
    topPipelineId: 'pipeline-under-test',
    rootPipelineId: 'pipeline-under-test',
    loop: 1,
    innerLoop: 1,
    ...options.runtime,
    logger,
    clock,
  };
  const data = new DataObject(structuredClone(options.inputs ?? {}), {});
  const parentData = new DataObject(structuredClone(options.parentData ?? {}), {});
  const mode = modeOf(subject);

  async function call(
    invoke: (service: ComponentService) => unknown,
  ): Promise<CallRecord & { service: ComponentService }> {
    const at = clock.now();
    const service = await subject.createService(options.nodeName ?? null);
    service.setupRuntimeAttrs(attrs);
    try {
      const success = isSuccess(await invoke(service));
      return { at, success, outputs: structuredClone(data.outputs), service };
    } catch (error) {
      data.outputs.ex_data = formatError(error);
      return { at, success: false, outputs: structuredClone(data.outputs), error: formatError(error), service };
    }
  }

  const run: ComponentRun = {
    state: 'RUNNING',
    success: true,
    mode,
    outputs: data.outputs,
    inputs: data.inputs,
    execute: { at: 0, success: false, outputs: {} },
    schedules: [],
    logs: logger.lines,
    clock,
  };
  const finish = (state: ComponentRun['state']): ComponentRun => {
    run.state = state;
    run.success = state !== 'FAILED';
    run.outputs = data.outputs;
    run.inputs = data.inputs;
    return run;
  };

  const { service: _executed, ...execute } = await call((service) => service.execute(data, parentData));
  run.execute = execute;
  if (!execute.success) return finish('FAILED');
  if (mode === 'none') return finish('FINISHED');

  const schedule = async (callbackData: DataRecord | null): Promise<ScheduleCallRecord> => {
    const { service, ...record } = await call((s) => s.schedule(data, parentData, callbackData));
    const finished = record.success && (mode === 'callback' || service.isScheduleFinished());
    const entry: ScheduleCallRecord = { ...record, callbackData, finished };
    run.schedules.push(entry);
    return entry;
  };

  if (mode === 'poll') {
    const limit = options.schedules ?? 100;
    for (let k = 1; k <= limit; k += 1) {
      const entry = await schedule(null);
      if (!entry.success) return finish('FAILED');
      if (entry.finished) return finish('FINISHED');
      if (k < limit) clock.advance(delayAfterCall(subject, k) * 1000);
    }
    return finish('RUNNING');
  }

  for (const callbackData of callbacksOf(options.callbackData)) {
    const entry = await schedule(callbackData);
    if (!entry.success) return finish('FAILED');
    if (entry.finished) return finish('FINISHED');
  }
  return finish('RUNNING');
}

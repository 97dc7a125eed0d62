import type {
  ComponentCatalog,
  ComponentDefinition,
  ComponentService,
  DataObject,
  DataRecord,
  EndEventDefinition,
  IntervalGenerator,
  LazyVariableDefinition,
  RuntimeAttrs,
  ServiceResult,
} from '@bamboo/engine';

type Body = {
  execute?: (data: DataObject, parent: DataObject, attrs: RuntimeAttrs) => ServiceResult;
  schedule?: (data: DataObject, parent: DataObject, cb: DataRecord | null, svc: { finish(): void }) => ServiceResult;
  rollback?: (data: DataObject, parent: DataObject, rollbackData: unknown) => ServiceResult;
};

class TestService implements ComponentService {
  private done = false;
  private attrs!: RuntimeAttrs;

  constructor(private readonly body: Body) {}

  execute(data: DataObject, parent: DataObject): ServiceResult {
    return this.body.execute ? this.body.execute(data, parent, this.attrs) : true;
  }

  schedule(data: DataObject, parent: DataObject, cb: DataRecord | null): ServiceResult {
    return this.body.schedule?.(data, parent, cb, { finish: () => this.finishSchedule() }) ?? true;
  }

  rollback(data: DataObject, parent: DataObject, rollbackData?: unknown): ServiceResult {
    return this.body.rollback ? this.body.rollback(data, parent, rollbackData) : true;
  }

  finishSchedule(): void {
    this.done = true;
  }

  isScheduleFinished(): boolean {
    return this.done;
  }

  setupRuntimeAttrs(attrs: RuntimeAttrs): void {
    this.attrs = attrs;
  }
}

function component(
  code: string,
  body: Body,
  flags: { needSchedule?: boolean; multi?: boolean; interval?: number } = {},
): ComponentDefinition {
  return {
    code,
    version: 'legacy',
    name: code,
    needSchedule: flags.needSchedule ?? false,
    multiCallbackEnabled: flags.multi ?? false,
    needRunHook: false,
    createInterval: (): IntervalGenerator | null =>
      flags.interval === undefined ? null : { count: 0, next: () => flags.interval! },
    createService: () => new TestService(body),
  };
}

const echoInputs = (data: DataObject) => {
  for (const [key, value] of Object.entries(data.inputs)) if (!key.startsWith('_')) data.outputs[key] = value;
  return true;
};

/** Counts calls so that scenarios can prove a service ran exactly once per attempt. */
export const serviceCalls: Record<string, number> = {};
const counted = (code: string, body: Body): Body => ({
  ...body,
  execute: (data, parent, attrs) => {
    serviceCalls[code] = (serviceCalls[code] ?? 0) + 1;
    return body.execute ? body.execute(data, parent, attrs) : true;
  },
});

/** Components of the conformance suite (spec 07 shapes, written directly against the port). */
export const TEST_COMPONENTS: ComponentDefinition[] = [
  component('echo', counted('echo', { execute: echoInputs })),
  component('debug_node', { execute: echoInputs }),
  component('empty_node', { execute: echoInputs }),
  component('fail_ctrl_node', { execute: echoInputs }),
  component('fail_unless_ok', {
    execute: (data) => {
      echoInputs(data);
      if (data.inputs.ok) return true;
      data.outputs.ex_data = 'asked to fail';
      return false;
    },
  }),
  component('throw', {
    execute: () => {
      throw new Error('component exploded');
    },
  }),
  component('fail_second_run', {
    execute: (data) => {
      echoInputs(data);
      return data.inputs._loop !== 2;
    },
  }),
  component(
    'poll',
    {
      schedule: (data, _parent, _cb, svc) => {
        const polls = Number(data.outputs.polls ?? 0) + 1;
        data.outputs.polls = polls;
        if (polls >= Number(data.inputs.times ?? 1)) svc.finish();
        return true;
      },
    },
    { needSchedule: true, interval: 2 },
  ),
  component(
    'wait_callback',
    {
      schedule: (data, _parent, cb) => {
        data.outputs.received = cb;
        return cb?.ok !== false;
      },
    },
    { needSchedule: true },
  ),
  component(
    'log_then_wait',
    {
      execute: (data, _parent, attrs) => {
        attrs.logger.info(`started ${typeof data.inputs.tag === 'string' ? data.inputs.tag : ''}`);
        attrs.logger.warn('waiting for a callback');
        return true;
      },
      schedule: () => true,
    },
    { needSchedule: true },
  ),
  component(
    'multi_callback',
    {
      schedule: (data, _parent, cb, svc) => {
        const received = [...((data.outputs.received as unknown[]) ?? []), cb];
        data.outputs.received = received;
        if (received.length >= Number(data.inputs.expected ?? 1)) svc.finish();
        return true;
      },
    },
    { needSchedule: true, multi: true },
  ),
];

/** Component rollback calls (spec 07 `rollback`), in call order; nodes tell themselves apart by `tag`. */
export const rollbackCalls: Array<{ tag: unknown; outputs: DataRecord; parent: DataRecord; rollbackData: unknown }> =
  [];
const failedRollbacks = new Set<unknown>();
const recordRollback = (data: DataObject, parent: DataObject, rollbackData: unknown) => {
  rollbackCalls.push({
    tag: data.inputs.tag,
    outputs: { ...data.outputs },
    parent: { ...parent.inputs },
    rollbackData,
  });
  return true;
};

TEST_COMPONENTS.push(
  component('rollback_recorder', { execute: echoInputs, rollback: recordRollback }),
  component('rollback_fails_once', {
    execute: echoInputs,
    rollback: (data, parent, rollbackData) => {
      recordRollback(data, parent, rollbackData);
      if (failedRollbacks.has(data.inputs.tag)) return true;
      failedRollbacks.add(data.inputs.tag);
      return false;
    },
  }),
  component(
    'rollback_recorder_wait',
    { execute: echoInputs, schedule: () => true, rollback: recordRollback },
    { needSchedule: true },
  ),
);

/** Lazy variables: `upper` (value upper-cased) and `tick` (a counter, to observe memoisation). */
let ticks = 0;
export const TEST_LAZY_VARIABLES: LazyVariableDefinition[] = [
  { code: 'upper', name: 'upper', getValue: ({ value }) => String(value).toUpperCase() },
  { code: 'tick', name: 'tick', getValue: () => ++ticks },
  {
    code: 'boom',
    name: 'boom',
    getValue: () => {
      throw new Error('lazy exploded');
    },
  },
];

/** Calls of the executable end events, in order. */
export const endEventCalls: Array<{ type: string; stack: string[]; root: string }> = [];
export const TEST_END_EVENTS: EndEventDefinition[] = [
  {
    type: 'RecordingEndEvent',
    execute: (stack, root) => void endEventCalls.push({ type: 'RecordingEndEvent', stack, root }),
  },
  {
    type: 'FailingEndEvent',
    execute: () => {
      throw new Error('end event exploded');
    },
  },
];

/** A catalog over the suite's components. */
export function conformanceCatalog(): ComponentCatalog {
  return {
    findComponent: (code, version) => TEST_COMPONENTS.find((c) => c.code === code && c.version === version),
    findLazyVariable: (code) => TEST_LAZY_VARIABLES.find((v) => v.code === code),
    findEndEvent: (type) => TEST_END_EVENTS.find((e) => e.type === type),
    endEventTypes: () => TEST_END_EVENTS.map((e) => e.type),
  };
}

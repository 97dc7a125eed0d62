import { Component, ComponentRegistry, registerBuiltinComponents, Service } from '@bamboo/component-framework';
import type { DataObject, DataRecord, ServiceResult } from '@bamboo/engine';

/** Copies inputs to outputs. */
@Component({ code: 'e2e_echo', name: 'Echo', registerIgnore: true })
export class EchoService extends Service {
  execute(data: DataObject): ServiceResult {
    for (const [key, value] of Object.entries(data.inputs)) if (!key.startsWith('_')) data.outputs[key] = value;
    this.runtime.logger.info(`echoed ${Object.keys(data.inputs).length} inputs`);
    return true;
  }
}

/** Fails with ex_data unless its input `ok` is true: the operator's retry/skip target. */
@Component({ code: 'e2e_fail_unless_ok', name: 'Fail unless ok', registerIgnore: true })
export class FailUnlessOkService extends Service {
  execute(data: DataObject): ServiceResult {
    data.outputs.seen = data.inputs.ok ?? null;
    this.runtime.logger.info(`checked ok=${JSON.stringify(data.inputs.ok ?? null)}`);
    if (data.inputs.ok === true) return true;
    data.outputs.ex_data = 'input ok is not true';
    return false;
  }
}

/** Waits for callbacks (no interval) and finishes on one whose data says `done: true`. */
@Component({ code: 'e2e_until_done', name: 'Until done', registerIgnore: true })
export class UntilDoneService extends Service {
  static override needSchedule = true;

  execute(data: DataObject): ServiceResult {
    data.outputs.callbacks = 0;
    return true;
  }

  override schedule(data: DataObject, _parentData: DataObject, callbackData: DataRecord | null): ServiceResult {
    data.outputs.callbacks = Number(data.outputs.callbacks) + 1;
    data.outputs.last = callbackData;
    if (callbackData?.done === true) this.finishSchedule();
    return true;
  }
}

/** A registry with the built-ins and the e2e components, as a deployment would build it. */
export function e2eRegistry(): ComponentRegistry {
  const registry = new ComponentRegistry();
  registerBuiltinComponents(registry);
  registry.register(EchoService);
  registry.register(FailUnlessOkService);
  registry.register(UntilDoneService);
  return registry;
}

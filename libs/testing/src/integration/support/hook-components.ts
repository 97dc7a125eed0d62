import type { CallbackRecord, DataObject, DataRecord, ServiceResult } from '@bamboo/engine';
import { Component, ComponentRegistry, registerBuiltinComponents, Service } from '@bamboo/component-framework';

/** One observed call: a hook or `execute`/`schedule`, with the callback record a hook received. */
export interface HookCall {
  name: string;
  callback?: CallbackRecord | null;
}

/** Calls of the hooked components, in order; tests clear it before each run. */
export const hookCalls: HookCall[] = [];

function record(name: string, callback?: CallbackRecord | null): boolean {
  hookCalls.push(callback === undefined ? { name } : { name, callback });
  return true;
}

/**
 * Opts into every component hook of spec 08 §3.2. Inputs steer it: `fail` = 'execute' | 'schedule'
 * throws there; `rejectPostExecute` makes `postExecute` write to the outputs and return false
 * (its change must not be saved); `brokenFinish` makes `nodeFinish` throw.
 */
@Component({ code: 'hooked', name: 'hooked', registerIgnore: true })
export class HookedService extends Service {
  static override needRunHook = true;

  execute(data: DataObject): ServiceResult {
    record('execute');
    if (data.inputs.fail === 'execute') throw new Error('execute exploded');
    data.outputs.executed = true;
    return true;
  }

  override nodeEnter(data: DataObject): ServiceResult {
    data.outputs.entered = true;
    return record('nodeEnter');
  }
  override preExecute(): ServiceResult {
    return record('preExecute');
  }
  override postExecute(data: DataObject): ServiceResult {
    record('postExecute');
    if (!data.inputs.rejectPostExecute) return true;
    data.outputs.rejected = 'must not be saved';
    return false;
  }
  override nodeExecuteException(): ServiceResult {
    return record('nodeExecuteException');
  }
  override nodeExecuteFail(): ServiceResult {
    return record('nodeExecuteFail');
  }
  override preSchedule(): ServiceResult {
    return record('preSchedule');
  }
  override postSchedule(): ServiceResult {
    return record('postSchedule');
  }
  override nodeScheduleException(
    _data: DataObject,
    _parent: DataObject,
    callback?: CallbackRecord | null,
  ): ServiceResult {
    return record('nodeScheduleException', callback);
  }
  override nodeScheduleFail(_data: DataObject, _parent: DataObject, callback?: CallbackRecord | null): ServiceResult {
    return record('nodeScheduleFail', callback);
  }
  override nodeFinish(data: DataObject, _parent: DataObject, callback?: CallbackRecord | null): ServiceResult {
    record('nodeFinish', callback);
    data.outputs.finished_by_hook = true;
    if (data.inputs.brokenFinish) throw new Error('nodeFinish exploded');
    return true;
  }
}

/** The same hooks around a CALLBACK schedule. */
@Component({ code: 'hooked_callback', name: 'hooked callback', registerIgnore: true })
export class HookedCallbackService extends HookedService {
  static override needSchedule = true;

  override schedule(data: DataObject, _parent: DataObject, callbackData: DataRecord | null): ServiceResult {
    record('schedule');
    if (data.inputs.fail === 'schedule') throw new Error('schedule exploded');
    data.outputs.received = callbackData;
    return true;
  }
}

/** A registry with the built-ins and the hooked components. */
export function hookedRegistry(): ComponentRegistry {
  const registry = new ComponentRegistry();
  registerBuiltinComponents(registry);
  registry.register(HookedService);
  registry.register(HookedCallbackService);
  return registry;
}

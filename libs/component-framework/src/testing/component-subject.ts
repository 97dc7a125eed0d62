import type { ComponentDefinition, ComponentService, IntervalGenerator } from '@bamboo/engine';
import { errorStack } from '../errors';
import { createIntervalFor, instantiateService, type ServiceClass } from '../service';

/** What the kit needs to drive a component, from a service class or a registry definition. */
export interface ComponentSubject {
  label: string;
  needSchedule: boolean;
  multiCallbackEnabled: boolean;
  createInterval(): IntervalGenerator | null;
  createService(nodeName: string | null): ComponentService | Promise<ComponentService>;
}

export type ComponentTarget = ServiceClass | ComponentDefinition;

function isDefinition(target: ComponentTarget): target is ComponentDefinition {
  return typeof target === 'object' && target !== null && typeof target.createService === 'function';
}

export function toSubject(target: ComponentTarget): ComponentSubject {
  if (isDefinition(target)) {
    return {
      label: `${target.code}@${target.version}`,
      needSchedule: target.needSchedule,
      multiCallbackEnabled: target.multiCallbackEnabled,
      createInterval: () => target.createInterval(),
      createService: (nodeName) => target.createService(nodeName),
    };
  }
  return {
    label: target.name,
    needSchedule: target.needSchedule,
    multiCallbackEnabled: target.multiCallbackEnabled,
    createInterval: () => createIntervalFor(target),
    createService: (nodeName) => instantiateService(target, nodeName),
  };
}

/** Delay in seconds after the k-th schedule call, computed the way the engine does (spec 07 §2.4). */
export function delayAfterCall(subject: ComponentSubject, k: number): number {
  const generator = subject.createInterval();
  if (!generator) return 0;
  generator.count = k - 1;
  const delay = generator.next();
  return typeof delay === 'number' && Number.isFinite(delay) && delay > 0 ? delay : 0;
}

/** `true` or nothing is success (spec 07 §2.1). */
export function isSuccess(result: unknown): boolean {
  return result === true || result === undefined || result === null;
}

export function formatError(error: unknown): string {
  return errorStack(error);
}

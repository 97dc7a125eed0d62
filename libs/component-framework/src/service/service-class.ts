import type { IntervalGenerator as IntervalGeneratorPort } from '@bamboo/engine';
import type { IntervalFactory } from '../interval';
import type { Service } from './service';

/** A class-validator DTO class validating a component's inputs (see `checkServiceInputs`). */
export type InputsSchemaClass = new () => object;

/** A concrete class extending `Service`, with the static flags of spec 07 §2.1. */
export interface ServiceClass<T extends Service = Service> {
  new (...args: never[]): T;
  readonly name: string;
  needSchedule: boolean;
  multiCallbackEnabled: boolean;
  needRunHook: boolean;
  interval: IntervalFactory | IntervalGeneratorPort | null;
  inputsSchema: InputsSchemaClass | null;
}

/** Builds an instance the way the engine does: `new Cls(nodeName)`. */
export function instantiateService<T extends Service>(cls: ServiceClass<T>, nodeName?: string | null): T {
  const ctor = cls as unknown as new (name?: string | null) => T;
  return new ctor(nodeName ?? null);
}

/** A fresh generator for one call: factories are called, shared instances are copied (spec 07 §2.1). */
export function createIntervalFor(cls: ServiceClass): IntervalGeneratorPort | null {
  const interval = cls.interval;
  if (interval === null || interval === undefined) return null;
  if (typeof interval === 'function') return interval();
  const copy = Object.create(Object.getPrototypeOf(interval) as object) as IntervalGeneratorPort;
  return Object.assign(copy, structuredClone({ ...interval }));
}

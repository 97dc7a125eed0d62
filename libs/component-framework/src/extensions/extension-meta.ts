import { getOwnMetadata } from '../metadata';

export const VARIABLE_METADATA = 'bamboo:variable';
export const END_EVENT_METADATA = 'bamboo:end-event';

export interface VariableOptions {
  code: string;
  name: string;
  registerIgnore?: boolean;
}

export interface EndEventOptions {
  /** The tree `type` of end events this class handles. */
  type: string;
  registerIgnore?: boolean;
}

export type VariableMeta = Required<VariableOptions>;
export type EndEventMeta = Required<EndEventOptions>;

export function getVariableMeta(target: unknown): VariableMeta | undefined {
  return getOwnMetadata<VariableMeta>(target, VARIABLE_METADATA);
}

export function getEndEventMeta(target: unknown): EndEventMeta | undefined {
  return getOwnMetadata<EndEventMeta>(target, END_EVENT_METADATA);
}

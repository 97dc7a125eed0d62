import { ComponentDeclarationError } from '../errors';
import { defineOwnMetadata } from '../metadata';
import { defaultRegistry } from '../registry/default-registry';
import { ExecutableEndEvent, type EndEventClass } from './executable-end-event';
import {
  END_EVENT_METADATA,
  type EndEventMeta,
  type EndEventOptions,
  VARIABLE_METADATA,
  type VariableMeta,
  type VariableOptions,
} from './extension-meta';
import { LazyVariable, type LazyVariableClass } from './lazy-variable';

function check(ok: boolean, decorator: string, className: string, problem: string): void {
  if (!ok) throw new ComponentDeclarationError(`${decorator} on ${className}: ${problem}`, { className });
}

function nonEmpty(value: unknown): boolean {
  return typeof value === 'string' && value.trim() !== '';
}

/** Declares a lazy variable type (`custom_type` in trees) on a class extending `LazyVariable`. */
export function Variable(options: VariableOptions): (target: LazyVariableClass) => void {
  return (target) => {
    const className = target.name || '<anonymous class>';
    check(target.prototype instanceof LazyVariable, '@Variable', className, 'the class must extend LazyVariable');
    check(nonEmpty(options.code), '@Variable', className, 'code must be a non-empty string');
    check(nonEmpty(options.name), '@Variable', className, 'name must be a non-empty string');
    const meta: VariableMeta = { code: options.code, name: options.name, registerIgnore: !!options.registerIgnore };
    defineOwnMetadata(target, VARIABLE_METADATA, Object.freeze(meta));
    if (!meta.registerIgnore) defaultRegistry.registerVariable(target);
  };
}

/** Declares an executable end event type on a class extending `ExecutableEndEvent`. */
export function EndEvent(options: EndEventOptions): (target: EndEventClass) => void {
  return (target) => {
    const className = target.name || '<anonymous class>';
    check(
      target.prototype instanceof ExecutableEndEvent,
      '@EndEvent',
      className,
      'the class must extend ExecutableEndEvent',
    );
    check(nonEmpty(options.type), '@EndEvent', className, 'type must be a non-empty string');
    const meta: EndEventMeta = { type: options.type, registerIgnore: !!options.registerIgnore };
    defineOwnMetadata(target, END_EVENT_METADATA, Object.freeze(meta));
    if (!meta.registerIgnore) defaultRegistry.registerEndEvent(target);
  };
}

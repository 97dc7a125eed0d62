import { type ComponentMeta, type ComponentOptions, COMPONENT_METADATA, LEGACY_VERSION } from './component-meta';
import { ComponentDeclarationError } from './errors';
import { defineOwnMetadata } from './metadata';
import { defaultRegistry } from './registry/default-registry';
import { Service, type ServiceClass } from './service';

function requireText(value: unknown, field: string, className: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ComponentDeclarationError(`@Component on ${className}: ${field} must be a non-empty string`, {
      className,
      field,
    });
  }
  return value;
}

/**
 * Declares a component on its service class (spec 07 §8.1): validates the declaration, records it
 * under `bamboo:component` and registers the class in the default registry unless `registerIgnore`.
 * Errors are thrown while the module is imported, naming the class.
 */
export function Component(options: ComponentOptions): (target: ServiceClass) => void {
  return (target) => {
    const className = typeof target === 'function' ? target.name || '<anonymous class>' : String(target);
    if (typeof target !== 'function' || !(target.prototype instanceof Service)) {
      throw new ComponentDeclarationError(`@Component on ${className}: the class must extend Service`, { className });
    }
    const meta: ComponentMeta = {
      code: requireText(options.code, 'code', className),
      name: requireText(options.name, 'name', className),
      version: options.version === undefined ? LEGACY_VERSION : requireText(options.version, 'version', className),
      isDefaultVersion: options.isDefaultVersion ?? false,
      groupName: options.groupName ?? '',
      groupIcon: options.groupIcon ?? '',
      desc: options.desc ?? '',
      base: options.base ?? '',
      form: options.form ?? null,
      outputForm: options.outputForm ?? null,
      embeddedForm: options.embeddedForm ?? false,
      registerIgnore: options.registerIgnore ?? false,
    };
    defineOwnMetadata(target, COMPONENT_METADATA, Object.freeze(meta));
    if (!meta.registerIgnore) defaultRegistry.register(target);
  };
}

import { Component, type ComponentRegistry, Service } from '@bamboo/component-framework';
import type { DataObject, ServiceResult } from '@bamboo/engine';

/**
 * The benchmark fixture's component code: the bench's own debug_node polls and logs, which the graph
 * tests do not need, so a plain echo stands in under the same code.
 */
@Component({ code: 'debug_node', name: 'Debug node (console e2e echo)', registerIgnore: true })
export class DebugNodeEcho extends Service {
  execute(data: DataObject): ServiceResult {
    for (const [key, value] of Object.entries(data.inputs)) if (!key.startsWith('_')) data.outputs[key] = value;
    return true;
  }
}

/** Adds the console scenarios' extra components to the API's e2e registry. */
export function registerConsoleComponents(registry: ComponentRegistry): void {
  registry.register(DebugNodeEcho);
}

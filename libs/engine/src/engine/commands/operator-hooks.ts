import type { PipelineEvent } from '@bamboo/signals';
import type { CallbackRecord, ComponentHookName } from '../../component';
import { publishSignal } from '../../process/signal-publishing';
import { DataObject } from '../../component';
import type { NodeDefinition } from '../../runtime/node-definition';
import type { ExecutionData } from '../../runtime/runtime-records';
import type { CommandContext } from './command-context';

/**
 * Hooks around an operator command (spec 08 §3–§4): runtime hook events (`pipeline_event` with
 * `event_type = pre_x / post_x`) and, for ServiceActivity nodes whose component opted in, the
 * read-only component hooks. Nothing here can change the command's outcome: failures are logged.
 */
export class OperatorHooks {
  constructor(private readonly ctx: CommandContext) {}

  /** A runtime hook event, published when pipeline events are enabled (spec 08 §4, §6.3). */
  async event(event: PipelineEvent): Promise<void> {
    if (!this.ctx.services.settings.enablePipelineEventSignals) return;
    await publishSignal(this.ctx.services, { name: 'pipeline_event', payload: { event } });
  }

  /** A component hook on the node's service with its execution data; skipped unless opted in. */
  async component(
    name: ComponentHookName,
    node: NodeDefinition | undefined,
    data: ExecutionData | undefined,
    callback: CallbackRecord | null = null,
  ): Promise<void> {
    if (node?.type !== 'ServiceActivity') return;
    const { services, runs } = this.ctx;
    try {
      const definition = services.catalog.findComponent(node.component.code, node.component.version);
      if (!definition?.needRunHook) return;
      const service = await definition.createService(node.name);
      const hook = service[name];
      if (!hook) return;
      const run = await runs.get(node.rootPipelineId);
      // Commands that did not read the execution data (callback) read it only for an opted-in hook.
      const current = data ?? (await services.runtime.getExecutionData(node.id));
      const dataObject = new DataObject({ ...current?.inputs }, { ...current?.outputs });
      await hook.call(service, dataObject, new DataObject({ ...run.rootPipelineData }, {}), callback);
    } catch (error) {
      services.logger.warn(`hook ${name} failed`, { nodeId: node.id, error: String(error) });
    }
  }
}

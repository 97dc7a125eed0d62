import type { DataObject, ServiceResult } from '@bamboo/engine';
import { Component, Service, StaticIntervalGenerator } from '@bamboo/component-framework';

/**
 * The benchmark activity of bamboo-engine: it echoes its inputs, logs, and polls once at once, so
 * every activity costs one execute step and one schedule step, like the reference figures.
 */
@Component({ code: 'debug_node', name: 'Debug node' })
export class DebugNodeService extends Service {
  static override needSchedule = true;
  static override interval = (): StaticIntervalGenerator => new StaticIntervalGenerator(0);

  execute(data: DataObject): ServiceResult {
    for (const [key, value] of Object.entries(data.inputs)) data.outputs[key] = value;
    this.runtime.logger.info(`debug_node ${this.runtime.id} execute`);
    this.runtime.logger.info(`debug_node inputs: ${Object.keys(data.inputs).join(',')}`);
    return true;
  }

  override schedule(): ServiceResult {
    this.runtime.logger.info(`debug_node ${this.runtime.id} schedule`);
    this.runtime.logger.info('debug_node schedule finished');
    this.finishSchedule();
    return true;
  }
}

import { appendFileSync } from 'node:fs';
import type { DataObject, ServiceResult } from '@bamboo/engine';
import { Component, Service, StaticIntervalGenerator } from '@bamboo/component-framework';

/**
 * bench's `debug_node` (echo inputs, poll once) that also appends `node_id version pid` to the
 * execute log before returning. appendFileSync with O_APPEND writes each short line in one write(2),
 * so the lines of two workers never interleave and a SIGKILL never leaves half a line behind.
 */
@Component({ code: 'debug_node', name: 'Debug node (counting)', registerIgnore: true })
export class CountingDebugNodeService extends Service {
  static override needSchedule = true;
  static override interval = (): StaticIntervalGenerator => new StaticIntervalGenerator(0);

  execute(data: DataObject): ServiceResult {
    const log = process.env.CHAOS_EXECUTE_LOG;
    if (log !== undefined) appendFileSync(log, `${this.runtime.id}\t${this.runtime.version}\t${process.pid}\n`);
    for (const [key, value] of Object.entries(data.inputs)) data.outputs[key] = value;
    return true;
  }

  override schedule(): ServiceResult {
    this.finishSchedule();
    return true;
  }
}

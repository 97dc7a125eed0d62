import type { DataObject, ServiceResult } from '@bamboo/engine';
import { Component } from '../component.decorator';
import { StaticIntervalGenerator } from '../interval';
import { InputItem, OutputItem } from '../items';
import { Service } from '../service';
import { toNumber } from './input-coercion';

/**
 * Waits `seconds` without holding a worker: execute stores the due time, and each POLL schedule
 * (every second, the poll granularity) finishes once the engine clock has reached it. The due time
 * lives in the outputs because every call gets a fresh instance (spec 07 §2.3 rule 7).
 */
@Component({ code: 'bamboo_sleep_timer', name: 'Sleep timer', groupName: 'Bamboo' })
export class SleepTimerService extends Service {
  static override needSchedule = true;
  static override interval = (): StaticIntervalGenerator => new StaticIntervalGenerator(1);

  execute(data: DataObject): ServiceResult {
    const seconds = toNumber(data.getOneOfInputs('seconds'));
    if (seconds === undefined || seconds < 0) {
      data.outputs.ex_data = `seconds must be a number >= 0, got ${JSON.stringify(data.getOneOfInputs('seconds'))}`;
      return false;
    }
    data.outputs.due_at = new Date(this.now() + seconds * 1000).toISOString();
    return true;
  }

  override schedule(data: DataObject): ServiceResult {
    const dueAt = Date.parse(String(data.getOneOfOutputs('due_at')));
    if (Number.isNaN(dueAt)) {
      data.outputs.ex_data = 'due_at is missing from the saved outputs; execute did not run';
      return false;
    }
    if (this.now() >= dueAt) this.finishSchedule();
    return true;
  }

  override inputsFormat(): InputItem[] {
    return [new InputItem({ name: 'seconds to wait', key: 'seconds', type: 'float', required: true })];
  }

  override outputsFormat(): OutputItem[] {
    return [new OutputItem({ name: 'due time (ISO 8601)', key: 'due_at', type: 'string' })];
  }
}

import type { DataObject, ServiceResult } from '@bamboo/engine';
import { Component, InputItem, OutputItem, Service, StaticIntervalGenerator } from '@bamboo/component-framework';

/** Seconds between two polls. */
export const BATCH_EXPORT_POLL_SECONDS = 2;

/**
 * Polling component: exports `rows` rows to `exports/<target>.csv` in batches of `batch_size`, one batch per poll, without
 * holding a worker between batches. Progress lives in the outputs because every call gets a fresh
 * service instance.
 */
@Component({ code: 'demo_batch_export', name: 'Batch export', version: '1.0', groupName: 'Bamboo examples' })
export class BatchExportService extends Service {
  static override needSchedule = true;
  static override interval = (): StaticIntervalGenerator => new StaticIntervalGenerator(BATCH_EXPORT_POLL_SECONDS);

  execute(data: DataObject): ServiceResult {
    const rows = Number(data.getOneOfInputs('rows'));
    const batchSize = Number(data.getOneOfInputs('batch_size', 100));
    if (!Number.isInteger(rows) || rows < 0) {
      data.outputs.ex_data = `rows must be an integer >= 0, got ${JSON.stringify(data.getOneOfInputs('rows'))}`;
      return false;
    }
    if (!Number.isInteger(batchSize) || batchSize <= 0) {
      data.outputs.ex_data = `batch_size must be an integer > 0, got ${JSON.stringify(batchSize)}`;
      return false;
    }
    const target = String(data.getOneOfInputs('target', 'export'));
    data.outputs.location = `exports/${target}.csv`;
    data.outputs.exported = 0;
    data.outputs.batches = 0;
    this.logger.info(`exporting ${rows} rows to ${target} in batches of ${batchSize}`);
    return true;
  }

  override schedule(data: DataObject): ServiceResult {
    const rows = Number(data.getOneOfInputs('rows'));
    const batchSize = Number(data.getOneOfInputs('batch_size', 100));
    const exported = Number(data.getOneOfOutputs('exported', 0));
    if (exported < rows) {
      data.outputs.exported = Math.min(rows, exported + batchSize);
      data.outputs.batches = Number(data.getOneOfOutputs('batches', 0)) + 1;
    }
    if (data.outputs.exported === rows) this.finishSchedule();
    return true;
  }

  override inputsFormat(): InputItem[] {
    return [
      new InputItem({ name: 'rows to export', key: 'rows', type: 'int', required: true }),
      new InputItem({ name: 'rows per batch', key: 'batch_size', type: 'int', required: false }),
      new InputItem({ name: 'export name', key: 'target', type: 'string', required: false }),
    ];
  }

  override outputsFormat(): OutputItem[] {
    return [
      new OutputItem({ name: 'export file', key: 'location', type: 'string' }),
      new OutputItem({ name: 'rows exported so far', key: 'exported', type: 'int' }),
      new OutputItem({ name: 'batches exported so far', key: 'batches', type: 'int' }),
    ];
  }
}

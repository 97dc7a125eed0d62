import { describeComponent, FakeClock, runComponent } from '@bamboo/component-framework/testing';
import { BATCH_EXPORT_POLL_SECONDS, BatchExportService } from './batch-export.component';

describeComponent(BatchExportService, [
  {
    name: 'exports one batch per poll and finishes with the last one',
    inputs: { rows: 250, batch_size: 100, target: 'orders' },
    executeAssertion: { success: true, outputs: { location: 'exports/orders.csv', exported: 0, batches: 0 } },
    scheduleAssertion: [
      {
        success: true,
        outputs: { location: 'exports/orders.csv', exported: 100, batches: 1 },
        scheduleFinished: false,
      },
      {
        success: true,
        outputs: { location: 'exports/orders.csv', exported: 200, batches: 2 },
        scheduleFinished: false,
      },
      { success: true, outputs: { location: 'exports/orders.csv', exported: 250, batches: 3 }, scheduleFinished: true },
    ],
  },
  {
    name: 'finishes at the first poll when there is nothing to export',
    inputs: { rows: 0 },
    executeAssertion: { success: true, outputs: { location: 'exports/export.csv', exported: 0, batches: 0 } },
    scheduleAssertion: {
      success: true,
      outputs: { location: 'exports/export.csv', exported: 0, batches: 0 },
      scheduleFinished: true,
    },
  },
  {
    name: 'rejects a negative row count',
    inputs: { rows: -1 },
    executeAssertion: { success: false, outputs: { ex_data: 'rows must be an integer >= 0, got -1' } },
  },
  {
    name: 'rejects a zero batch size',
    inputs: { rows: 10, batch_size: 0 },
    executeAssertion: { success: false, outputs: { ex_data: 'batch_size must be an integer > 0, got 0' } },
  },
]);

describe('demo_batch_export polling', () => {
  it('polls every two seconds of (fake) time and logs its plan', async () => {
    const clock = new FakeClock(Date.UTC(2024, 0, 1));
    const run = await runComponent(BatchExportService, { inputs: { rows: 5, batch_size: 2 }, clock });
    expect(run.mode).toBe('poll');
    expect(run.state).toBe('FINISHED');
    expect(run.schedules.map((s) => s.outputs.exported)).toEqual([2, 4, 5]);
    expect(run.schedules.map((s) => s.at - run.execute.at)).toEqual([
      0,
      BATCH_EXPORT_POLL_SECONDS * 1000,
      2 * BATCH_EXPORT_POLL_SECONDS * 1000,
    ]);
    expect(run.logs.map((line) => line.message)).toContain('exporting 5 rows to export in batches of 2');
  });
});

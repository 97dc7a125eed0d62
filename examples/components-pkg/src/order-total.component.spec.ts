import { describeComponent, runComponent } from '@bamboo/component-framework/testing';
import { OrderTotalService } from './order-total.component';

const lines = [
  { sku: 'tea', quantity: 2, unitPrice: 3.1 },
  { sku: 'cup', quantity: 1, unitPrice: 0.7 },
];

describeComponent(OrderTotalService, [
  {
    name: 'sums lines in cents',
    inputs: { lines },
    executeAssertion: { success: true, outputs: { item_count: 3, total_cents: 690 } },
  },
  {
    name: 'applies a percentage discount, rounded to the cent',
    inputs: { lines, discount_percent: 15 },
    executeAssertion: { success: true, outputs: { item_count: 3, total_cents: 586 } },
  },
  {
    name: 'rejects an empty order',
    inputs: { lines: [] },
    executeAssertion: {
      success: false,
      outputs: { ex_data: 'lines must be a non-empty list of {sku, quantity, unitPrice}' },
    },
  },
  {
    name: 'names the invalid line',
    inputs: { lines: [lines[0], { sku: 'cup', quantity: 0, unitPrice: 1 }] },
    executeAssertion: {
      success: false,
      outputs: { ex_data: 'line 1 is invalid: {"sku":"cup","quantity":0,"unitPrice":1}' },
    },
  },
  {
    name: 'rejects a discount above 100%',
    inputs: { lines, discount_percent: 120 },
    executeAssertion: { success: false, outputs: { ex_data: 'discount_percent must be between 0 and 100, got 120' } },
  },
]);

describe('demo_order_total', () => {
  it('runs without a schedule phase', async () => {
    const run = await runComponent(OrderTotalService, { inputs: { lines } });
    expect(run.mode).toBe('none');
    expect(run.state).toBe('FINISHED');
    expect(run.schedules).toEqual([]);
  });
});

import type { DataObject, ServiceResult } from '@bamboo/engine';
import { Component, InputItem, IntItemSchema, OutputItem, Service } from '@bamboo/component-framework';

interface OrderLine {
  sku: string;
  quantity: number;
  unitPrice: number;
}

function isOrderLine(value: unknown): value is OrderLine {
  if (value === null || typeof value !== 'object') return false;
  const line = value as Record<string, unknown>;
  return (
    typeof line.sku === 'string' &&
    Number.isInteger(line.quantity) &&
    (line.quantity as number) > 0 &&
    typeof line.unitPrice === 'number' &&
    Number.isFinite(line.unitPrice)
  );
}

/**
 * Synchronous component: prices an order (lines times unit prices, minus a percentage discount).
 * Works in cents so that outputs are exact integers, whatever the floating-point inputs.
 */
@Component({ code: 'demo_order_total', name: 'Order total', version: '1.0', groupName: 'Bamboo examples' })
export class OrderTotalService extends Service {
  execute(data: DataObject): ServiceResult {
    const lines = data.getOneOfInputs<unknown>('lines', []);
    if (!Array.isArray(lines) || lines.length === 0) {
      data.outputs.ex_data = 'lines must be a non-empty list of {sku, quantity, unitPrice}';
      return false;
    }
    const invalid = lines.findIndex((line) => !isOrderLine(line));
    if (invalid >= 0) {
      data.outputs.ex_data = `line ${invalid} is invalid: ${JSON.stringify(lines[invalid])}`;
      return false;
    }
    const discount = Number(data.getOneOfInputs('discount_percent', 0));
    if (!Number.isFinite(discount) || discount < 0 || discount > 100) {
      data.outputs.ex_data = `discount_percent must be between 0 and 100, got ${String(discount)}`;
      return false;
    }
    const gross = (lines as OrderLine[]).reduce(
      (sum, line) => sum + line.quantity * Math.round(line.unitPrice * 100),
      0,
    );
    data.outputs.item_count = (lines as OrderLine[]).reduce((sum, line) => sum + line.quantity, 0);
    data.outputs.total_cents = gross - Math.round((gross * discount) / 100);
    return true;
  }

  override inputsFormat(): InputItem[] {
    return [
      new InputItem({ name: 'order lines', key: 'lines', type: 'array', required: true }),
      new InputItem({
        name: 'discount (%)',
        key: 'discount_percent',
        type: 'int',
        required: false,
        schema: new IntItemSchema({ description: '0 to 100' }),
      }),
    ];
  }

  override outputsFormat(): OutputItem[] {
    return [
      new OutputItem({ name: 'number of items', key: 'item_count', type: 'int' }),
      new OutputItem({ name: 'total in cents', key: 'total_cents', type: 'int' }),
    ];
  }
}

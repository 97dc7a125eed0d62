import type { DataObject, DataRecord, ServiceResult } from '@bamboo/engine';
import { Component } from '../component.decorator';
import { OutputItem } from '../items';
import { Service } from '../service';

/**
 * Waits for one external callback (CALLBACK schedule) and outputs its data. A callback whose data
 * carries `result: false` fails the node, with its `message` as `ex_data`, so external systems can
 * report failure through the same endpoint.
 */
@Component({ code: 'bamboo_wait_callback', name: 'Wait for callback', groupName: 'Bamboo' })
export class WaitCallbackService extends Service {
  static override needSchedule = true;

  execute(): ServiceResult {
    return true;
  }

  override schedule(data: DataObject, _parentData: DataObject, callbackData: DataRecord | null): ServiceResult {
    if (callbackData === null || typeof callbackData !== 'object') {
      data.outputs.ex_data = 'no callback data received';
      return false;
    }
    data.outputs.callback_data = callbackData;
    if (callbackData.result === false) {
      const message = callbackData.message;
      data.outputs.ex_data = typeof message === 'string' && message !== '' ? message : 'callback reported failure';
      return false;
    }
    return true;
  }

  override outputsFormat(): OutputItem[] {
    return [new OutputItem({ name: 'callback data', key: 'callback_data', type: 'object' })];
  }
}

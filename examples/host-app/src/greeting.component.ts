import type { DataObject, ServiceResult } from '@bamboo/engine';
import { Component, InputItem, OutputItem, Service } from '@bamboo/component-framework';
import { GreeterDirectory } from './greeter-directory';

/**
 * Built by Nest (listed in `components`), so its constructor receives the host's GreeterDirectory.
 * `registerIgnore` keeps it out of the process-wide registry: the app passes its own.
 */
@Component({ code: 'host_greeting', name: 'Greeting', version: '1.0', groupName: 'Host app', registerIgnore: true })
export class GreetingService extends Service {
  constructor(private readonly directory: GreeterDirectory) {
    super();
  }

  execute(data: DataObject): ServiceResult {
    const customer = data.getOneOfInputs<string>('customer', '');
    const orderId = data.getOneOfInputs<string>('order_id', '');
    if (customer === '' || orderId === '') {
      data.outputs.ex_data = 'customer and order_id are required';
      return false;
    }
    data.outputs.message = this.directory.greet(customer, orderId);
    return true;
  }

  override inputsFormat(): InputItem[] {
    return [
      new InputItem({ name: 'customer', key: 'customer', type: 'string', required: true }),
      new InputItem({ name: 'order id', key: 'order_id', type: 'string', required: true }),
    ];
  }

  override outputsFormat(): OutputItem[] {
    return [new OutputItem({ name: 'message', key: 'message', type: 'string' })];
  }
}

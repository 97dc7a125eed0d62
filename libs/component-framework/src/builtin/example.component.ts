import type { ServiceResult } from '@bamboo/engine';
import { Component } from '../component.decorator';
import type { OutputItem } from '../items';
import { Service } from '../service';

/** The component of the README quick start: succeeds without doing anything (as bamboo-pipeline ships it). */
@Component({ code: 'example_component', name: 'example component' })
export class ExampleComponentService extends Service {
  execute(): ServiceResult {
    return true;
  }

  override outputsFormat(): OutputItem[] {
    return [];
  }
}

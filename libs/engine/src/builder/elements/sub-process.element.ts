import { type PipelineData, type Variable } from '../../model';
import { type Data, type Params } from '../data/data';
import { type Var } from '../data/var';
import { Element, type ElementOptions } from './element';
import { type EmptyStartEvent } from './start-event.element';

export interface SubProcessOptions extends ElementOptions {
  /** Start of the nested graph; the nested pipeline's id will be this node's id. */
  start: EmptyStartEvent;
  data?: Data | PipelineData;
  params?: Params | Record<string, Var | Variable>;
}

export class SubProcess extends Element {
  start: EmptyStartEvent;
  data?: Data | PipelineData;
  params: Params | Record<string, Var | Variable>;

  constructor(opts: SubProcessOptions) {
    super(opts);
    this.start = opts.start;
    this.data = opts.data;
    this.params = opts.params ?? {};
  }

  type(): 'SubProcess' {
    return 'SubProcess';
  }
}

import { type LoopConfig, type TimeoutConfig, type Variable } from '../../model';
import { type Var } from '../data/var';
import { Element, type ElementOptions } from './element';

export interface ServiceActivityOptions extends ElementOptions {
  componentCode?: string;
  componentVersion?: string;
  errorIgnorable?: boolean;
  /** Deprecated in the tree format (ignored by the engine); kept for shape compatibility. */
  timeout?: number | null;
  skippable?: boolean;
  retryable?: boolean;
  loopConfig?: LoopConfig;
  timeoutConfig?: TimeoutConfig;
}

export interface BuilderComponent {
  code: string | null;
  version?: string;
  /** Plain input names (`param_1`), set after construction: `act.component.inputs.x = new Var(...)`. */
  inputs: Record<string, Var | Variable>;
}

export class ServiceActivity extends Element {
  component: BuilderComponent;
  errorIgnorable: boolean;
  timeout: number | null;
  skippable: boolean;
  retryable: boolean;
  loopConfig?: LoopConfig;
  timeoutConfig?: TimeoutConfig;

  constructor(opts: ServiceActivityOptions = {}) {
    super(opts);
    this.component = { code: opts.componentCode ?? null, inputs: {} };
    if (opts.componentVersion !== undefined) this.component.version = opts.componentVersion;
    this.errorIgnorable = opts.errorIgnorable ?? false;
    this.timeout = opts.timeout ?? null;
    this.skippable = opts.skippable ?? true;
    this.retryable = opts.retryable ?? true;
    this.loopConfig = opts.loopConfig;
    this.timeoutConfig = opts.timeoutConfig;
  }

  type(): 'ServiceActivity' {
    return 'ServiceActivity';
  }
}

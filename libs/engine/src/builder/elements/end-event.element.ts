import { Element, type ElementOptions } from './element';

export class EmptyEndEvent extends Element {
  type(): 'EmptyEndEvent' {
    return 'EmptyEndEvent';
  }
}

/** An end event whose `type` is the registered name of a custom executable end-event handler. */
export class ExecutableEndEvent extends Element {
  private readonly endType: string;

  constructor(opts: ElementOptions & { type: string }) {
    super(opts);
    this.endType = opts.type;
  }

  type(): string {
    return this.endType;
  }
}

export function isEndEvent(element: Element): element is EmptyEndEvent | ExecutableEndEvent {
  return element instanceof EmptyEndEvent || element instanceof ExecutableEndEvent;
}

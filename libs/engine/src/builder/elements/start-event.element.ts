import { Element } from './element';

export class EmptyStartEvent extends Element {
  type(): 'EmptyStartEvent' {
    return 'EmptyStartEvent';
  }
}

import { Element } from './element';

/** Forks one child process per outgoing branch. */
export class ParallelGateway extends Element {
  type(): 'ParallelGateway' {
    return 'ParallelGateway';
  }
}

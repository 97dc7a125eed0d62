import { Element } from './element';

/** Joins the branches of a diverging gateway. */
export class ConvergeGateway extends Element {
  type(): 'ConvergeGateway' {
    return 'ConvergeGateway';
  }
}

import { TreeInvalidError } from '../../model/tree-invalid.error';

export const TREE_CONVERGE_MATCH = 'TREE_CONVERGE_MATCH';

/** Messages of spec 05 §5.5, by the ids the spec gives them. */
export const CONVERGE_MATCH_MESSAGES = {
  E0: 'cannot compute the distance of this gateway from the start event',
  E1: 'an exclusive gateway inside a parallel gateway must converge all of its branches into one converge gateway',
  E2: 'all branches of an exclusive gateway must first meet the same converge gateway',
  E3: 'invalid gateway, check whether its branches follow the rules',
  E4: 'a converge gateway can only converge branches of one parallel gateway',
  E5: 'the converge gateway does not converge all branches of its parallel gateway',
} as const;

export type ConvergeMatchRule = keyof typeof CONVERGE_MATCH_MESSAGES;

/** A diverging gateway cannot be paired with a converge gateway (spec 05 §5). */
export class ConvergeMatchError extends TreeInvalidError {
  readonly reason: string;

  constructor(
    readonly gatewayId: string,
    readonly rule: ConvergeMatchRule,
    extra?: string,
  ) {
    const reason = extra ? `${CONVERGE_MATCH_MESSAGES[rule]}, ${extra}` : CONVERGE_MATCH_MESSAGES[rule];
    super(TREE_CONVERGE_MATCH, `gateway ${gatewayId}: ${reason}`, { gateway_id: gatewayId, message: reason, rule });
    this.reason = reason;
  }
}

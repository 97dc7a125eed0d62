/** Parsed gateway rule (spec 04 §9.2); `and`/`or` chains are right-grouped. */
export type ConditionOperator = '==' | '!=' | '<' | '>' | '<=' | '>=' | 'in' | 'notin' | 'issuperset' | 'notissuperset';

export type ConditionScalar =
  | { kind: 'real'; value: number }
  | { kind: 'integer'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'path'; value: string };

export type ConditionOperand = { kind: 'scalar'; scalar: ConditionScalar } | { kind: 'list'; items: ConditionScalar[] };

export type ConditionNode =
  | { type: 'compare'; left: ConditionOperand; op: ConditionOperator; right: ConditionOperand }
  | { type: 'logic'; op: 'and' | 'or'; first: ConditionNode; rest: ConditionNode };

import * as ohm from 'ohm-js';

/**
 * Grammar of the gateway rule language (spec 04 §9.2). Keywords are case-insensitive; `and`/`or`
 * recurse to the right, which is what gives the language its right grouping (§9.3).
 */
const SOURCE = String.raw`
BoolRule {
  Expression = Condition (boolOp Expression)?
  Condition = Operand operator Operand  -- compare
            | "(" Expression ")"  -- group
  Operand = "(" NonemptyListOf<Scalar, ","> ")"  -- list
          | Scalar  -- scalar
  Scalar = real | integer | string | boolean | path

  boolOp = caseInsensitive<"and"> ~identChar | caseInsensitive<"or"> ~identChar
  operator = "==" | "!=" | "<=" | ">=" | "<" | ">"
           | caseInsensitive<"notissuperset"> ~identChar
           | caseInsensitive<"issuperset"> ~identChar
           | caseInsensitive<"notin"> ~identChar
           | caseInsensitive<"in"> ~identChar

  real = sign? realBody realExponent?
  realBody = digit+ "." digit*  -- whole
           | "." digit+  -- fraction
  realExponent = ("e" | "E") sign? digit+
  integer = sign? digit+ intExponent?
  intExponent = ("e" | "E") "+"? digit+
  sign = "+" | "-"
  string = "\"" (~("\"" | "\n") any)* "\""  -- double
         | "'" (~("'" | "\n") any)* "'"  -- single
  boolean = (caseInsensitive<"true"> | caseInsensitive<"false">) ~identChar
  path = ident ("." ident)*
  ident = ("$" "{")? "_"? asciiLetter identChar* "}"?
  identChar = asciiLetter | digit | "_"
  asciiLetter = "a".."z" | "A".."Z"
}
`;

export const conditionGrammar = ohm.grammar(SOURCE);

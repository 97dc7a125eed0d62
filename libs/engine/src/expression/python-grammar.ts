import * as ohm from 'ohm-js';

/**
 * Ohm grammar of the Python-expression subset (spec 04 §6.5). PEG with memoisation: parsing time is
 * linear in the input, so no input can trigger catastrophic backtracking. Statements, assignments,
 * dict/set literals and f-strings are simply not in the language.
 */
const SOURCE = String.raw`
PyExpr {
  Template = Expr Filters?
  Filters = "|" NonemptyListOf<filterName, ",">
  filterName = identStart identPart*

  Expr = Lambda | CondExpr
  ExprNoCond = LambdaNoCond | OrExpr
  Lambda = kw<"lambda"> ListOf<identifier, ","> ":" Expr
  LambdaNoCond = kw<"lambda"> ListOf<identifier, ","> ":" ExprNoCond
  CondExpr = OrExpr kw<"if"> OrExpr kw<"else"> Expr  -- cond
           | OrExpr
  OrExpr = AndExpr (kw<"or"> AndExpr)*
  AndExpr = NotExpr (kw<"and"> NotExpr)*
  NotExpr = kw<"not"> NotExpr  -- not
          | Comparison
  Comparison = ArithExpr (CompOp ArithExpr)*
  CompOp = "==" -- eq
         | "!=" -- ne
         | "<=" -- le
         | ">=" -- ge
         | "<" -- lt
         | ">" -- gt
         | kw<"not"> kw<"in"> -- notin
         | kw<"in"> -- in
         | kw<"is"> kw<"not"> -- isnot
         | kw<"is"> -- is
  ArithExpr = Term (addOp Term)*
  addOp = "+" | "-"
  Term = Factor (mulOp Factor)*
  mulOp = "//" | "/" | "%" | "*" ~"*"
  Factor = "-" Factor  -- neg
         | "+" Factor  -- pos
         | Power
  Power = Primary "**" Factor  -- pow
        | Primary
  Primary = Atom Trailer*
  Trailer = "." identifier  -- attr
          | "(" Arguments ")"  -- call
          | "[" Subscript "]"  -- index
  Arguments = Expr CompFor  -- gen
            | ListOf<Argument, ","> ","?  -- list
  Argument = identifier "=" ~"=" Expr  -- kw
           | Expr  -- pos
  Subscript = Expr? ":" Expr? SliceStep?  -- slice
            | Expr  -- index
  SliceStep = ":" Expr?
  Atom = "(" ")"  -- unit
       | "(" Expr CompFor ")"  -- genexp
       | "(" Expr "," ")"  -- single
       | "(" Expr ")"  -- paren
       | "(" NonemptyListOf<Expr, ","> ","? ")"  -- tuple
       | "[" "]"  -- emptylist
       | "[" Expr CompFor "]"  -- listcomp
       | "[" NonemptyListOf<Expr, ","> ","? "]"  -- list
       | stringLit+  -- str
       | number  -- num
       | kw<"True">  -- true
       | kw<"False">  -- false
       | kw<"None">  -- none
       | identifier  -- name
  CompFor = kw<"for"> TargetList kw<"in"> OrExpr CompIter*
  CompIter = CompFor  -- for
           | kw<"if"> ExprNoCond  -- if
  TargetList = NonemptyListOf<Target, ","> ","?
  Target = "(" TargetList ")"  -- group
         | identifier  -- name

  kw<word> = word ~identPart
  identifier = ~keyword identStart identPart*
  identStart = letter | "_"
  identPart = alnum | "_"
  keyword = ("nonlocal" | "continue" | "finally" | "lambda" | "import" | "return" | "global" | "except"
            | "assert" | "False" | "class" | "yield" | "await" | "async" | "raise" | "while" | "break"
            | "else" | "True" | "None" | "from" | "pass" | "with" | "elif" | "and" | "not" | "for"
            | "def" | "del" | "try" | "or" | "in" | "is" | "if" | "as") ~identPart

  number = (floatLit | intLit) ~identPart
  floatLit = digits "." digits? exponent?  -- dot
           | "." digits exponent?  -- lead
           | digits exponent  -- exp
  exponent = ("e" | "E") ("+" | "-")? digits
  intLit = "0" ("x" | "X") ("_"? hexDigit)+  -- hex
         | "0" ("o" | "O") ("_"? octDigit)+  -- oct
         | "0" ("b" | "B") ("_"? binDigit)+  -- bin
         | digits  -- dec
  digits = digit ("_"? digit)*
  octDigit = "0".."7"
  binDigit = "0" | "1"

  stringLit = stringPrefix? (sqString | dqString)
  stringPrefix = "r" | "R" | "u" | "U"
  sqString = "'" sqChar* "'"
  dqString = "\"" dqChar* "\""
  sqChar = "\\" any  -- escape
         | ~("'" | "\\" | "\n") any  -- plain
  dqChar = "\\" any  -- escape
         | ~("\"" | "\\" | "\n") any  -- plain
}
`;

export const pythonGrammar = ohm.grammar(SOURCE);

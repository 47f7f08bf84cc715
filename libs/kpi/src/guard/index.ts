// Public API of the expression guard: see README.md in this folder.
export { guardExpression, type ExpressionField } from './expression.guard';
export { checkExpressionsWithParser, checkExpressionWithParser } from './parse-check';
export { tokenizeSql, type SqlToken, type SqlTokenKind, type TokenizeResult } from './sql-tokenizer';

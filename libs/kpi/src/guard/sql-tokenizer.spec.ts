import { describe, expect, it } from 'vitest';
import { tokenizeSql } from './sql-tokenizer';

function kinds(text: string): string[] {
  const result = tokenizeSql(text);
  if (!result.ok) throw new Error(result.message);
  return result.tokens.map((token) => `${token.kind}:${token.value}`);
}

describe('tokenizeSql', () => {
  it('keeps keywords inside literals, quoted names and comments out of the code', () => {
    expect(kinds(`'a '' FROM' "b "" c" $q$SELECT$q$ -- FROM\n/* SELECT */ x`)).toEqual([
      "string:a ' FROM",
      'quoted-identifier:b " c',
      'string:SELECT',
      'comment:',
      'comment:',
      'identifier:x',
    ]);
  });

  it('reads numbers, names with $ and single-character operators', () => {
    expect(kinds('1.5e3 + .5::DOUBLE >= a$b')).toEqual([
      'number:1.5e3', 'operator:+', 'number:.5', 'operator::', 'operator::', 'identifier:DOUBLE',
      'operator:>', 'operator:=', 'identifier:a$b',
    ]);
  });

  it('reports where an unterminated literal starts', () => {
    expect(tokenizeSql("x = 'abc")).toEqual({ ok: false, message: "the string literal ' is never closed", offset: 4 });
  });
});

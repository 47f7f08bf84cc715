import { describe, expect, it } from 'vitest';
import { escapeControlCharacters } from './printable-text';
import { formatProblem } from './workspace';

describe('escapeControlCharacters', () => {
  it.each([
    ['indicators/\u001b[2Jweg.yaml', 'indicators/\\x1b[2Jweg.yaml'],
    ['regel\nnog een regel', 'regel\\nnog een regel'],
    ['terug\rover', 'terug\\rover'],
    ['tab\there', 'tab\\there'],
    ['nul\u0000byte', 'nul\\x00byte'],
    ['del\u007f en csi\u009b', 'del\\x7f en csi\\x9b'],
    ['trojan \u202eelif\u2066', 'trojan \\u202eelif\\u2066'],
    ['scheiding\u2028hier', 'scheiding\\u2028hier'],
  ])('escapes %j', (text, escaped) => {
    expect(escapeControlCharacters(text)).toBe(escaped);
  });

  it('keeps ordinary text, accents and quotes as they are', () => {
    const text = 'indicators/café.yaml: grain: must be one of month, quarter, year, found "wéék" \\ ok';
    expect(escapeControlCharacters(text)).toBe(text);
  });
});

describe('formatProblem', () => {
  it('prints one line, with control characters in file, field and message escaped', () => {
    const line = formatProblem({ file: 'indicators/\u001b[31mrood\n.yaml', line: 3, field: 'x\ry', message: 'unknown field "\u001b]0;titel\u0007"' });
    expect(line).toBe('indicators/\\x1b[31mrood\\n.yaml:3: x\\ry: unknown field "\\x1b]0;titel\\x07"');
    expect([...line].every((char) => char.charCodeAt(0) >= 0x20)).toBe(true);
  });
});

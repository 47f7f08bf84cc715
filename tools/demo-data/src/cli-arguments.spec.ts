import { describe, expect, it } from 'vitest';
import { parseArguments } from './cli-arguments';

describe('parseArguments', () => {
  it('writes the demo data to data/demo by default', () => {
    expect(parseArguments([])).toEqual({ kind: 'demo', out: 'data/demo' });
    expect(parseArguments(['--demo', '--out', '/tmp/x'])).toEqual({ kind: 'demo', out: '/tmp/x' });
  });

  it('reads a benchmark request, with 10_000_000 style numbers', () => {
    expect(parseArguments(['--out', 'b', '--rows', '10_000_000', '--indicators', '20', '--format', 'csv'])).toEqual({
      kind: 'bench', out: 'b', rows: 10_000_000, indicators: 20, format: 'csv',
    });
    expect(parseArguments(['--out', 'b', '--rows', '1e6'])).toMatchObject({ rows: 1_000_000, indicators: 8, format: 'parquet' });
  });

  it('says what is wrong with a bad command line', () => {
    expect(() => parseArguments(['--rows', '10'])).toThrow('--rows needs --out DIR');
    expect(() => parseArguments(['--out', 'b', '--rows', '-3'])).toThrow('--rows needs a positive whole number, got "-3"');
    expect(() => parseArguments(['--out', 'b', '--rows', '5', '--demo'])).toThrow('exclude each other');
    expect(() => parseArguments(['--indicators', '5'])).toThrow('--indicators only goes with --rows');
    expect(() => parseArguments(['--format', 'xlsx'])).toThrow('--format must be parquet or csv');
    expect(() => parseArguments(['--out'])).toThrow('--out needs a value');
    expect(() => parseArguments(['--verbose'])).toThrow('unknown argument "--verbose"');
    expect(() => parseArguments(['data/demo'])).toThrow('unknown argument "data/demo"');
    expect(() => parseArguments(['--out', '--rows', '5'])).toThrow('--out needs a value');
    expect(() => parseArguments(['--demo=yes'])).toThrow('--demo takes no value');
  });

  it('reads --name=value as well, and --help whatever else is given', () => {
    expect(parseArguments(['--out=b', '--rows=5'])).toMatchObject({ kind: 'bench', out: 'b', rows: 5 });
    expect(parseArguments(['--rows', '5', '--help'])).toEqual({ kind: 'help' });
    expect(parseArguments(['-h'])).toEqual({ kind: 'help' });
  });
});

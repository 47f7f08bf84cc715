import { describe, expect, it } from 'vitest';
import { helpText, parseCommandLine } from './cli-args';

describe('parseCommandLine', () => {
  it('reads a command, its folder and its options, in any order', () => {
    expect(parseCommandLine(['check', 'data/demo/uithoorn'])).toEqual({ kind: 'run', command: 'check', dir: 'data/demo/uithoorn', isJson: false });
    expect(parseCommandLine(['compute', '--json', 'ws'])).toEqual({ kind: 'run', command: 'compute', dir: 'ws', isJson: true });
    expect(parseCommandLine(['compute', 'ws', '--json'])).toMatchObject({ dir: 'ws', isJson: true });
    // After `--` a folder may start with a dash; `-` alone is a folder too.
    expect(parseCommandLine(['check', '--', '-odd'])).toMatchObject({ kind: 'run', dir: '-odd' });
    expect(parseCommandLine(['check', '-'])).toMatchObject({ kind: 'run', dir: '-' });
  });

  it('gives the help of the tool or of one command, which wins over everything else', () => {
    expect(parseCommandLine(['--help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['-h'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['help'])).toEqual({ kind: 'help' });
    expect(parseCommandLine(['help', 'compute'])).toEqual({ kind: 'help', command: 'compute' });
    expect(parseCommandLine(['check', '--help'])).toEqual({ kind: 'help', command: 'check' });
    expect(parseCommandLine(['compute', 'ws', '--csv', '-h'])).toEqual({ kind: 'help', command: 'compute' });
  });

  it('says what is wrong with a bad command line, in its own words', () => {
    expect(parseCommandLine([])).toEqual({ kind: 'usage-error', message: 'no command given' });
    expect(parseCommandLine(['frobnicate'])).toEqual({ kind: 'usage-error', message: 'unknown command "frobnicate"' });
    expect(parseCommandLine(['--verbose'])).toEqual({ kind: 'usage-error', message: 'unknown option "--verbose"' });
    expect(parseCommandLine(['compute', '.', '--csv'])).toEqual({ kind: 'usage-error', command: 'compute', message: 'unknown option "--csv" for compute' });
    expect(parseCommandLine(['check', '.', '--json'])).toMatchObject({ message: 'unknown option "--json" for check' });
    expect(parseCommandLine(['compute', '.', '--json=yes'])).toMatchObject({ message: '--json takes no value, got "--json=yes"' });
    expect(parseCommandLine(['check'])).toMatchObject({ message: 'check needs the workspace folder: koers check DIR' });
    expect(parseCommandLine(['check', 'a', 'b'])).toMatchObject({ message: 'check takes one folder, got 2: a b' });
  });
});

describe('helpText', () => {
  it('has a usage line for the tool and for each command', () => {
    expect(helpText()).toContain('Usage: koers <command> DIR [options]');
    expect(helpText('check')).toContain('Usage: koers check DIR');
    expect(helpText('compute')).toContain('Usage: koers compute DIR [--json]');
  });
});

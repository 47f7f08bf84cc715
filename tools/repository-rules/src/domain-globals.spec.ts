import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../repository-root.mjs';

/**
 * Type-checks `code` with the compiler options of libs/domain/tsconfig.json and
 * returns the error codes and the names they are about, so the domain is shown
 * to compile without Node's globals (or the DOM's), not just said to.
 */
function errorsUnderDomainOptions(code: string): string[] {
  const configFile = resolve(repositoryRoot, 'libs/domain/tsconfig.json');
  const { config } = ts.readConfigFile(configFile, (path) => ts.sys.readFile(path));
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, resolve(repositoryRoot, 'libs/domain'));
  const folder = mkdtempSync(join(tmpdir(), 'koers-domain-'));
  try {
    const probe = join(folder, 'probe.ts');
    writeFileSync(probe, code);
    // The probe lives outside the repository, so outside its rootDir.
    const program = ts.createProgram([probe], { ...options, rootDir: folder });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      return `TS${diagnostic.code} ${/'(\w+)'/.exec(text)?.[1] ?? text}`;
    });
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('libs/domain type-checks without Node types', () => {
  it("refuses Node's globals and the DOM's", () => {
    expect(errorsUnderDomainOptions("export const probe = [process.env['HOME'], Buffer.from('x'), document.title];\n")).toEqual([
      'TS2591 process',
      'TS2591 Buffer',
      'TS2584 document',
    ]);
  });

  it('accepts what ECMAScript gives', () => {
    expect(errorsUnderDomainOptions("export const probe = [new Intl.NumberFormat('nl-NL').format(1.5), [3, 1].toSorted()];\n")).toEqual([]);
  });
});

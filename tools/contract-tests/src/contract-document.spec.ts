import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { directions, indicatorSchema, indicatorStatuses, programSchema, sourceSchema, type IndicatorResult } from '@koers/domain';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { repositoryRoot } from './cli/koers-runner';

/**
 * docs/workspace-format.md, the contract, checked against what the contract
 * tests and Koers's schemas hold: its examples and its words must not drift
 * from them. Which test covers which section is tools/contract-tests/README.md,
 * and that, too, is checked here.
 */
const contractFile = 'docs/workspace-format.md';
const contract = readFileSync(join(repositoryRoot, contractFile), 'utf8');

/** A fenced code block of the contract, with the section it stands in. */
interface Example {
  readonly section: string;
  readonly language: string;
  readonly line: number;
  readonly text: string;
}

/** The `##` and `###` headings, in order. */
function headingsOf(markdown: string): string[] {
  return markdown.split('\n').flatMap((line) => /^#{2,3} (.+)$/.exec(line)?.[1] ?? []);
}

function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  let section = '';
  let open: { language: string; line: number; lines: string[] } | null = null;
  markdown.split('\n').forEach((line, index) => {
    if (open) {
      if (line.startsWith('```')) {
        examples.push({ section, language: open.language, line: open.line, text: open.lines.join('\n') });
        open = null;
      } else {
        open.lines.push(line);
      }
      return;
    }
    const fence = /^```(\w*)$/.exec(line);
    if (fence) open = { language: fence[1] ?? '', line: index + 2, lines: [] };
    else section = /^#{2,3} (.+)$/.exec(line)?.[1] ?? section;
  });
  return examples;
}

/** The YAML example of `section`, parsed as the workspace reader parses it; fails naming the line when it is no YAML. */
function yamlExample(section: string): unknown {
  const example = examplesOf(contract).find((item) => item.section === section && item.language === 'yaml');
  if (!example) throw new Error(`${contractFile} has no yaml example under "${section}"`);
  const document = parseDocument(example.text, { uniqueKeys: true });
  expect(document.errors.map((error) => error.message), `${contractFile}:${example.line}`).toEqual([]);
  return document.toJS();
}

/** Where a schema refuses an example: `path: message` per issue. */
function issuesOf(result: { success: boolean; error?: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } }): string[] {
  return (result.error?.issues ?? []).map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
}

/**
 * The fields of one indicator of `compute --json`, as `differencesOf` compares
 * them with the reference. `satisfies` keeps the list equal to the type: a
 * field added to `IndicatorResult` does not compile here until the contract's
 * example shows it.
 */
const indicatorFields = Object.keys({
  id: true,
  status: true,
  latest: true,
  target: true,
  values: true,
  breakdown: true,
} satisfies Record<keyof IndicatorResult, true>).sort();

describe('docs/workspace-format.md', () => {
  it('has its examples under the sections the tests below read', () => {
    const fenced = examplesOf(contract).map((example) => `${example.section}: ${example.language || 'text'}`);
    expect(fenced).toEqual(['Layout: text', 'A source: yaml', 'An indicator: yaml', 'A program: yaml', 'The command-line tool: json']);
  });

  it('shows a source that the source schema accepts', () => {
    expect(issuesOf(sourceSchema.safeParse(yamlExample('A source')))).toEqual([]);
  });

  it('shows an indicator that the indicator schema accepts', () => {
    expect(issuesOf(indicatorSchema.safeParse(yamlExample('An indicator')))).toEqual([]);
  });

  it('shows a program that the program schema accepts', () => {
    expect(issuesOf(programSchema.safeParse(yamlExample('A program')))).toEqual([]);
  });

  it('shows the JSON of compute --json with exactly the fields the contract tests compare', () => {
    const example = examplesOf(contract).find((item) => item.language === 'json');
    const output = JSON.parse(example?.text ?? '') as { indicators: Record<string, unknown>[]; errors: Record<string, unknown>[] };
    expect(Object.keys(output).sort()).toEqual(['errors', 'indicators']);
    for (const indicator of output.indicators) {
      expect(Object.keys(indicator).sort()).toEqual(indicatorFields);
      expect(Object.keys(indicator['latest'] as object).sort()).toEqual(['period', 'value']);
      for (const row of indicator['values'] as object[]) expect(Object.keys(row).sort()).toEqual(['period', 'value']);
      for (const rows of Object.values(indicator['breakdown'] as Record<string, object[]>)) {
        for (const row of rows) expect(Object.keys(row).sort()).toEqual(['member', 'period', 'value']);
      }
      expect(indicatorStatuses).toContain(indicator['status']);
    }
    for (const error of output.errors) expect(Object.keys(error).sort()).toEqual(['file', 'message']);
  });

  it('names exactly the statuses that Koers computes and the contract tests cover', () => {
    const statusRule = contract.split('\n- **').find((bullet) => bullet.startsWith('Status**'))?.split('\n\n')[0] ?? '';
    const named = new Set([...statusRule.matchAll(/`([a-z_]+)`/g)].map((match) => match[1]));
    for (const direction of directions) named.delete(direction);
    expect([...named].sort()).toEqual([...indicatorStatuses].sort());
  });

  it('is mapped section by section in the contract tests README', () => {
    const readme = readFileSync(join(repositoryRoot, 'tools/contract-tests/README.md'), 'utf8');
    const anchors = headingsOf(contract).map((heading) => `#${heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replaceAll(' ', '-')}`);
    expect(anchors.filter((anchor) => !readme.includes(`workspace-format.md${anchor})`))).toEqual([]);
  });
});

import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** The WCAG 2.1 AA rule sets the dashboard must pass. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const;

/** One axe violation, short enough to read in a failing test. */
export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  /** The CSS selectors of the offending elements, with axe's summary of what is wrong. */
  readonly nodes: readonly string[];
}

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/**
 * Runs axe-core (the npm package, injected into the page) with the WCAG 2.1 AA
 * tags and returns what it finds. Injected by evaluating its source through the
 * browser's debugging protocol: the server's Content-Security-Policy refuses
 * inline scripts, rightly, and stays on for the page under test.
 */
export async function findAxeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    type AxeResults = {
      violations: {
        id: string;
        impact: string | null;
        help: string;
        nodes: { target: string[]; failureSummary?: string }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe;
    const results = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }));
  }, [...wcagTags]);
}

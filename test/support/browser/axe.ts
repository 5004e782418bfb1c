import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

const AXE_SOURCE = require.resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page against WCAG 2.0/2.1 A and AA and answers the violations, each with its rule, help
 * and the elements concerned (empty: none found).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated in the page (strings: this project compiles without the DOM library).
  // Evaluated by the debugger protocol, not as a script tag: the app's content security policy refuses inline
  // scripts (as it should), and the test must not weaken it to inspect the page.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) {
    axeSource ??= readFileSync(AXE_SOURCE, 'utf8');
    await page.evaluate(axeSource);
  }
  const violations = (await page.evaluate(`(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  })()`)) as AxeViolation[];
  return violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

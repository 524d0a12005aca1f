/** axe-core in the browser tests: the serious and critical violations of the page as it is now. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Serious and critical axe violations, as "rule: target" lines (an empty list passes). */
export async function seriousViolations(p: Page): Promise<string[]> {
  // @axe-core/playwright's Page type is playwright's own; playwright-core's page is the same object.
  const result = await new AxeBuilder({ page: p as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

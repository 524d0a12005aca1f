/** axe-core in the browser tests: the serious and critical violations of the page as it is now. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Serious and critical axe violations, as "rule: target" lines (an empty list passes). */
export async function seriousViolations(p: Page): Promise<string[]> {
  // axe fails inside (reading 'nthChild' of undefined) when the DOM changes under it, as a
  // late redraw does on a loaded machine: it starts once the page has been still for 300 ms
  // (or after 5 s of changes, when it may fail as before).
  await p.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let timer = window.setTimeout(done, 300);
        const observer = new MutationObserver(() => {
          window.clearTimeout(timer);
          timer = window.setTimeout(done, 300);
        });
        function done() {
          observer.disconnect();
          resolve();
        }
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        window.setTimeout(done, 5000);
      }),
  );
  // @axe-core/playwright's Page type is playwright's own; playwright-core's page is the same object.
  const analyze = () => new AxeBuilder({ page: p as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).analyze();
  // The same crash can still come from a change after the quiet spell (seen in CI): a crashed scan
  // found nothing either way, so it is run again, up to three times; any other error fails the test.
  let result: Awaited<ReturnType<typeof analyze>> | undefined;
  for (let attempt = 1; !result; attempt++) {
    try {
      result = await analyze();
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("reading 'nthChild'")) throw error;
      await p.waitForTimeout(500);
    }
  }
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
}

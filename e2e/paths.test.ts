/** Issue 15, paths from the UI: shortest and all up to k hops, highlighted in context, each hop with its sources. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../server/testing/harness.js';
import { clickGraphElement, useBrowserSession } from './browser.js';

const NORTH_KOREA = 'state:north-korea';
const KURSK = 'place:kursk';
const MOSCOW = 'place:moscow';
const PUTIN = 'person:vladimir-putin';

/** What the canvas shows of each element: path, dimmed, hidden, and a node's drawn width. */
function marks(p: Page) {
  return p.evaluate(() => {
    const cy = window.cy;
    const width = (ele: ReturnType<typeof cy.nodes>[number]) => (ele as unknown as { pstyle(k: string): { pfValue: number } }).pstyle('width').pfValue;
    return {
      path: cy.elements('.path').map((e) => e.id()).sort(),
      dimmed: cy.elements('.dimmed').length,
      hidden: cy.elements('.filtered').length,
      total: cy.elements().length,
      pathNodeWidths: cy.nodes('.path').map(width),
      zoom: cy.zoom(),
    };
  });
}

describe.each(testEngines())('paths from the UI on %s', (engine) => {
  const session = useBrowserSession(engine);

  /** `beforeSecond` runs between the two clicks (to hold back the second node's answers, say). */
  async function selectTwo(from: string, to: string, beforeSecond?: (page: Page) => Promise<unknown>): Promise<Page> {
    const page = await session.open();
    await clickGraphElement(page, from);
    await page.locator('#panel-title', { hasText: await page.evaluate((id) => window.cy.getElementById(id).data('name') as string, from) }).waitFor();
    // A second click a moment later: a selection of two, not a double-click.
    await page.waitForTimeout(600);
    await beforeSecond?.(page);
    await page.keyboard.down('Shift');
    await clickGraphElement(page, to);
    await page.keyboard.up('Shift');
    await page.waitForFunction(() => window.cy.nodes(':selected').length === 2);
    return page;
  }

  it('highlights the shortest path in context: rest dimmed not hidden, nodes keep their size, no zoom in', async () => {
    const p = await selectTwo(KURSK, MOSCOW);
    const before = await p.evaluate(() => ({ zoom: window.cy.zoom(), shown: window.cy.elements().not('.filtered').length }));
    await p.locator('#path').click();
    await p.locator('#path-list li').first().waitFor();
    await p.locator('#status', { hasText: 'Shortest path' }).waitFor();
    const m = await marks(p);
    expect(m.path.length).toBeGreaterThanOrEqual(3);
    expect(m.path).toContain(KURSK);
    expect(m.path).toContain(MOSCOW);
    expect(m.dimmed).toBe(m.total - m.path.length);
    expect(await p.evaluate(() => window.cy.elements().not('.filtered').length)).toBe(before.shown);
    for (const w of m.pathNodeWidths) expect(w).toBeGreaterThanOrEqual(20);
    expect(m.zoom).toBeLessThanOrEqual(before.zoom + 1e-6);
    // The listed hops name both ends and their sources' outlets.
    const hops = await p.locator('#path-list .hop').allInnerTexts();
    expect(hops.length).toBe((m.path.length - 1) / 2);
    for (const h of hops) expect(h).toMatch(/—[A-Z_]+→ .+ · .+/);
  });

  it("keeps the path panel when the second node's details answer after it", async () => {
    // Putin's details come back late (as a hub's do on a loaded server): after the paths are listed.
    let released!: () => void;
    const held = new Promise<void>((resolve) => (released = resolve));
    const page = await selectTwo(NORTH_KOREA, PUTIN, (p) =>
      p.route(`**/api/nodes/${encodeURIComponent(PUTIN)}**`, async (route) => {
        await held;
        await route.continue();
      }),
    );
    await page.locator('#path').click();
    await page.locator('#path-list li').first().waitFor();
    const answered = page.waitForResponse((r) => r.url().includes(`/api/nodes/${encodeURIComponent(PUTIN)}`));
    released();
    await answered;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
    expect(await page.locator('#path-mode').count()).toBe(1);
    expect(await page.locator('#path-list li').count()).toBeGreaterThan(0);
  });

  it('lists all paths up to k hops, shorter ones included, and switches the highlight between them', async () => {
    const p = await selectTwo(NORTH_KOREA, PUTIN);
    await p.locator('#path').click();
    await p.locator('#path-list li').first().waitFor();
    await p.locator('#path-mode').selectOption('all');
    await p.locator('#path-hops').fill('2');
    await p.locator('#path-find').click();
    await p.locator('#status', { hasText: 'paths of at most 2 hops' }).waitFor();
    const labels = await p.locator('#path-list .path-pick').allInnerTexts();
    expect(labels.length).toBeGreaterThan(1);
    for (const l of labels) expect(l).toMatch(/· [12] hops?$/);
    // North Korea supplied Putin (one hop) and is linked to him through others (two).
    expect(labels.some((l) => l.endsWith('· 1 hop'))).toBe(true);
    expect(labels.some((l) => l.endsWith('· 2 hops'))).toBe(true);
    const first = (await marks(p)).path;
    await p.locator('#path-list .path-pick').nth(1).click();
    await p.waitForFunction((ids) => window.cy.elements('.path').map((e) => e.id()).sort().join() !== ids.join(), first);
    const second = (await marks(p)).path;
    expect(second).not.toEqual(first);
    expect(second).toContain(NORTH_KOREA);

    // A hop opens the provenance of its fact.
    await p.locator('#path-list .hop button').first().click();
    await p.locator('#panel .provenance').waitFor();
  });

  it('says so when no path of at most k hops exists, and keeps the scene', async () => {
    const p = await selectTwo(KURSK, MOSCOW);
    const shown = await p.evaluate(() => window.cy.elements().length);
    await p.locator('#path').click();
    await p.locator('#path-list li').first().waitFor();
    await p.locator('#path-mode').selectOption('all');
    await p.locator('#path-hops').fill('1');
    await p.locator('#path-find').click();
    await p.locator('#path-none', { hasText: 'No path of at most 1 hop ' }).waitFor();
    await p.locator('#status.error', { hasText: 'No path of at most 1 hop ' }).waitFor();
    expect(await p.evaluate(() => window.cy.elements().length)).toBe(shown);
    expect(await p.evaluate(() => window.cy.elements('.dimmed').length)).toBe(0);
  });
});

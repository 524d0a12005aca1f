/** Issue 15, filters that say what they did: the status line and the legend count what is shown, and the view refits to it. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS } from '../shared/schema.js';
import { testEngines } from '../server/testing/harness.js';
import { screenshot, useBrowserSession } from './browser.js';

/** What the canvas draws, counted from Cytoscape's own idea of visible (display: none is not). */
function visible(p: Page) {
  return p.evaluate(() => {
    const cy = window.cy;
    const per = (eles: ReturnType<typeof cy.nodes> | ReturnType<typeof cy.edges>, key: string) => {
      const out: Record<string, { shown: number; total: number }> = {};
      (eles.toArray() as Array<{ data(k: string): unknown; visible(): boolean }>).forEach((e) => {
        const k = String(e.data(key));
        out[k] ??= { shown: 0, total: 0 };
        out[k].total++;
        if (e.visible()) out[k].shown++;
      });
      return out;
    };
    return {
      nodes: { shown: cy.nodes(':visible').length, total: cy.nodes().length },
      edges: { shown: cy.edges(':visible').length, total: cy.edges().length },
      byLabel: per(cy.nodes(), 'label'),
      byType: per(cy.edges(), 'type'),
    };
  });
}

/** Where the visible elements lie on the canvas: the share of it their box fills (the larger of width and height), its centre, and whether it lies inside. */
function placement(p: Page) {
  return p.evaluate(() => {
    const cy = window.cy;
    const b = cy.elements(':visible').renderedBoundingBox();
    return {
      share: Math.max(b.w / cy.width(), b.h / cy.height()),
      dx: (b.x1 + b.x2) / 2 - cy.width() / 2,
      dy: (b.y1 + b.y2) / 2 - cy.height() / 2,
      inside: b.x1 >= -1 && b.y1 >= -1 && b.x2 <= cy.width() + 1 && b.y2 <= cy.height() + 1,
    };
  });
}

/** Waits until the viewport stops moving (the refit animates). */
async function still(p: Page): Promise<void> {
  let last = '';
  for (let i = 0; i < 40; i++) {
    const now = await p.evaluate(() => JSON.stringify([window.cy.zoom(), window.cy.pan()]));
    if (now === last) return;
    last = now;
    await p.waitForTimeout(150);
  }
}

describe.each(testEngines())('filters that say what they did on %s', (engine) => {
  const session = useBrowserSession(engine);

  async function expectCountsShown(p: Page, filters: string): Promise<void> {
    const v = await visible(p);
    const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
    await expect(p.locator('#status').textContent()).resolves.toBe(`${v.nodes.shown} of ${plural(v.nodes.total, 'entity', 'entities')} and ${v.edges.shown} of ${plural(v.edges.total, 'relationship', 'relationships')} shown · ${filters}`);
    for (const label of NODE_LABELS) {
      const t = v.byLabel[label] ?? { shown: 0, total: 0 };
      await expect(p.locator(`#legend [data-label="${label}"] .legend-count`).textContent()).resolves.toBe(`${t.shown} of ${t.total}`);
    }
    // Each count is read whole: inside the legend's box, not cut by the sidebar or the next column.
    const cut = await p.locator('#legend .legend-count').evaluateAll((counts) => {
      const legend = document.querySelector('#legend')!.getBoundingClientRect();
      return counts
        .filter((c) => (c as HTMLElement).offsetParent !== null)
        .filter((c) => {
          const right = c.getBoundingClientRect().right;
          return right > legend.right + 0.5 || right > c.closest('.legend-item')!.getBoundingClientRect().right + 0.5;
        })
        .map((c) => c.closest('.legend-item')!.getAttribute('data-label') ?? c.closest('.legend-item')!.getAttribute('data-type'));
    });
    expect(cut).toEqual([]);
    const types = await p.locator('#legend [data-type]').evaluateAll((bs) => bs.map((b) => [b.getAttribute('data-type'), b.querySelector('.legend-count')?.textContent]));
    expect(Object.fromEntries(types)).toEqual(Object.fromEntries(Object.entries(v.byType).map(([type, t]) => [type, `${t.shown} of ${t.total}`])));
  }

  it('counts what a type and a label filter leave shown, in the status line and the legend, and refits to it', async () => {
    const p = await session.open();
    const all = await visible(p);
    // Persons off, from the legend.
    await p.locator('#legend [data-label="Person"]').click();
    await p.locator('#status', { hasText: '· 1 filter' }).waitFor();
    await expectCountsShown(p, '1 filter');
    expect((await visible(p)).nodes.shown).toBeLessThan(all.nodes.shown);

    // The biggest relationship type off, in the Filters pane: fewer relationships, two filters.
    const biggest = Object.entries((await visible(p)).byType).sort((a, b) => b[1].shown - a[1].shown)[0][0];
    await p.locator('#tab-filters').click();
    await p.locator(`#pane-filters input[aria-label="Show ${biggest} relationships"]`).uncheck();
    await p.locator('#status', { hasText: '· 2 filters' }).waitFor();
    await expectCountsShown(p, '2 filters');
    await p.locator('#legend-types summary').click();
    await expect(p.locator(`#legend [data-type="${biggest}"]`).getAttribute('aria-pressed')).resolves.toBe('false');
    await screenshot(p, 'filters-status.png');

    // A type back on from the legend: one filter again.
    await p.locator(`#legend [data-type="${biggest}"]`).click();
    await p.locator('#status', { hasText: '· 1 filter' }).waitFor();
    await expectCountsShown(p, '1 filter');
  });

  it('refits the view to what a date window leaves shown', async () => {
    const p = await session.open();
    const viewport = await p.evaluate(() => ({ zoom: window.cy.zoom(), pan: { ...window.cy.pan() } }));
    await p.locator('#date-from').fill('2024-12-01');
    await p.locator('#date-to').fill('2024-12-31');
    await p.locator('#status', { hasText: '· 1 filter' }).waitFor();
    await still(p);
    await expectCountsShown(p, '1 filter');
    const shown = await visible(p);
    expect(shown.nodes.shown).toBeGreaterThan(0);
    expect(shown.nodes.shown).toBeLessThan(shown.nodes.total);
    const after = await placement(p);
    // Fitted: inside the canvas and centred on it, and larger than the same elements were in the view before.
    expect(after.inside).toBe(true);
    expect(Math.abs(after.dx)).toBeLessThan(10);
    expect(Math.abs(after.dy)).toBeLessThan(10);
    const before = await p.evaluate((v) => {
      window.cy.viewport(v);
      const b = window.cy.elements(':visible').renderedBoundingBox();
      return Math.max(b.w / window.cy.width(), b.h / window.cy.height());
    }, viewport);
    expect(after.share).toBeGreaterThan(before);
  });

  it('says when nothing passes and offers to clear the filters', async () => {
    const p = await session.open();
    const all = await visible(p);
    for (const label of NODE_LABELS) {
      if (!all.byLabel[label]) continue;
      await p.locator(`#legend [data-label="${label}"]`).click();
      await expect(p.locator(`#legend [data-label="${label}"]`).getAttribute('aria-pressed')).resolves.toBe('false');
    }
    const k = Object.keys(all.byLabel).length;
    await p.locator('#status', { hasText: 'Nothing passes the filters' }).waitFor();
    expect((await visible(p)).nodes.shown).toBe(0);
    await expect(p.locator('#status').textContent()).resolves.toBe(`Nothing passes the filters: 0 of ${all.nodes.total} entities and 0 of ${all.edges.total} relationships shown · ${k} filters. Clear filters`);
    await p.locator('#status-clear-filters').click();
    await p.locator('#status', { hasText: 'no filters' }).waitFor();
    expect(await visible(p)).toEqual(all);
    await expectCountsShown(p, 'no filters');
  });
});

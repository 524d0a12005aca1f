/**
 * Issue 15, every width: from 1024 px the panels (search, toolbar, sidebar,
 * graph, details, timeline, results, Cypher drawer) never overlap, with all of
 * them open, at 1024, 1280, 1440 and 1920 px and after resizing 1440 → 1024 →
 * 1440; the canvas fills its own cell and follows it; axe finds nothing
 * serious at 1024.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../server/testing/harness.js';
import { seriousViolations } from './axe.js';
import { screenshot, searchAndSelect, useBrowserSession } from './browser.js';
import { canvasFit, overlaps, panelBoxes, widerThanViewport, type Box } from './layout-boxes.js';

const ALL_OPEN = ['search', 'toolbar', 'sidebar', 'graph', 'details', 'timeline', 'results', 'cypher'];

/**
 * Opens everything a panel can show: a relationship's sources with its
 * article (details), a saved query's table (results), the Cypher drawer; the
 * timeline is always there.
 */
async function openEverything(p: Page): Promise<void> {
  await searchAndSelect(p, 'Korut', 'North Korea');
  await p.locator('#edge-list button').first().click();
  await p.locator('#panel .provenance').waitFor();
  await p.locator('#panel .claim button', { hasText: 'Show in article' }).first().click();
  await p.locator('#panel .claim .article-text mark').first().waitFor();
  await p.locator('#tab-queries').click();
  await p.locator('details[data-name="ratifications"] summary').click();
  await p.locator('details[data-name="ratifications"] button[type=submit]').click();
  await p.locator('#results-table tbody tr').first().waitFor();
  await p.locator('#tab-cypher').click();
  await p.locator('#cypher-host .cm-content').waitFor();
  await p.evaluate(() => window.jejak.session.settled);
}

/** Waits until Cytoscape has taken its cell's size (its ResizeObserver), then returns the fit. */
async function settledCanvas(p: Page) {
  await p.waitForFunction(() => {
    const r = document.querySelector('#graph-wrap')!.getBoundingClientRect();
    return Math.abs(window.cy.width() - r.width) <= 1 && Math.abs(window.cy.height() - r.height) <= 1;
  });
  return canvasFit(p);
}

/** Everything that must hold at one width: no two panels overlap, all inside the window, the canvas exactly in its cell. */
async function checkLayout(p: Page, width: number, height: number): Promise<void> {
  const boxes = await panelBoxes(p);
  expect(boxes.map((b) => b.name).sort()).toEqual([...ALL_OPEN].sort());
  expect(overlaps(boxes)).toEqual([]);
  const outside = boxes.filter((b) => b.left < -0.5 || b.right > width + 0.5 || b.top < -0.5).map((b) => b.name);
  expect(outside).toEqual([]);
  expect(await widerThanViewport(p)).toEqual([]);
  // Every tool tab (Ingest among them) and every toolbar button is whole inside its bar.
  const cut = await p.evaluate(() => {
    const inside = (e: Element, bar: Element) => {
      const r = e.getBoundingClientRect();
      const b = bar.getBoundingClientRect();
      return r.left >= b.left - 0.5 && r.right <= b.right + 0.5 && r.top >= b.top - 0.5 && r.bottom <= b.bottom + 0.5;
    };
    const bars: Array<[string, string]> = [['.topbar', '.toolbar > *'], ['.sidebar', '.tabs [role=tab]']];
    return bars.flatMap(([bar, items]) => [...document.querySelectorAll(items)].filter((e) => !inside(e, document.querySelector(bar)!)).map((e) => e.id || e.textContent));
  });
  expect(cut).toEqual([]);

  const fit = await settledCanvas(p);
  const byName = Object.fromEntries(boxes.map((b) => [b.name, b])) as Record<string, Box>;
  // The canvas is the cell, to the pixel (Cytoscape rounds a fractional size down).
  const gaps = (['left', 'top', 'right', 'bottom'] as const).filter((side) => Math.abs(fit.canvas[side] - fit.cell[side]) > 1);
  expect(gaps).toEqual([]);
  expect(Math.abs(fit.cy.width - (fit.cell.right - fit.cell.left))).toBeLessThanOrEqual(1);
  expect(Math.abs(fit.cy.height - (fit.cell.bottom - fit.cell.top))).toBeLessThanOrEqual(1);
  // The graph's cell is between the sidebar and the details panel, and never down to a sliver.
  expect(fit.cell.left).toBeGreaterThanOrEqual(Math.floor(byName.sidebar.right));
  expect(fit.cell.right).toBeLessThanOrEqual(Math.ceil(byName.details.left));
  expect(fit.cy.height).toBeGreaterThanOrEqual(200);
  expect(fit.cy.width).toBeGreaterThanOrEqual(400);
  expect(byName.details.bottom).toBeLessThanOrEqual(height + 0.5);
}

describe.each(testEngines())('every width on %s', (engine) => {
  const session = useBrowserSession(engine);

  it.each([1024, 1280, 1440, 1920])('keeps every panel apart at %i px with details, timeline, results and the Cypher drawer open', async (width) => {
    const height = width >= 1920 ? 1080 : 800;
    const p = await session.open({ viewport: { width, height } });
    await openEverything(p);
    await checkLayout(p, width, height);
    if (width === 1024) await screenshot(p, 'width-1024.png');
  }, 120_000);

  it('keeps them apart after resizing 1440 → 1024 → 1440, the canvas following its cell', async () => {
    const p = await session.open({ viewport: { width: 1440, height: 800 } });
    await openEverything(p);
    await checkLayout(p, 1440, 800);
    const wide = await settledCanvas(p);

    await p.setViewportSize({ width: 1024, height: 800 });
    await checkLayout(p, 1024, 800);
    const narrow = await settledCanvas(p);
    expect(narrow.cy.width).toBeLessThan(wide.cy.width);

    await p.setViewportSize({ width: 1440, height: 800 });
    await checkLayout(p, 1440, 800);
    expect(await settledCanvas(p)).toEqual(wide);
  }, 120_000);

  it('has no serious or critical axe violation at 1024 px, on the overview and with everything open', async () => {
    const p = await session.open({ viewport: { width: 1024, height: 800 } });
    const found: Record<string, string[]> = { overview: await seriousViolations(p) };
    await openEverything(p);
    found.open = await seriousViolations(p);
    expect(found).toEqual({ overview: [], open: [] });
  }, 120_000);
});

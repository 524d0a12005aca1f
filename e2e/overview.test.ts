/** Issue 15, a legible overview: names apart and readable, edge types where they can be read, bundles, same picture every time. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { GraphResponse } from '../shared/api.js';
import { testEngines } from '../server/testing/harness.js';
import { labelOverlaps, readableEdgeLabels, screenshot, useBrowserSession } from './browser.js';

const RUSSIA = 'state:russia';
const NORTH_KOREA = 'state:north-korea';
const TREATY = 'agreement:comprehensive-strategic-partnership-treaty';

/** Node positions, rounded: what "the same picture" means. */
function positions(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(window.cy.nodes().map((n) => [n.id(), `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`])));
}

/** Node names Cytoscape draws at the current zoom (11 px names vanish below min-zoomed-font-size). */
function readableNames(page: Page): Promise<number> {
  return page.evaluate(() => {
    const cy = window.cy;
    return cy.nodes().filter((n) => {
      const style = (name: string) => (n as unknown as { pstyle(k: string): { pfValue: number } }).pstyle(name);
      return style('font-size').pfValue * cy.zoom() >= style('min-zoomed-font-size').pfValue;
    }).length;
  });
}

async function hover(page: Page, id: string): Promise<void> {
  const p = await page.evaluate((nodeId) => {
    const n = window.cy.getElementById(nodeId);
    const box = window.cy.container()!.getBoundingClientRect();
    const r = n.renderedPosition();
    return { x: box.left + r.x, y: box.top + r.y };
  }, id);
  await page.mouse.move(p.x, p.y);
}

/** Picks a layout in the toolbar and waits until it has run and stopped. */
async function chooseLayout(page: Page, id: string): Promise<void> {
  const runs = await page.evaluate(() => window.jejak.layoutStats.mainThread);
  await page.locator('#layout').selectOption(id);
  await page.waitForFunction((n) => window.jejak.layoutStats.mainThread > n, runs);
  await page.evaluate(() => window.jejak.session.settled);
}

describe.each(testEngines())('a legible overview on %s', (engine) => {
  const session = useBrowserSession(engine);
  const open = (): Promise<Page> => session.open();

  it.each([1024, 390])("keeps the story's core in view at %i px: the most connected entities are on the canvas", async (width) => {
    const page = await session.open({ viewport: { width, height: width < 600 ? 844 : 768 }, phone: width < 600 });
    const outside = await page.evaluate(() => {
      const cy = window.cy;
      const core = cy.nodes().sort((a, b) => b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1)).slice(0, 4);
      return core
        .map((n) => n.id())
        .filter((id) => {
          const p = cy.getElementById(id).renderedPosition();
          return p.x < 0 || p.y < 0 || p.x > cy.width() || p.y > cy.height();
        });
    });
    expect(outside).toEqual([]);
  });

  it('draws every name of the seed graph readable and apart, and the same picture on every load', async () => {
    const page = await open();
    const nodes = await page.evaluate(() => window.cy.nodes().length);
    expect(nodes).toBeGreaterThan(30);
    expect(await readableNames(page)).toBe(nodes);
    expect(await labelOverlaps(page)).toEqual([]);
    // Whole names, not "Comprehensive Strate…".
    expect(await page.evaluate((id) => (window.cy.getElementById(id) as unknown as { pstyle(k: string): { strValue: string } }).pstyle('text-wrap').strValue, TREATY)).toBe('wrap');
    await screenshot(page, 'graph-overview.png');

    const again = await open();
    expect(await positions(again)).toEqual(await positions(page));
  });

  it('shows relationship types only where they can be read: on hover, on selection, zoomed in', async () => {
    const page = await open();
    expect(await readableEdgeLabels(page)).toEqual([]);

    await hover(page, RUSSIA);
    const russiaEdges = await page.evaluate((id) => window.cy.getElementById(id).connectedEdges().map((e) => e.id()).sort(), RUSSIA);
    expect((await readableEdgeLabels(page)).sort()).toEqual(russiaEdges);
    await page.locator('#graph-tooltip', { hasText: 'Russia · State' }).waitFor();

    await page.mouse.move(2, 300);
    await page.locator('#graph-tooltip').waitFor({ state: 'hidden' });
    expect(await readableEdgeLabels(page)).toEqual([]);

    // Zoomed in: single edges show their type, bundled ones stay one bundle with its count.
    // (Braces: an evaluate must not return Cytoscape objects, whose serialisation takes ages.)
    await page.evaluate(() => {
      window.cy.zoom({ level: 2, renderedPosition: { x: window.cy.width() / 2, y: window.cy.height() / 2 } });
    });
    const shown = await readableEdgeLabels(page);
    const kinds = await page.evaluate((ids) => ids.map((id) => window.cy.getElementById(id)).map((e) => (e.hasClass('bundled') ? (e.hasClass('bundle-head') ? 'head' : 'member') : 'single')), shown);
    expect(kinds).toContain('single');
    expect(kinds).not.toContain('member');
  });

  it('bundles the parallel edges of a pair into one with their count, spread apart when selected', async () => {
    const page = await open();
    const overview = (await (await fetch(`${session.server.url}/api/graph`)).json()) as GraphResponse;
    const between = overview.graph.edges.filter((e) => [e.source, e.target].sort().join() === [NORTH_KOREA, RUSSIA].sort().join());
    expect(between.length).toBeGreaterThan(2);
    const bundle = await page.evaluate(
      ([a, b]) => {
        const edges = window.cy.getElementById(a).edgesWith(window.cy.getElementById(b));
        return { bundled: edges.filter('.bundled').length, heads: edges.filter('.bundle-head').map((e) => e.data('bundle') as string) };
      },
      [NORTH_KOREA, RUSSIA],
    );
    expect(bundle).toEqual({ bundled: between.length, heads: [`×${between.length}`] });

    await page.evaluate((id) => {
      window.cy.getElementById(id).select();
    }, RUSSIA);
    const spread = await page.evaluate(([a, b]) => window.cy.getElementById(a).edgesWith(window.cy.getElementById(b)).filter('.spread').length, [NORTH_KOREA, RUSSIA]);
    expect(spread).toBe(between.length);
  });

  it('keeps the hierarchy and the chronological layouts readable, the latter on a date axis with lanes', async () => {
    const page = await open();
    const nodes = await page.evaluate(() => window.cy.nodes().length);
    await chooseLayout(page, 'dagre');
    expect(await readableNames(page)).toBe(nodes);
    expect(await labelOverlaps(page)).toEqual([]);

    await chooseLayout(page, 'chronological');
    expect(await readableNames(page)).toBe(nodes);
    expect(await labelOverlaps(page)).toEqual([]);
    await page.locator('#chrono-axis').waitFor();
    const axis = await page.locator('#chrono-axis').innerText();
    for (const text of ['1950', 'Sept 2023', '19 Jun', 'Person', 'State', 'Event', 'Undated (']) expect(axis).toContain(text);
    // Earlier facts stand left of later ones.
    const x = (id: string) => page.evaluate((n) => window.cy.getElementById(n).position('x'), id);
    expect(await x('event:korean-war')).toBeLessThan(await x('event:putin-kim-summit-pyongyang-2024'));
    await screenshot(page, 'chronological-layout.png');

    // Back to the force layout: the axis goes.
    await chooseLayout(page, 'fcose');
    await page.locator('#chrono-axis').waitFor({ state: 'hidden' });
  });

  it('fits the relationship-type checkboxes inside the sidebar', async () => {
    const page = await open();
    const outside = await page.evaluate(() => {
      const bar = document.querySelector('.sidebar')!.getBoundingClientRect();
      return [...document.querySelectorAll<HTMLElement>('fieldset.types label.check')].filter((l) => l.getBoundingClientRect().right > bar.right + 0.5 || l.scrollWidth > l.clientWidth + 1).map((l) => l.textContent);
    });
    expect(outside).toEqual([]);
  });
});

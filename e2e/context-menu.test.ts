/** Issue 15, the context menu of nodes and edges: by right-click, long-press and keyboard; expand by type, collapse, hide, pin, paths, sources. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { NeighboursResponse } from '../shared/api.js';
import { testEngines } from '../server/testing/harness.js';
import { clickGraphElement, nodePoint, screenshot, useBrowserSession } from './browser.js';

const NORTH_KOREA = 'state:north-korea';
const RUSSIA = 'state:russia';
const KURSK = 'place:kursk';
const MOSCOW = 'place:moscow';
const DEPLOYED = 'rel:deployed-troops-to:north-korea:kursk';

function elementIds(p: Page): Promise<string[]> {
  return p.evaluate(() => window.cy.elements().map((e) => e.id()).sort());
}

/** Right-clicks an element and waits for its menu (the node menu has its per-type group once the counts are in). */
async function openMenu(p: Page, id: string): Promise<void> {
  await clickGraphElement(p, id, { button: 'right' });
  await p.locator('#context-menu').waitFor();
}

async function choose(p: Page, text: string | RegExp): Promise<void> {
  await p.locator('#context-menu [role^=menuitem]', { hasText: text }).first().click();
  await p.locator('#context-menu').waitFor({ state: 'detached' });
}

describe.each(testEngines())('the context menu on %s', (engine) => {
  const session = useBrowserSession(engine);

  async function neighbourCounts(id: string): Promise<Map<string, number>> {
    const res = (await (await fetch(`${session.server.url}/api/nodes/${encodeURIComponent(id)}/neighbours?limit=1`)).json()) as NeighboursResponse;
    const totals = new Map<string, number>();
    for (const c of res.counts) totals.set(c.type, (totals.get(c.type) ?? 0) + c.count);
    return totals;
  }

  it('offers expand by relationship type with the totals of the store, and collapse removes exactly what the expansion added', async () => {
    const p = await session.open();
    const before = await elementIds(p);
    await openMenu(p, NORTH_KOREA);
    await expect(p.locator('#context-menu').getAttribute('aria-label')).resolves.toBe('Actions on North Korea');
    const offered = await p.locator('#context-menu [role=group] [role=menuitem]').allTextContents();
    const totals = await neighbourCounts(NORTH_KOREA);
    expect(offered).toEqual([...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([type, n]) => `${type} (${n})`));
    // No collapse before anything was expanded.
    expect(await p.locator('#menu-collapse').count()).toBe(0);
    // The README's picture: the same menu over the whole overview, not over the node zoomed to fill the view.
    await p.keyboard.press('Escape');
    await p.locator('#context-menu').waitFor({ state: 'detached' });
    const at = await p.evaluate((id) => {
      const cy = window.cy;
      cy.fit(undefined, 40);
      const box = cy.container()!.getBoundingClientRect();
      const q = cy.getElementById(id).renderedPosition();
      return { x: box.left + q.x, y: box.top + q.y };
    }, NORTH_KOREA);
    await p.mouse.click(at.x, at.y, { button: 'right' });
    await expect(p.locator('#context-menu').getAttribute('aria-label')).resolves.toBe('Actions on North Korea');
    await p.locator('#context-menu [role=group] [role=menuitem]').first().waitFor();
    await screenshot(p, 'context-menu.png');

    // MENTIONS brings the articles that mention North Korea (the overview has none).
    await choose(p, /^MENTIONS \(/);
    await p.locator('#status', { hasText: 'Expanded North Korea' }).waitFor();
    const afterNk = await elementIds(p);
    const nkAdded = afterNk.filter((id) => !before.includes(id));
    expect(nkAdded.some((id) => id.startsWith('article:'))).toBe(true);

    // Russia's articles next: some are already there, so Russia's new edges need them after North Korea collapses.
    await openMenu(p, RUSSIA);
    await choose(p, /^MENTIONS \(/);
    await p.locator('#status', { hasText: 'Expanded Russia' }).waitFor();
    const afterRu = await elementIds(p);
    const ruAdded = afterRu.filter((id) => !afterNk.includes(id));
    const neededByRussia = await p.evaluate((ids) => ids.flatMap((id) => {
      const e = window.cy.getElementById(id);
      return e.isEdge() ? [e.data('source') as string, e.data('target') as string] : [];
    }), ruAdded);
    expect(neededByRussia.some((id) => nkAdded.includes(id))).toBe(true);

    await openMenu(p, NORTH_KOREA);
    await choose(p, /^Collapse/);
    await p.locator('#status', { hasText: 'Collapsed North Korea' }).waitFor();
    const expected = [...new Set([...before, ...ruAdded, ...neededByRussia])].sort();
    expect(await elementIds(p)).toEqual(expected);
    // Removed, not hidden: nothing of it is left behind as a filtered element.
    expect(await p.evaluate(() => window.cy.elements('.filtered').map((e) => e.id()).filter((id) => id.startsWith('article:')))).toEqual([]);

    // Collapsing Russia, then North Korea again (what Russia needed of it is free now), takes the view back to the first one.
    await openMenu(p, RUSSIA);
    await choose(p, /^Collapse/);
    await p.locator('#status', { hasText: 'Collapsed Russia' }).waitFor();
    expect(await elementIds(p)).toEqual([...new Set([...before, ...nkAdded.filter((id) => neededByRussia.includes(id))])].sort());
    await openMenu(p, NORTH_KOREA);
    await choose(p, /^Collapse/);
    await p.waitForFunction(() => window.cy.nodes('[label = "Article"]').empty());
    expect(await elementIds(p)).toEqual(before);
  });

  it('pins a node so that a new layout leaves it where it is, shown as pinned; hides a node', async () => {
    const p = await session.open();
    await openMenu(p, MOSCOW);
    await expect(p.locator('#menu-pin').getAttribute('aria-checked')).resolves.toBe('false');
    await choose(p, 'Pinned in place');
    await p.waitForFunction((id) => window.cy.getElementById(id).hasClass('pinned'), MOSCOW);
    const where = await p.evaluate((id) => ({ ...window.cy.getElementById(id).position() }), MOSCOW);
    const others = await p.evaluate((id) => window.cy.nodes().map((n) => [n.id(), `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`]).filter(([k]) => k !== id), MOSCOW);
    const runs = await p.evaluate(() => window.jejak.layoutStats.mainThread);
    await p.locator('#layout').selectOption('dagre');
    await p.waitForFunction((n) => window.jejak.layoutStats.mainThread > n, runs);
    await p.evaluate(() => window.jejak.session.settled);
    const moved = await p.evaluate((id) => window.cy.nodes().map((n) => [n.id(), `${Math.round(n.position('x'))},${Math.round(n.position('y'))}`]).filter(([k]) => k !== id), MOSCOW);
    // The layout did run (the others moved), the pinned node stayed.
    expect(moved).not.toEqual(others);
    const now = await p.evaluate((id) => ({ ...window.cy.getElementById(id).position() }), MOSCOW);
    expect(Math.abs(now.x - where.x)).toBeLessThan(0.5);
    expect(Math.abs(now.y - where.y)).toBeLessThan(0.5);
    // Shown as pinned: the menu says so and the node has the pinned border.
    await openMenu(p, MOSCOW);
    await expect(p.locator('#menu-pin').getAttribute('aria-checked')).resolves.toBe('true');
    expect(await p.evaluate((id) => (window.cy.getElementById(id) as unknown as { pstyle(k: string): { strValue: string } }).pstyle('border-style').strValue, MOSCOW)).toBe('double');
    await choose(p, 'Hide');
    expect(await p.evaluate((id) => window.cy.getElementById(id).empty(), MOSCOW)).toBe(true);
  });

  it('finds the path from one node to another chosen in their menus, and opens a node\'s details', async () => {
    const p = await session.open();
    await openMenu(p, KURSK);
    await choose(p, 'Path from here');
    await p.locator('#status', { hasText: 'Path from Kursk' }).waitFor();
    await openMenu(p, MOSCOW);
    await choose(p, 'Path to here');
    await p.locator('#path-list li').first().waitFor();
    await expect(p.locator('#panel-title').textContent()).resolves.toBe('Kursk → Moscow');
    await p.locator('#status', { hasText: 'Shortest path' }).waitFor();
    const path = await p.evaluate(() => window.cy.nodes('.path').map((n) => n.id()));
    expect(path).toEqual(expect.arrayContaining([KURSK, MOSCOW]));

    await openMenu(p, NORTH_KOREA);
    await choose(p, 'Details and sources');
    await p.locator('#panel-title', { hasText: 'North Korea' }).waitFor();
    await p.locator('#edge-list').waitFor();
  });

  it('opens an edge\'s sources, finds the path between its ends, and hides it', async () => {
    const p = await session.open();
    await openMenu(p, DEPLOYED);
    expect(await p.locator('#context-menu [role^=menuitem]').allTextContents()).toEqual(['Open sources', 'Hide', 'Path between its ends']);
    await choose(p, 'Open sources');
    await p.locator('#panel-title', { hasText: 'North Korea → Kursk' }).waitFor();
    await p.locator('#panel .claim mark.quote').first().waitFor();

    await openMenu(p, DEPLOYED);
    await choose(p, 'Path between its ends');
    await p.locator('#path-list li').first().waitFor();
    await expect(p.locator('#panel-title').textContent()).resolves.toBe('North Korea → Kursk');

    await openMenu(p, DEPLOYED);
    await choose(p, 'Hide');
    expect(await p.evaluate((id) => window.cy.getElementById(id).empty(), DEPLOYED)).toBe(true);
    expect(await p.evaluate((ids) => ids.every((id) => window.cy.getElementById(id).nonempty()), [NORTH_KOREA, KURSK])).toBe(true);
  });

  it('opens by keyboard on the selected node, moves with the arrows, and Escape gives the focus back', async () => {
    const p = await session.open();
    await p.keyboard.press('/');
    await p.keyboard.type('Kursk', { delay: 30 });
    await p.locator('#search-opt-0', { hasText: 'Kursk' }).waitFor();
    await p.keyboard.press('Enter');
    await p.locator('#panel-title', { hasText: 'Kursk' }).waitFor();
    await p.locator('#graph').focus();

    for (const key of ['Shift+F10', 'ContextMenu']) {
      await p.keyboard.press(key);
      await p.locator('#context-menu').waitFor();
      await expect(p.locator('#context-menu').getAttribute('aria-label')).resolves.toBe('Actions on Kursk');
      const items = await p.locator('#context-menu [role^=menuitem]').allTextContents();
      const focused = () => p.evaluate(() => document.activeElement?.textContent ?? '');
      expect(await focused()).toBe(items[0]);
      await p.keyboard.press('ArrowDown');
      expect(await focused()).toBe(items[1]);
      await p.keyboard.press('End');
      expect(await focused()).toBe(items[items.length - 1]);
      await p.keyboard.press('ArrowDown');
      expect(await focused()).toBe(items[0]);
      await p.keyboard.press('ArrowUp');
      expect(await focused()).toBe(items[items.length - 1]);
      await p.keyboard.press('Escape');
      await p.locator('#context-menu').waitFor({ state: 'detached' });
      expect(await p.evaluate(() => document.activeElement?.id)).toBe('graph');
    }

    // Enter on an item runs it: Hide, reached with the arrows.
    await p.keyboard.press('Shift+F10');
    await p.locator('#context-menu').waitFor();
    const items = await p.locator('#context-menu [role^=menuitem]').allTextContents();
    for (let i = 0; i < items.indexOf('Hide'); i++) await p.keyboard.press('ArrowDown');
    await p.keyboard.press('Enter');
    await p.waitForFunction((id) => window.cy.getElementById(id).empty(), KURSK);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('graph');
  });

  it('opens on a long press', async () => {
    const p = await session.open();
    const point = await nodePoint(p, MOSCOW);
    await p.mouse.move(point.x, point.y);
    await p.mouse.down();
    await p.locator('#context-menu').waitFor();
    await p.mouse.up();
    await expect(p.locator('#context-menu').getAttribute('aria-label')).resolves.toBe('Actions on Moscow');
  });
});

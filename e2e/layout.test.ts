import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBrowserSession } from './browser.js';

const session = useBrowserSession('kuzu');
let page: Page;

// Each test on a page of its own: none relies on what another left behind.
beforeEach(async () => {
  page = await session.open({ settled: false });
});

describe('layout of a large view', () => {
  it('runs the force layout in a web worker and places every node', async () => {
    const before = await page.evaluate(() => ({ ...window.jejak.layoutStats }));
    // 1,500 extra nodes in a chain, all piled on one spot: a layout must spread them.
    await page.evaluate(() => {
      const cy = window.cy;
      // Elements in the shape the app draws (graph-view.ts): the plain graph JSON rides along as `raw`.
      const nodes = Array.from({ length: 1500 }, (_, i) => {
        const raw = { id: `test:n${i}`, label: 'Person', properties: { name: `N ${i}` } };
        return { group: 'nodes' as const, data: { id: raw.id, label: raw.label, name: raw.properties.name, raw }, position: { x: 0, y: 0 } };
      });
      const edges = nodes.slice(1).map((n, i) => {
        const raw = { id: `test:e${i}`, type: 'MET_WITH', source: `test:n${i}`, target: n.data.id, properties: {} };
        return { group: 'edges' as const, data: { id: raw.id, source: raw.source, target: raw.target, type: raw.type, date: null, raw } };
      });
      cy.add([...nodes, ...edges]);
    });
    await page.evaluate(() => window.jejak.session.relayout({ animate: false }));
    const after = await page.evaluate(() => ({ ...window.jejak.layoutStats }));
    expect(after.worker).toBe(before.worker + 1);
    expect(after.mainThread).toBe(before.mainThread);
    const spread = await page.evaluate(() => {
      const xs = window.cy.nodes('[id ^= "test:n"]').map((n) => `${Math.round(n.position('x'))}:${Math.round(n.position('y'))}`);
      return new Set(xs).size;
    });
    expect(spread).toBeGreaterThan(1400);
  });

  it('keeps small views on the main thread', async () => {
    const before = await page.evaluate(() => ({ ...window.jejak.layoutStats }));
    await page.evaluate(() => window.jejak.session.relayout({ animate: false }));
    const after = await page.evaluate(() => ({ ...window.jejak.layoutStats }));
    expect(after.mainThread).toBe(before.mainThread + 1);
    expect(after.worker).toBe(before.worker);
  });
});

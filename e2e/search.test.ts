/** Issue 15, a search result not in view: added with its edges to what is shown, beside its neighbours, on no other node, selected and centred at a readable zoom. */
import { describe, expect, it } from 'vitest';
import type { NeighboursResponse } from '../shared/api.js';
import { testEngines } from '../server/testing/harness.js';
import { labelOverlaps, searchAndSelect, useBrowserSession } from './browser.js';

const KURSK = 'place:kursk';

describe.each(testEngines())('a search result not in view on %s', (engine) => {
  const session = useBrowserSession(engine);

  it('adds it with its relationships to what is shown, beside its neighbours and on no other node', async () => {
    const p = await session.open();
    // Kursk hidden (Delete on the selected node): now it is a result that is not in view.
    await p.evaluate((id) => window.cy.getElementById(id).select(), KURSK);
    await p.locator('#graph').focus();
    await p.keyboard.press('Delete');
    await p.waitForFunction((id) => window.cy.getElementById(id).empty(), KURSK);
    const inView = await p.evaluate(() => window.cy.nodes().map((n) => n.id()));
    const zoomBefore = await p.evaluate(() => window.cy.zoom());

    await searchAndSelect(p, 'Kursk', 'Kursk');
    await p.waitForFunction((id) => window.cy.getElementById(id).nonempty(), KURSK);
    await p.locator('#status', { hasText: 'Kursk added beside' }).waitFor();
    await p.waitForTimeout(400); // the centring animates

    // Every relationship of Kursk whose other end is shown came with it, and nothing else.
    const res = (await (await fetch(`${session.server.url}/api/nodes/${encodeURIComponent(KURSK)}/neighbours?limit=1000`)).json()) as NeighboursResponse;
    const expected = res.graph.edges.filter((e) => inView.includes(e.source === KURSK ? e.target : e.source)).map((e) => e.id).sort();
    expect(expected.length).toBeGreaterThan(1);
    const state = await p.evaluate((id) => {
      const cy = window.cy;
      const n = cy.getElementById(id);
      const at = n.position();
      const dist = (m: { position(): { x: number; y: number } }) => Math.hypot(m.position().x - at.x, m.position().y - at.y);
      const neighbours = new Set(n.neighborhood('node').map((m) => m.id()));
      const others = cy.nodes().filter((m) => m.id() !== id);
      const box = cy.container()!.getBoundingClientRect();
      const r = n.renderedPosition();
      return {
        edges: n.connectedEdges().map((e) => e.id()).sort(),
        nodes: cy.nodes().length,
        toNeighbours: others.filter((m) => neighbours.has(m.id())).map(dist),
        toRest: others.filter((m) => !neighbours.has(m.id())).map(dist),
        at,
        selected: cy.nodes(':selected').map((m) => m.id()),
        offCentre: { x: r.x - box.width / 2, y: r.y - box.height / 2 },
        zoom: cy.zoom(),
        // Readable: the name is drawn at this zoom (Cytoscape skips labels below min-zoomed-font-size).
        readable: (() => {
          const style = (k: string) => (n as unknown as { pstyle(k: string): { pfValue: number } }).pstyle(k).pfValue;
          return style('font-size') * cy.zoom() >= style('min-zoomed-font-size');
        })(),
      };
    }, KURSK);
    expect(state.edges).toEqual(expected);
    expect(state.nodes).toBe(inView.length + 1);
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(state.toNeighbours)).toBeLessThan(mean(state.toRest));
    expect(Math.min(...state.toRest)).toBeGreaterThan(0);
    expect(state.at.x !== 0 || state.at.y !== 0).toBe(true);
    expect((await labelOverlaps(p)).filter((pair) => pair.includes(KURSK))).toEqual([]);

    // Selected and centred, zoomed in no further than a readable level.
    expect(state.selected).toEqual([KURSK]);
    expect(Math.abs(state.offCentre.x)).toBeLessThan(5);
    expect(Math.abs(state.offCentre.y)).toBeLessThan(5);
    expect(state.zoom).toBeLessThanOrEqual(Math.max(zoomBefore, 1) + 1e-6);
    expect(state.readable).toBe(true);
  }, 180_000);
});

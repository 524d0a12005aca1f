/** Issue 15, the story timeline: a date axis with one mark per dated fact, brushing filters by overlap, marks and edges select each other, Play. */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { GraphResponse } from '../shared/api.js';
import type { GraphEdge } from '../shared/graph.js';
import { overlaps, spanOf } from '../client/src/fact-dates.js';
import { testEngines } from '../server/testing/harness.js';
import { screenshot, useBrowserSession } from './browser.js';

const RATIFIED = 'rel:ratified:north-korea:comprehensive-strategic-partnership-treaty';

describe.each(testEngines())('the story timeline on %s', (engine) => {
  const session = useBrowserSession(engine);
  let overview: GraphResponse;
  beforeAll(async () => {
    overview = (await (await fetch(`${session.server.url}/api/graph`)).json()) as GraphResponse;
  });

  const facts = () => overview.graph.edges.filter((e) => e.type !== 'MENTIONS');
  async function fresh(): Promise<Page> {
    const page = await session.open();
    await page.locator('#timeline-chart').waitFor();
    return page;
  }

  it('draws one mark per dated fact on a date axis, ranges as bars, and counts undated facts apart', async () => {
    const p = await fresh();
    const datedEdges = facts().filter((e) => spanOf(e.properties));
    const datedEvents = overview.graph.nodes.filter((n) => n.label === 'Event' && spanOf(n.properties));
    const marks = await p.locator('#timeline-chart .mark').evaluateAll((ms) => ms.map((m) => m.getAttribute('data-id')).sort());
    expect(marks).toEqual([...datedEdges.map((e) => e.id), ...datedEvents.map((n) => n.id)].sort());
    await expect(p.locator('#timeline-undated').textContent()).resolves.toBe(`${facts().length - datedEdges.length} undated`);
    // The Korean War, 1950–1953, is a bar; a day is a dot.
    const war = datedEdges.find((e) => spanOf(e.properties)!.start.startsWith('1950'))!;
    expect(await p.locator(`#timeline-chart rect.range[data-id="${war.id}"]`).getAttribute('width').then(Number)).toBeGreaterThan(20);
    const day = datedEdges.find((e) => e.properties.datePrecision === 'day' && !e.properties.dateFrom)!;
    await p.locator(`#timeline-chart circle[data-id="${day.id}"]`).waitFor();
    const labels = await p.locator('#timeline-chart .tick-label').allTextContents();
    for (const l of ['1950', 'Jun 2024', 'Nov', 'Dec']) expect(labels).toContain(l);
  });

  it('filters the graph to the brushed window by overlap, and All dates clears it', async () => {
    const p = await fresh();
    // Brush from the November tick to the right end of the strip.
    const box = (await p.locator('#timeline-chart').boundingBox())!;
    const nov = await p.locator('#timeline-chart .tick-label', { hasText: /^Nov$/ }).boundingBox();
    const y = box.y + 30;
    await p.mouse.move(nov!.x + nov!.width / 2, y);
    await p.mouse.down();
    await p.mouse.move(box.x + box.width - 4, y, { steps: 5 });
    await p.mouse.up();
    const from = await p.locator('#date-from').inputValue();
    const to = await p.locator('#date-to').inputValue();
    expect(from.slice(0, 7)).toBe('2024-11');
    expect(to >= '2024-12-01').toBe(true);
    const shown = await p.evaluate(() => window.cy.edges().not('.filtered').map((e) => e.id()));
    const byId = new Map<string, GraphEdge>(facts().map((e) => [e.id, e]));
    expect(shown.length).toBeGreaterThan(0);
    for (const id of shown) expect(overlaps(spanOf(byId.get(id)!.properties)!, from, to), id).toBe(true);
    // A range that starts before the window and ends in it stays (overlap, not the single date).
    const straddling = facts().filter((e) => {
      const s = spanOf(e.properties);
      return s && s.start < from && overlaps(s, from, to);
    });
    for (const e of straddling) expect(shown).toContain(e.id);
    expect(await p.locator(`#timeline-chart .mark.out`).count()).toBeGreaterThan(0);
    await screenshot(p, 'story-timeline.png');

    await p.locator('#date-clear').click();
    await p.waitForFunction(() => window.cy.edges('.filtered').filter((e) => e.data('type') !== 'MENTIONS').length === 0);
    expect(await p.locator('#date-from').inputValue()).toBe('');
  });

  it('selects the relationship of a clicked mark, and lights the mark of a selected relationship', async () => {
    const p = await fresh();
    await p.locator(`#timeline-chart [data-id="${RATIFIED}"]`).click();
    await p.locator('#panel .chip', { hasText: 'RATIFIED' }).waitFor();
    expect(await p.evaluate(() => window.cy.edges(':selected').map((e) => e.id()))).toEqual([RATIFIED]);
    await p.locator(`#timeline-chart .mark.lit[data-id="${RATIFIED}"]`).waitFor();

    const other = facts().find((e) => e.id !== RATIFIED && spanOf(e.properties))!;
    await p.evaluate((id) => {
      window.cy.elements().unselect();
      window.cy.getElementById(id).select();
    }, other.id);
    await p.locator(`#timeline-chart .mark.lit[data-id="${other.id}"]`).waitFor();
    expect(await p.locator('#timeline-chart .mark.lit').count()).toBe(1);
  });

  it('plays the story forward: the window end moves from date to date until paused', async () => {
    const p = await fresh();
    await p.locator('#play').click();
    const first = await p.waitForFunction(() => (document.querySelector('#date-to') as HTMLInputElement).value).then((h) => h.jsonValue());
    await p.waitForFunction((d) => {
      const v = (document.querySelector('#date-to') as HTMLInputElement).value;
      return v !== '' && v > d;
    }, first);
    await p.locator('#play', { hasText: 'Pause' }).click();
    await p.locator('#play', { hasText: 'Play' }).waitFor();
  });
});

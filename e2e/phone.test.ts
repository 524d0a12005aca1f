/**
 * Issue 15, the phone reading mode (390 × 844, touch): by taps from the
 * search to a result, its details, one of its relationships, the quote in its
 * article, back to the graph, a node tapped on the canvas, and the story
 * timeline; at each step what is visible is asserted, nothing is wider than
 * the screen, tap targets are at least 44 px, reading text 16 px, and axe
 * finds nothing serious.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ArticleResponse, EdgeProvenanceResponse } from '../shared/api.js';
import { testEngines } from '../server/testing/harness.js';
import { seriousViolations } from './axe.js';
import { screenshot, useBrowserSession } from './browser.js';
import { widerThanViewport } from './layout-boxes.js';

const PHONE = { width: 390, height: 844 };

/**
 * Controls a finger can reach now (shown, their centre on screen and not
 * under another view) smaller than 44 × 44 px, as "text (w×h)".
 */
function smallTargets(p: Page): Promise<string[]> {
  return p.evaluate(() => {
    const out: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>('button, select, input:not([type=checkbox]):not([type=radio]), summary, [role=option], [role=tab]');
    for (const e of controls) {
      const r = e.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
      const top = document.elementFromPoint(x, y);
      if (!top || (top !== e && !e.contains(top))) continue;
      if (r.width < 44 || r.height < 44) out.push(`${(e.textContent ?? e.getAttribute('aria-label') ?? e.id).trim().slice(0, 30)} (${Math.round(r.width)}×${Math.round(r.height)})`);
    }
    return out;
  });
}

/** Font sizes under 16 px among the reading text matched by `selector` that is shown, as "text: size". */
function smallText(p: Page, selector: string): Promise<string[]> {
  return p.evaluate((sel) => {
    return [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((e) => e.getClientRects().length > 0)
      .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 16)
      .map((e) => `${(e.textContent ?? '').trim().slice(0, 30)}: ${getComputedStyle(e).fontSize}`);
  }, selector);
}

/** Is the element's box inside the part of the screen between the top bar and the bottom bar? */
function onScreen(p: Page, selector: string): Promise<boolean> {
  return p.evaluate((sel) => {
    const e = document.querySelector(sel);
    if (!e) return false;
    const r = e.getBoundingClientRect();
    const top = document.querySelector('.topbar')!.getBoundingClientRect().bottom;
    const bottom = document.querySelector('#reading-nav')!.getBoundingClientRect().top;
    return r.height > 0 && r.top >= top - 1 && r.bottom <= bottom + 1 && r.left >= -1 && r.right <= innerWidth + 1;
  }, selector);
}

/** What is drawn at the middle of the area between the bars: the id of the nearest ancestor with one. */
function atCentre(p: Page): Promise<string> {
  return p.evaluate(() => {
    const top = document.querySelector('.topbar')!.getBoundingClientRect().bottom;
    const bottom = document.querySelector('#reading-nav')!.getBoundingClientRect().top;
    let e = document.elementFromPoint(innerWidth / 2, (top + bottom) / 2);
    while (e && !e.id) e = e.parentElement;
    return e?.id ?? '';
  });
}

describe.each(testEngines())('phone reading mode on %s', (engine) => {
  const session = useBrowserSession(engine);

  it('goes by taps from search to a result, its relationship, the quote in its article, the graph and the timeline', async () => {
    const p = await session.open({ viewport: PHONE, phone: true });
    const axe: Record<string, string[]> = {};

    // The graph is the one view: it fills the screen between the search and the bottom bar.
    expect(await atCentre(p)).toBe('graph');
    const graph = await p.evaluate(() => {
      const r = document.querySelector('#graph-wrap')!.getBoundingClientRect();
      return { width: r.width, top: r.top, bottom: r.bottom, cy: window.cy.width(), bar: document.querySelector('.topbar')!.getBoundingClientRect().bottom, nav: document.querySelector('#reading-nav')!.getBoundingClientRect().top };
    });
    expect(graph).toEqual({ width: 390, top: graph.bar, bottom: graph.nav, cy: 390, bar: graph.bar, nav: graph.nav });
    expect(await onScreen(p, '#search-input')).toBe(false); // it is in the top bar, above the views
    expect(await p.locator('#search-input').isVisible()).toBe(true);
    expect(await widerThanViewport(p)).toEqual([]);
    expect(await smallTargets(p)).toEqual([]);
    await screenshot(p, 'phone-graph.png');

    // Search: the hits are large enough to tap.
    await p.locator('#search-input').tap();
    await p.locator('#search-input').pressSequentially('Korut', { delay: 30 });
    const hit = p.locator('#search-list [role=option]', { hasText: 'North Korea' }).first();
    await hit.waitFor();
    expect(await smallTargets(p)).toEqual([]);
    expect(await widerThanViewport(p)).toEqual([]);
    axe.search = await seriousViolations(p);

    // A result: its details as a full-width sheet over the graph, its relationships listed.
    await hit.tap();
    await p.locator('#panel-title', { hasText: 'North Korea' }).waitFor();
    await p.locator('#edge-list button').first().waitFor();
    expect(await onScreen(p, '#panel-title')).toBe(true);
    expect(await p.evaluate(() => document.querySelector('#panel')!.getBoundingClientRect().width)).toBe(390);
    expect(await atCentre(p)).not.toBe('graph');
    expect(await onScreen(p, '#sheet-back')).toBe(true);
    expect(await widerThanViewport(p)).toEqual([]);
    expect(await smallTargets(p)).toEqual([]);
    expect(await smallText(p, '#panel p, #edge-list button')).toEqual([]);
    axe.details = await seriousViolations(p);

    // A relationship: its sources, the quote in its sentence.
    const edgeButton = p.locator('#edge-list button').first();
    const edgeId = (await edgeButton.getAttribute('data-edge'))!;
    await edgeButton.scrollIntoViewIfNeeded();
    await edgeButton.tap();
    await p.locator('#panel .provenance').waitFor();
    const prov = (await (await fetch(`${session.server.url}/api/edges/${encodeURIComponent(edgeId)}/provenance`)).json()) as EdgeProvenanceResponse;
    const sentenceMark = p.locator('#panel .claim blockquote.sentence mark').first();
    expect(await sentenceMark.textContent()).toBe(prov.claims[0].quote);
    expect(await onScreen(p, '#panel .claim blockquote.sentence')).toBe(true);
    expect(await smallText(p, '#panel .claim p, #panel .claim blockquote')).toEqual([]);
    expect(await widerThanViewport(p)).toEqual([]);
    expect(await smallTargets(p)).toEqual([]);

    // Its quote in the article: the article opens scrolled to it, the quote on screen.
    const show = p.locator('#panel .claim button', { hasText: 'Show in article' }).first();
    await show.scrollIntoViewIfNeeded();
    await show.tap();
    const mark = p.locator('#panel .claim .article-text mark').first();
    await mark.waitFor();
    const article = (await (await fetch(`${session.server.url}/api/articles/${encodeURIComponent(prov.claims[0].article)}`)).json()) as ArticleResponse;
    expect(await mark.textContent()).toBe(prov.claims[0].quote);
    expect(String(article.article.properties.text)).toContain(prov.claims[0].quote);
    await p.waitForFunction(() => {
      const m = document.querySelector('#panel .claim .article-text mark')!.getBoundingClientRect();
      const nav = document.querySelector('#reading-nav')!.getBoundingClientRect().top;
      const top = document.querySelector('#sheet-back')!.getBoundingClientRect().bottom;
      return m.top >= top - 1 && m.bottom <= nav + 1 && m.height > 0;
    });
    expect(await smallText(p, '#panel .article-text')).toEqual([]);
    expect(await widerThanViewport(p)).toEqual([]);
    axe.provenance = await seriousViolations(p);
    await screenshot(p, 'phone-provenance.png');

    // The way back: the graph again, then a node tapped on the canvas opens its sheet.
    await p.locator('#sheet-back').tap();
    await p.waitForFunction(() => document.body.dataset.reading === 'graph');
    expect(await atCentre(p)).toBe('graph');
    const russia = await p.evaluate(() => {
      const cy = window.cy;
      const n = cy.getElementById('state:russia');
      cy.center(n);
      const box = cy.container()!.getBoundingClientRect();
      const r = n.renderedPosition();
      return { x: box.left + r.x, y: box.top + r.y };
    });
    await p.touchscreen.tap(russia.x, russia.y);
    await p.locator('#panel-title', { hasText: 'Russia' }).waitFor();
    expect(await onScreen(p, '#panel-title')).toBe(true);

    // The story timeline: the strip fits the screen, the facts listed in date order, one tap opens one.
    await p.locator('#reading-nav button[data-view=timeline]').tap();
    await p.locator('#reading-facts button').first().waitFor();
    expect(await onScreen(p, '#timeline-chart')).toBe(true);
    expect(await onScreen(p, '#reading-timeline-title')).toBe(true);
    const listed = await p.locator('#reading-facts time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime') ?? ''));
    expect(listed.length).toBeGreaterThan(10);
    expect([...listed].sort()).toEqual(listed);
    expect(await widerThanViewport(p)).toEqual([]);
    expect(await smallTargets(p)).toEqual([]);
    expect(await smallText(p, '#reading-facts button')).toEqual([]);
    axe.timeline = await seriousViolations(p);
    await screenshot(p, 'phone-timeline.png');

    const fact = p.locator('#reading-facts button').filter({ hasText: 'SIGNED' }).first();
    const factId = (await fact.getAttribute('data-fact'))!;
    await fact.scrollIntoViewIfNeeded();
    await fact.tap();
    await p.locator('#panel .provenance').waitFor();
    expect(await p.evaluate(() => window.cy.edges(':selected').map((e) => e.id()))).toEqual([factId]);
    expect(await onScreen(p, '#panel-title')).toBe(true);
    expect(await p.locator('#panel-title').textContent()).toContain('→');

    expect(axe).toEqual({ search: [], details: [], provenance: [], timeline: [] });
  }, 180_000);

  it('tucks the desktop tools into the Tools view, and a query run there shows its table over the graph', async () => {
    const p = await session.open({ viewport: PHONE, phone: true });
    expect(await p.locator('.toolbar').isVisible()).toBe(false);
    expect(await p.locator('.sidebar').isVisible()).toBe(false);
    await p.locator('#reading-nav button[data-view=tools]').tap();
    expect(await p.locator('#layout').isVisible()).toBe(true);
    expect(await p.locator('#tab-queries').isVisible()).toBe(true);
    // The Cypher editor is a desktop tool: not offered on a phone.
    expect(await p.locator('#tab-cypher').isVisible()).toBe(false);
    expect(await widerThanViewport(p)).toEqual([]);
    expect(await smallTargets(p)).toEqual([]);

    await p.locator('#tab-queries').tap();
    await p.locator('details[data-name="ratifications"] summary').tap();
    await p.locator('details[data-name="ratifications"] button[type=submit]').tap();
    await p.locator('#results-table tbody tr').first().waitFor();
    await p.waitForFunction(() => document.body.dataset.reading === 'graph');
    expect(await onScreen(p, '#results')).toBe(true);
    expect(await widerThanViewport(p)).toEqual([]);
  }, 120_000);
});

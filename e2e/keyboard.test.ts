/** Issue 15, everything by keyboard, and axe-core with no serious or critical violation in any state. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ArticleResponse, EdgeProvenanceResponse } from '../shared/api.js';
import { testEngines } from '../server/testing/harness.js';
import { seriousViolations } from './axe.js';
import { useBrowserSession } from './browser.js';

const NORTH_KOREA = 'state:north-korea';

async function focusedText(p: Page): Promise<string> {
  return p.evaluate(() => (document.activeElement as HTMLElement | null)?.textContent ?? '');
}

/** Selects North Korea as a tap does and waits for its relationships in the details panel. */
async function showNorthKorea(p: Page): Promise<void> {
  await p.evaluate((id) => {
    window.cy.getElementById(id).select();
    window.cy.getElementById(id).emit('tap');
  }, NORTH_KOREA);
  await p.locator('#edge-list').waitFor();
}

describe.each(testEngines())('keyboard and accessibility on %s', (engine) => {
  const session = useBrowserSession(engine);

  it('goes from search to the quote of a relationship in its article with the keyboard only', async () => {
    const p = await session.open({ settled: false });
    await p.keyboard.press('/');
    await p.keyboard.type('Korut', { delay: 30 });
    await p.locator('#search-opt-0', { hasText: 'North Korea' }).waitFor();
    await p.keyboard.press('Enter');
    await p.locator('#panel-title', { hasText: 'North Korea' }).waitFor();
    await expect.poll(() => p.evaluate(() => document.activeElement?.id), { timeout: 10_000 }).toBe('graph');

    // ↓ picks the first relationship of North Korea (in the panel's order), → follows it, ← comes back.
    const firstListed = await p.locator('#edge-list button').first().getAttribute('data-edge');
    await p.keyboard.press('ArrowDown');
    await p.waitForFunction((id) => window.cy.getElementById(id!).selected(), firstListed);
    await p.locator('#panel .provenance').waitFor();
    await p.keyboard.press('ArrowDown');
    await p.waitForFunction((first) => window.cy.edges(':selected').map((e) => e.id()).some((id) => id !== first), firstListed ?? '');
    const second = await p.evaluate(() => window.cy.edges(':selected').map((e) => e.id()));
    expect(second).toHaveLength(1);
    expect(second[0]).not.toBe(firstListed);
    const otherEnd = await p.evaluate(
      ([id, from]) => {
        const e = window.cy.getElementById(id);
        return e.source().id() === from ? e.target().id() : e.source().id();
      },
      [second[0], NORTH_KOREA],
    );
    await p.keyboard.press('ArrowRight');
    await p.waitForFunction((id) => window.cy.getElementById(id).selected(), otherEnd);
    await p.keyboard.press('ArrowLeft');
    await p.waitForFunction((id) => window.cy.getElementById(id).selected(), NORTH_KOREA);

    // Choose a relationship, Enter goes into its sources, Enter opens the article at the quote.
    await p.keyboard.press('ArrowDown');
    await p.locator('#panel .provenance').waitFor();
    const edgeId = await p.evaluate(() => window.cy.edges(':selected')[0].id());
    await p.keyboard.press('Enter');
    // The focus moves once the sources are drawn: on a loaded machine that is after the key press returns.
    await expect.poll(() => focusedText(p), { timeout: 10_000 }).toBe('Show in article');
    await p.keyboard.press('Enter');
    const mark = p.locator('#panel .claim .article-text mark').first();
    await mark.waitFor();
    const quote = (await mark.textContent()) ?? '';
    const prov = (await (await fetch(`${session.server.url}/api/edges/${encodeURIComponent(edgeId)}/provenance`)).json()) as EdgeProvenanceResponse;
    const article = (await (await fetch(`${session.server.url}/api/articles/${encodeURIComponent(prov.claims[0].article)}`)).json()) as ArticleResponse;
    expect(quote).toBe(prov.claims[0].quote);
    expect(String(article.article.properties.text)).toContain(quote);
    // Scrolled to it: the mark is inside the article box's visible part.
    const visible = await p.evaluate(() => {
      const markEl = document.querySelector('#panel .claim .article-text mark')!;
      const m = markEl.getBoundingClientRect();
      const box = markEl.closest('.article-text')!.getBoundingClientRect();
      return m.top >= box.top - 1 && m.bottom <= box.bottom + 1;
    });
    expect(visible).toBe(true);
  });

  it("Enter on a relationship whose sources are still on their way goes into its sources once they are drawn, not the previous one's", async () => {
    const p = await session.open({ settled: false });
    await showNorthKorea(p);
    await p.locator('#graph').focus();
    await p.keyboard.press('ArrowDown');
    const first = await p.evaluate(() => window.cy.edges(':selected')[0].id());
    await p.locator(`#panel .panel-head[data-edge="${first}"]`).waitFor();
    // The next relationship's provenance is held back: the panel still shows the first one's.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await p.route('**/api/edges/*/provenance', async (route) => {
      await held;
      await route.continue();
    });
    await p.keyboard.press('ArrowDown');
    await p.waitForFunction((id) => window.cy.edges(':selected').length === 1 && window.cy.edges(':selected')[0].id() !== id, first);
    const next = await p.evaluate(() => window.cy.edges(':selected')[0].id());
    await p.keyboard.press('Enter');
    // Not into the first relationship's sources, which are about to be replaced.
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('graph');
    release();
    await p.locator(`#panel .panel-head[data-edge="${next}"]`).waitFor();
    await expect.poll(() => focusedText(p), { timeout: 10_000 }).toBe('Show in article');
    expect(await p.evaluate(() => document.activeElement?.closest('#panel')?.querySelector('.panel-head')?.getAttribute('data-edge'))).toBe(next);
    await p.keyboard.press('Enter');
    const mark = p.locator('#panel .claim .article-text mark').first();
    await mark.waitFor();
    const prov = (await (await fetch(`${session.server.url}/api/edges/${encodeURIComponent(next)}/provenance`)).json()) as EdgeProvenanceResponse;
    expect(await mark.textContent()).toBe(prov.claims[0].quote);
  });

  it('reaches every relationship of the selected node from the details panel with Tab and Enter', async () => {
    const p = await session.open({ settled: false });
    await showNorthKorea(p);
    const listed = await p.locator('#edge-list button').evaluateAll((bs) => bs.map((b) => b.getAttribute('data-edge')).sort());
    const inView = await p.evaluate((id) => window.cy.getElementById(id).connectedEdges().not('.filtered').map((e) => e.id()).sort(), NORTH_KOREA);
    expect(listed).toEqual(inView);
    const last = p.locator('#edge-list button').last();
    const lastId = await last.getAttribute('data-edge');
    await last.focus();
    await p.keyboard.press('Enter');
    await p.locator('#panel .provenance').waitFor();
    expect(await p.evaluate(() => window.cy.edges(':selected').map((e) => e.id()))).toEqual([lastId]);
  });

  it('has no serious or critical axe violation: overview, node, context menu, relationship, queries, Cypher, results, dark theme', async () => {
    const p = await session.open({ settled: false });
    const found: Record<string, string[]> = {};
    found.overview = await seriousViolations(p);

    await p.locator('#search-input').pressSequentially('Korut', { delay: 20 });
    await p.locator('#search-opt-0').waitFor();
    found.search = await seriousViolations(p);
    await p.keyboard.press('Enter');
    await p.locator('#edge-list').waitFor();
    found.node = await seriousViolations(p);

    // The context menu of the selected node, opened by keyboard.
    await p.locator('#graph').focus();
    await p.keyboard.press('Shift+F10');
    await p.locator('#context-menu [role=group] [role=menuitem]').first().waitFor();
    found.menu = await seriousViolations(p);
    await p.keyboard.press('Escape');
    await p.locator('#context-menu').waitFor({ state: 'detached' });

    await p.locator('#graph').focus();
    await p.keyboard.press('ArrowDown');
    await p.locator('#panel .provenance').waitFor();
    await p.locator('#panel .claim button').first().click();
    await p.locator('#panel .claim .article-text mark').first().waitFor();
    found.relationship = await seriousViolations(p);

    await p.locator('#tab-queries').click();
    await p.locator('details[data-name="ratifications"] summary').click();
    await p.locator('details[data-name="ratifications"] button[type=submit]').click();
    await p.locator('#results-table tbody tr').first().waitFor();
    found.results = await seriousViolations(p);

    await p.locator('#date-from').fill('2024-12-01');
    await p.locator('#timeline-chart .mark.out').first().waitFor();
    found.timeline = await seriousViolations(p);

    await p.locator('#tab-cypher').click();
    await p.locator('#cypher-host .cm-content').waitFor();
    found.cypher = await seriousViolations(p);

    await p.locator('#theme').click();
    found.dark = await seriousViolations(p);
    expect(found).toEqual({ overview: [], search: [], node: [], menu: [], relationship: [], results: [], timeline: [], cypher: [], dark: [] });
  }, 240_000);
});

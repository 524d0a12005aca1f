import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ArticleResponse, EdgeProvenanceResponse, GraphResponse } from '../shared/api.js';
import { hasNetworkx, readWithNetworkx } from '../server/services/export/networkx.test-helper.js';
import { testEngines, type TestServer } from '../server/testing/harness.js';
import { clickGraphElement, screenshot, useBrowserSession } from './browser.js';

const NORTH_KOREA = 'state:north-korea';
const RATIFIED = 'rel:ratified:north-korea:comprehensive-strategic-partnership-treaty';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The server of the running block (apiJson reads it). */
let server: TestServer;

async function apiJson<T>(path: string): Promise<T> {
  const res = await fetch(server.url + path);
  expect(res.ok, `${path} answered ${res.status}`).toBe(true);
  return (await res.json()) as T;
}

function inView(page: Page): Promise<string[]> {
  return page.evaluate(() => window.cy.elements().not('.filtered').map((e) => e.id()).sort());
}

/** The quote marked in the panel's first claim, after checking it occurs in its article. */
async function expectQuoteFromArticle(page: Page): Promise<string> {
  const mark = page.locator('#panel .claim mark.quote').first();
  await mark.waitFor();
  const quote = (await mark.textContent()) ?? '';
  expect(quote.length).toBeGreaterThan(10);
  const edgeId = (await page.locator('#panel p.mono').first().textContent()) ?? '';
  const res = await apiJson<{ claims: Array<{ article: string }> }>(`/api/edges/${encodeURIComponent(edgeId)}/provenance`);
  const article = await apiJson<ArticleResponse>(`/api/articles/${encodeURIComponent(res.claims[0].article)}`);
  expect(String(article.article.properties.text)).toContain(quote);
  return quote;
}

describe.each(testEngines())('the explorer in a browser on %s', (engine) => {
  const session = useBrowserSession(engine);
  beforeAll(() => {
    server = session.server;
  });

  it('draws the seed graph and shows the provenance quote of a clicked relationship', async () => {
    const page = await session.open({ settled: false });
    const overview = await apiJson<GraphResponse>('/api/graph');
    expect(await page.evaluate(() => window.cy.nodes().length)).toBe(overview.graph.nodes.length);
    expect(await page.evaluate(() => window.cy.edges().length)).toBe(overview.graph.edges.length);
    await expect(page.locator('#legend').textContent()).resolves.toContain('Agreement');

    // Several sources on one edge, each claim with its status; they agree on the number, so no "differ" note.
    await clickGraphElement(page, 'rel:deployed-troops-to:north-korea:kursk');
    await page.locator('#panel-title', { hasText: 'North Korea → Kursk' }).waitFor();
    await expectQuoteFromArticle(page);
    expect(await page.locator('#panel .claim').count()).toBeGreaterThan(1);
    await expect(page.locator('#panel').textContent()).resolves.toContain('sekitar 10.000 tentara');
    await expect(page.locator('#panel .status-chip').allTextContents()).resolves.toEqual(expect.arrayContaining(['attributed (named source)', 'attributed (unnamed source)']));
    expect(await page.locator('#panel .disagree').count()).toBe(0);
    // The troop numbers to Russia do disagree (its edge shares its endpoints with many others, so it is rendered, not clicked).
    const troops = await apiJson<EdgeProvenanceResponse>('/api/edges/rel%3Adeployed-troops-to%3Anorth-korea%3Arussia/provenance');
    const note = await page.evaluate((claims) => {
      const section = window.jejak.renderClaims(claims, () => Promise.reject(new Error('not used')));
      return section.querySelector('.disagree')?.textContent ?? null;
    }, troops.claims);
    expect(note).toContain('differ on the number');
    await page.close();
  });

  it('follows issue 5: search Korut, expand, read the ratification quote, filter to December 2024, export, share', async () => {
    const page = await session.open({ settled: false });
    // Start from an empty canvas, as after "hide everything": the search adds North Korea.
    await page.evaluate(() => window.jejak.session.change(() => void window.cy.elements().remove()));

    await page.locator('#search-input').pressSequentially('Korut', { delay: 30 });
    await expect(page.locator('#search-opt-0').textContent()).resolves.toContain('North Korea');
    await page.keyboard.press('Enter');
    await page.locator('#panel-title', { hasText: 'North Korea' }).waitFor();
    expect(await page.evaluate((id) => window.cy.getElementById(id).nonempty(), NORTH_KOREA)).toBe(true);

    await page.locator('#act-expand').click();
    await page.locator('#status', { hasText: 'Expanded North Korea' }).waitFor();
    const expanded = await page.evaluate(() => window.cy.nodes().length);
    expect(expanded).toBeGreaterThan(5);

    // Undo takes the expansion back, redo brings it again.
    await page.locator('#undo').click();
    expect(await page.evaluate(() => window.cy.nodes().length)).toBe(1);
    await page.locator('#redo').click();
    expect(await page.evaluate(() => window.cy.nodes().length)).toBe(expanded);

    await clickGraphElement(page, RATIFIED);
    await page.locator('#panel .chip', { hasText: 'RATIFIED' }).waitFor();
    const quote = await expectQuoteFromArticle(page);
    expect(quote).toContain('Korea Utara telah meratifikasi');
    await page.locator('#fit').click();
    await page.waitForTimeout(400);
    await screenshot(page, 'provenance-panel.png');

    // The whole article, quote marked, on demand.
    await page.locator('#panel .claim button', { hasText: 'Show in article' }).first().click();
    await expect(page.locator('#panel .claim .article-text mark').first().textContent()).resolves.toBe(quote);

    await page.locator('#date-from').fill('2024-12-01');
    await page.locator('#date-to').fill('2024-12-31');
    const dated = await page.evaluate(() =>
      window.cy
        .edges()
        .not('.filtered')
        .map((e) => (e.data('raw') as { properties: { date: string | null } }).properties.date)
        .filter((d): d is string => !!d),
    );
    expect(dated.length).toBeGreaterThan(0);
    for (const d of dated) expect(d.slice(0, 7)).toBe('2024-12');
    expect(await page.evaluate((id) => window.cy.getElementById(id).hasClass('filtered'), RATIFIED)).toBe(true);

    await page.locator('#export-button').click();
    const [png] = await Promise.all([page.waitForEvent('download'), page.locator('#export-png').click()]);
    const pngBytes = fs.readFileSync(await png.path());
    expect([...pngBytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(pngBytes.length).toBeGreaterThan(1000);

    await page.locator('#export-button').click();
    const [graphml] = await Promise.all([page.waitForEvent('download'), page.locator('#export-graphml').click()]);
    const xml = fs.readFileSync(await graphml.path(), 'utf8');
    expect(xml).toContain('<graphml');
    expect(xml).toContain(NORTH_KOREA);
    if (hasNetworkx) expect(Object.keys(readWithNetworkx('graphml', xml).nodes)).toContain(NORTH_KOREA);

    const shown = await inView(page);
    await page.locator('#share').click();
    const url = await page.locator('#share-url').inputValue();
    expect(url).toContain('#view=');

    const restored = await session.open({ url, settled: false });
    await restored.waitForFunction((n) => window.cy.nodes().length > 0 && window.cy.elements().not('.filtered').length === n, shown.length);
    expect(await inView(restored)).toEqual(shown);
    expect(await restored.locator('#date-from').inputValue()).toBe('2024-12-01');
    await restored.close();

    // Faded rather than hidden: December 2024 against the rest of the neighbourhood.
    await page.locator('#pane-filters select[aria-label="What filtered elements do"]').selectOption('fade');
    await page.locator('#fit').click();
    await page.waitForTimeout(400); // the fit animates; the screenshot should show where it ends
    await screenshot(page, 'timeline-filter.png');
    await page.close();
  });

  it('runs a saved query from its generated form and shows the graph and a table', async () => {
    const page = await session.open({ settled: false });
    await page.locator('#tab-queries').click();
    await page.locator('details[data-name="ratifications"] summary').click();
    // The entity parameter is a picker: the name shows, the id is what is sent.
    await expect(page.locator('#qp-ratifications-agreement-id').textContent()).resolves.toBe('agreement:comprehensive-strategic-partnership-treaty');
    await page.waitForFunction(() => (document.querySelector('#qp-ratifications-agreement') as HTMLInputElement).value.startsWith('Comprehensive Strategic Partnership'));
    await page.locator('details[data-name="ratifications"] button[type=submit]').click();
    await page.locator('#results-table tbody tr').first().waitFor();
    expect(await page.locator('#results-table tbody tr').count()).toBeGreaterThan(0);
    await page.waitForFunction(() => window.cy.getElementById('agreement:comprehensive-strategic-partnership-treaty').nonempty());
    await page.evaluate(() => window.jejak.session.settled);
    await screenshot(page, 'saved-query.png');

    // Ad-hoc Cypher: a write is refused and the reason shown inline.
    await page.locator('#tab-cypher').click();
    const editor = page.locator('#cypher-host .cm-content');
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type("CREATE (n:Person {id: 'person:x'})");
    await page.locator('#cypher-run').click();
    await page.locator('#cypher-error').waitFor({ state: 'visible' });
    expect((await page.locator('#cypher-error').textContent())?.length).toBeGreaterThan(5);
    await page.close();
  });

  it('renders a quote containing <script> as text', async () => {
    const page = await session.open({ settled: false });
    const result = await page.evaluate(() => {
      const evil = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">';
      const section = window.jejak.renderClaims(
        [{ article: 'article:x', quote: evil, offset: 0, claim: '<b>bold</b>', dateNote: '', status: 'reported', number: '', date: '', place: '', outlet: '<i>Outlet</i>', headline: null, publishedAt: null, sentence: `Before ${evil} after.` }],
        () => Promise.reject(new Error('not used')),
      );
      document.body.append(section);
      return {
        mark: section.querySelector('mark')?.textContent,
        scripts: section.querySelectorAll('script, img, b, i').length,
        text: section.textContent,
        pwned: (window as unknown as { __pwned?: boolean }).__pwned ?? false,
      };
    });
    expect(result.mark).toBe('<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">');
    expect(result.scripts).toBe(0);
    expect(result.text).toContain('<b>bold</b>');
    expect(result.pwned).toBe(false);
    await page.close();
  });
});

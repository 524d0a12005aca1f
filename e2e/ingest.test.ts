/**
 * Reviewing an article like a person: paste it, preview, read the review at
 * 1024 px, move through the candidates with the keyboard, edit a date and a
 * status, see what merges into an existing edge, load with the token and find
 * the fact in the graph. Each engine gets its own server and page, so this
 * file does not depend on any other test having run.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphResponse } from '../shared/api.js';
import { startTestServer, testEngines, type TestServer } from '../server/testing/harness.js';
import { ensureClientBuilt, launchChromium, openExplorer, searchAndSelect } from './browser.js';

const TOKEN = 'e2e-token';
const BELOUSOV = 'person:andrei-belousov';
const KIM = 'person:kim-jong-un';
const MET = 'PYONGYANG - Pemimpin Korea Utara Kim Jong Un bertemu dengan Menteri Pertahanan Rusia Andrei Belousov di Pyongyang pada Jumat.';
// No date line: the review must say the article is undated; the signing keeps its stated date.
const ARTICLE = [
  'Kim Jong Un Terima Menteri Pertahanan Rusia di Pyongyang',
  '',
  MET,
  'Vladimir Putin dan Kim Jong Un menandatangani Perjanjian Kemitraan Strategis Komprehensif pada 19 Juni 2024 di Pyongyang.',
  'Baca juga:',
  'Korut Kirim Pasukan ke Kursk',
].join('\n');

let browser: Browser;
beforeAll(async () => {
  ensureClientBuilt();
  browser = await launchChromium();
});
afterAll(async () => browser?.close());

/** The Ingest tab, reached with the keyboard: from the first tab, ArrowLeft wraps round to the last. */
async function openIngestTab(page: Page): Promise<void> {
  await page.locator('#tab-filters').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#tab-ingest').getAttribute('aria-selected')).resolves.toBe('true');
  await page.locator('#pane-ingest').waitFor({ state: 'visible' });
}

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).boundingBox();
  if (!b) throw new Error(`${selector} is not laid out`);
  return b;
}

describe.each(testEngines())('reviewing an article in the browser on %s', (engine) => {
  let server: TestServer;
  const errors: string[] = [];
  beforeAll(async () => {
    server = await startTestServer(engine, { JEJAK_WRITE_TOKEN: TOKEN });
  });
  afterAll(async () => server?.close());

  it('reviews the candidates on a wide screen, edits one, sees the merges and loads them', async () => {
    const page = await openExplorer(browser, server.url, errors);
    await page.setViewportSize({ width: 1024, height: 768 });
    await openIngestTab(page);

    // A refused preview: the server's 400 message, in the sidebar.
    await page.locator('#ingest-text').fill('Kim Jong Un bertemu dengan Andrei Belousov.');
    await page.locator('#ingest-date').fill('2024-13-45');
    await page.locator('#ingest-preview').click();
    await page.locator('#ingest-error', { hasText: 'YYYY-MM-DD' }).waitFor();
    await page.locator('#ingest-date').fill('');

    // Ctrl+Enter previews; the review opens over the page, article beside candidates.
    await page.locator('#ingest-text').fill(ARTICLE);
    await page.locator('#ingest-text').press('Control+Enter');
    await page.locator('#ingest-review').waitFor({ state: 'visible' });
    const review = await box(page, '#ingest-review');
    expect(review.width).toBeGreaterThan(980);
    const [articleCol, candidatesCol] = [await box(page, '.review-article'), await box(page, '.review-candidates')];
    expect(articleCol.x + articleCol.width).toBeLessThanOrEqual(candidatesCol.x + 1);
    expect(Math.abs(articleCol.y - candidatesCol.y)).toBeLessThan(2);
    expect(candidatesCol.width).toBeGreaterThan(400);
    await expect(page.locator('#ingest-undated').textContent()).resolves.toMatch(/^Undated article/);
    await expect(page.locator('#ingest-headline').textContent()).resolves.toBe('Kim Jong Un Terima Menteri Pertahanan Rusia di Pyongyang');
    // "Baca juga" and its teaser are gone from the article text.
    await expect(page.locator('#ingest-article-text').textContent()).resolves.not.toContain('Korut Kirim Pasukan');

    // The meeting: undated ("Jumat" cannot be resolved), its words marked in the article.
    const met = page.locator('#ingest-candidates li.candidate[data-predicate="MET_WITH"]');
    await expect(met.locator('.candidate-fact').textContent()).resolves.toMatch(/Kim Jong Un —MET_WITH→ Andrei Belousov/);
    await expect(met.locator('.ingest-cand-date').inputValue()).resolves.toBe('');
    await expect(met.locator('.date-note').textContent()).resolves.toMatch(/Jumat" is relative to the publication date, which is unknown/);
    await expect(met.locator('blockquote').textContent()).resolves.toBe(MET);
    const metIndex = Number((await met.getAttribute('id'))!.replace('ingest-cand-', ''));
    const trigger = page.locator(`#ingest-article-text mark.span-trigger[data-cands~="${metIndex}"]`);
    await expect(trigger.textContent()).resolves.toBe('bertemu');

    // Clicking the marked verb selects its candidate; the keyboard moves and rejects.
    await trigger.click();
    await expect(met.getAttribute('class')).resolves.toContain('selected');
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe(`ingest-cand-${metIndex}`);
    const count = await page.locator('#ingest-candidates li.candidate').count();
    expect(count).toBeGreaterThan(1);
    await page.keyboard.press(metIndex === count - 1 ? 'ArrowUp' : 'ArrowDown');
    const other = await page.evaluate(() => document.activeElement?.id);
    expect(other).not.toBe(`ingest-cand-${metIndex}`);
    await page.keyboard.press('r');
    expect(await page.locator(`#${other} input.ingest-accept`).isChecked()).toBe(false);
    await page.keyboard.press('a');
    expect(await page.locator(`#${other} input.ingest-accept`).isChecked()).toBe(true);

    // Edit the meeting's date and status; the signing shows it adds a claim to the seed's edge.
    await met.locator('.ingest-cand-date').fill('2024-11-29');
    await met.locator('select.ingest-cand-status').selectOption('attributed');
    const signed = page.locator('#ingest-candidates li.candidate[data-predicate="SIGNED"]').first();
    await expect(signed.locator('.merge').getAttribute('data-action')).resolves.toBe('claim');
    await expect(signed.locator('.merge').textContent()).resolves.toMatch(/^Adds a claim to rel:.*same relationship between the same two/);
    await expect(page.locator('#ingest-load-hint').textContent()).resolves.toMatch(/will be loaded; \d+ of them add a claim/);

    // A wrong token: the 401 message, nothing written; the right one loads.
    await page.locator('#ingest-token').fill('not-the-token');
    await page.locator('#ingest-load').click();
    await page.locator('#ingest-load-error', { hasText: '401' }).waitFor();
    expect(await page.locator('#ingest-summary').textContent()).toBe('');
    await page.locator('#ingest-token').fill(TOKEN);
    await page.locator('#ingest-load').click();
    const summary = page.locator('#ingest-summary', { hasText: 'Loaded' });
    await summary.waitFor();
    const line = (await summary.textContent()) ?? '';
    expect(Number(/(\d+) claims? added/.exec(line)?.[1])).toBeGreaterThan(0);
    await page.locator('#ingest-load:not([aria-busy])').waitFor();

    // Escape closes the review; the meeting is in the graph with the reviewer's date and status.
    await page.locator('#ingest-load').focus();
    await page.keyboard.press('Escape');
    await page.locator('#ingest-review').waitFor({ state: 'hidden' });
    const edges = await page.evaluate(async () => ((await (await fetch('/api/graph?limit=10000')).json()) as GraphResponse).graph.edges);
    const meeting = edges.find((e) => e.type === 'MET_WITH' && e.source === KIM && e.target === BELOUSOV);
    expect(meeting?.properties).toMatchObject({ date: '2024-11-29', sourceStatuses: ['attributed'] });
    await searchAndSelect(page, 'Belousov', 'Andrei Belousov');
    expect(await page.evaluate((id) => window.cy.getElementById(id).connectedEdges('[type = "MET_WITH"]').length, BELOUSOV)).toBeGreaterThan(0);

    // The review opens again; loading the same article again changes nothing.
    await page.locator('#ingest-reopen').click();
    await page.locator('#ingest-review').waitFor({ state: 'visible' });
    await page.locator('#ingest-load').click();
    await page.locator('#ingest-summary', { hasText: '0 relationships created, 0 claims added' }).waitFor();
    await page.close();
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});

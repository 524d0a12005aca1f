import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../server/testing/harness.js';
import { ensureClientBuilt, launchChromium, openExplorer, searchAndSelect } from './browser.js';

const TOKEN = 'e2e-token';
const BELOUSOV = 'person:andrei-belousov';
const KIM = 'person:kim-jong-un';
const MET = 'Pemimpin Korea Utara Kim Jong Un bertemu dengan Menteri Pertahanan Rusia Andrei Belousov di Pyongyang pada Jumat, 29 November 2024.';
const ARTICLE = [
  'Kim Jong Un Terima Menteri Pertahanan Rusia di Pyongyang',
  'Senin, 2 Desember 2024',
  `Jakarta - ${MET} Kedua pihak membahas kerja sama militer kedua negara, menurut kantor berita KCNA.`,
  'Belousov tiba di Pyongyang sehari sebelumnya untuk kunjungan resmi.',
].join('\n');

let server: TestServer;
let browser: Browser;
const errors: string[] = [];

beforeAll(async () => {
  ensureClientBuilt();
  [server, browser] = await Promise.all([startTestServer('kuzu', { JEJAK_WRITE_TOKEN: TOKEN }), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The Ingest tab, reached with the keyboard: from the first tab, ArrowLeft wraps round to the last. */
async function openIngestTab(page: Page): Promise<void> {
  await page.locator('#tab-filters').focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#tab-ingest').getAttribute('aria-selected')).resolves.toBe('true');
  await page.locator('#pane-ingest').waitFor({ state: 'visible' });
}

function metWithEdges(page: Page, id: string): Promise<Array<{ source: string; target: string }>> {
  return page.evaluate(
    (nodeId) =>
      window.cy
        .getElementById(nodeId)
        .connectedEdges('[type = "MET_WITH"]')
        .map((e) => ({ source: e.source().id(), target: e.target().id() })),
    id,
  );
}

describe('ingesting an article in the browser', () => {
  it('previews candidates, refuses a wrong token, loads the accepted facts and shows them in the graph', async () => {
    const page = await openExplorer(browser, server.url, errors);
    expect(await metWithEdges(page, KIM).then((edges) => edges.filter((e) => e.target === BELOUSOV))).toEqual([]);
    await openIngestTab(page);

    // A preview the server refuses: its 400 message, in the panel.
    await page.locator('#ingest-text').fill('Kim Jong Un bertemu dengan Andrei Belousov di Pyongyang.');
    await page.locator('#ingest-date').fill('2024-13-45');
    await page.locator('#ingest-preview').click();
    await page.locator('#ingest-error', { hasText: 'YYYY-MM-DD' }).waitFor();
    await page.locator('#ingest-date').fill('');

    // Ctrl+Enter in the text previews.
    await page.locator('#ingest-text').fill(ARTICLE);
    await page.locator('#ingest-text').press('Control+Enter');
    const met = page.locator('#ingest-candidates li.candidate[data-predicate="MET_WITH"]');
    await met.waitFor();
    expect(await page.locator('#ingest-error').isHidden()).toBe(true);
    const fact = (await met.locator('.candidate-fact').textContent()) ?? '';
    expect(fact).toContain('Kim Jong Un');
    expect(fact).toContain('—MET_WITH→');
    expect(fact.indexOf('Kim Jong Un')).toBeLessThan(fact.indexOf('Andrei Belousov'));
    await expect(met.locator('blockquote').textContent()).resolves.toContain(MET);
    await expect(met.locator('.ingest-cand-date').inputValue()).resolves.toBe('2024-11-29');
    await expect(met.textContent()).resolves.toContain('Jumat, 29 November 2024');
    expect(await met.locator('input.ingest-accept').isChecked()).toBe(true);
    await expect(page.locator('#ingest-headline').textContent()).resolves.toContain('Kim Jong Un Terima');
    await page.locator('#ingest-new-entities').waitFor();
    await expect(page.locator('#ingest-skipped summary').textContent()).resolves.toMatch(/^\d+ triggers? skipped/);

    // A wrong token: the 401 message, nothing written.
    await page.locator('#ingest-token').fill('not-the-token');
    await page.locator('#ingest-load').click();
    await page.locator('#ingest-load-error', { hasText: '401' }).waitFor();
    await expect(page.locator('#ingest-load-error').textContent()).resolves.toContain('Authorization: Bearer');
    expect(await page.locator('#ingest-summary').textContent()).toBe('');

    // The right token (kept for this tab only), loaded; the overview is drawn again.
    await page.locator('#ingest-token').fill(TOKEN);
    expect(await page.evaluate(() => [sessionStorage.getItem('jejak.writeToken'), localStorage.getItem('jejak.writeToken')])).toEqual([TOKEN, null]);
    await page.locator('#ingest-load').click();
    const summary = page.locator('#ingest-summary', { hasText: 'Loaded' });
    await summary.waitFor();
    expect(await page.locator('#ingest-load-error').isHidden()).toBe(true);
    const line = (await summary.textContent()) ?? '';
    const [, created, claims] = /(\d+) relationships? created, (\d+) claims? added/.exec(line) ?? [];
    expect(Number(created) + Number(claims), line).toBeGreaterThan(0);
    await page.locator('#ingest-load:not([aria-busy])').waitFor();

    // Search Belousov, select him: the meeting with Kim Jong Un is in the graph.
    await searchAndSelect(page, 'Belousov', 'Andrei Belousov');
    expect(await page.evaluate((id) => window.cy.getElementById(id).selected(), BELOUSOV)).toBe(true);
    expect(await metWithEdges(page, BELOUSOV)).toContainEqual({ source: KIM, target: BELOUSOV });

    // The same article again changes nothing.
    await page.locator('#ingest-load').click();
    await page.locator('#ingest-summary', { hasText: '0 relationships created, 0 claims added' }).waitFor();
    await page.close();
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});

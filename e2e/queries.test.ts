/** Issue 15, queries that say what happened: pickers, explained empty and invalid results, add or replace, a table that closes, a wide Cypher editor. */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, CLAIM_STATUS_DEFS } from '../shared/schema.js';
import { testEngines } from '../server/testing/harness.js';
import { useBrowserSession } from './browser.js';

const TREATY = 'agreement:comprehensive-strategic-partnership-treaty';

function elementIds(p: Page): Promise<string[]> {
  return p.evaluate(() => window.cy.elements().map((e) => e.id()).sort());
}

async function openQuery(p: Page, name: string): Promise<void> {
  await p.locator('#tab-queries').click();
  await p.locator(`details[data-name="${name}"] summary`).click();
  await p.locator(`details[data-name="${name}"] form`).waitFor();
}

async function runCypher(p: Page, query: string): Promise<void> {
  await p.locator('#tab-cypher').click();
  const editor = p.locator('#cypher-host .cm-content');
  await editor.waitFor();
  await editor.click();
  await p.keyboard.press('Control+A');
  await p.keyboard.type(query);
  await p.locator('#cypher-run').click();
}

describe.each(testEngines())('queries that say what happened on %s', (engine) => {
  const session = useBrowserSession(engine);

  const fresh = (): Promise<Page> => session.open();

  it('picks an entity parameter by name from the search matches and sends its id', async () => {
    const p = await fresh();
    await openQuery(p, 'entity-neighbourhood');
    const input = p.locator('#qp-entity-neighbourhood-id');
    await input.fill('');
    await input.pressSequentially('Korut', { delay: 30 });
    await p.locator('#qp-entity-neighbourhood-id-list [role=option]', { hasText: 'North Korea' }).first().click();
    await expect(p.locator('#qp-entity-neighbourhood-id-id').textContent()).resolves.toBe('state:north-korea');
    await p.locator('details[data-name="entity-neighbourhood"] button[type=submit]').click();
    await p.locator('#results-table tbody tr').first().waitFor();
    expect(await p.evaluate(() => window.cy.getElementById('state:north-korea').nonempty())).toBe(true);

    // Typed but not picked: the form says what to do and sends nothing.
    const before = await elementIds(p);
    await input.fill('Nobody at all');
    await p.locator('details[data-name="entity-neighbourhood"] button[type=submit]').click();
    await p.locator('details[data-name="entity-neighbourhood"] .error', { hasText: 'pick “Nobody at all” from the list' }).waitFor();
    expect(await elementIds(p)).toEqual(before);
  });

  it('explains an empty result, a negative limit and a reversed date range, and keeps the scene', async () => {
    const p = await fresh();
    const before = await elementIds(p);
    await openQuery(p, 'most-connected');
    await p.locator('#qp-most-connected-limit').fill('-1');
    await p.locator('details[data-name="most-connected"] button[type=submit]').click();
    await p.locator('details[data-name="most-connected"] .error', { hasText: 'limit must be a whole number of 0 or more (got -1)' }).waitFor();

    await openQuery(p, 'events-between');
    await p.locator('#qp-events-between-from').fill('2024-12-31');
    await p.locator('#qp-events-between-to').fill('2024-01-01');
    await p.locator('details[data-name="events-between"] button[type=submit]').click();
    await p.locator('details[data-name="events-between"] .error', { hasText: 'from (2024-12-31) is after to (2024-01-01)' }).waitFor();

    await p.locator('#qp-events-between-from').fill('1900-01-01');
    await p.locator('#qp-events-between-to').fill('1900-12-31');
    await p.locator('details[data-name="events-between"] button[type=submit]').click();
    await p.locator('#status.error', { hasText: 'Events between two dates: nothing matched (0 rows); the graph is unchanged.' }).waitFor();
    expect(await elementIds(p)).toEqual(before);
  });

  it('shows values-only Cypher as a table without touching the canvas, and a syntax error as one', async () => {
    const p = await fresh();
    const before = await elementIds(p);
    await runCypher(p, 'MATCH (n:Person) RETURN n.name AS name ORDER BY name LIMIT 3');
    await p.locator('#results-table tbody tr').nth(2).waitFor();
    expect(await p.locator('#results-table tbody tr').count()).toBe(3);
    await p.locator('#status', { hasText: 'rows of values, shown in the table; the graph is unchanged' }).waitFor();
    expect(await elementIds(p)).toEqual(before);

    await runCypher(p, 'MATC (n) RETURN n');
    await p.locator('#cypher-error', { hasText: 'Syntax error:' }).waitFor();
    expect(await p.locator('#cypher-error').textContent()).toMatch(/^Syntax error: .*MATC.*line 1, column \d+/);
    expect(await elementIds(p)).toEqual(before);
    // The editor spans the graph's width, not the sidebar's.
    const widths = await p.evaluate(() => ({ editor: document.querySelector('#cypher-host')!.getBoundingClientRect().width, stage: document.querySelector('.stage')!.getBoundingClientRect().width }));
    expect(widths.editor).toBeGreaterThan(widths.stage * 0.9);
  });

  it('offers the schema\'s claim statuses and "any" for a claimStatus parameter, and sends the one chosen', async () => {
    const p = await fresh();
    await openQuery(p, 'quote-search');
    const select = p.locator('#qp-quote-search-status');
    expect(await select.evaluate((s) => s.tagName)).toBe('SELECT');
    const options = await select.locator('option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(options).toEqual([['', 'any'], ...CLAIM_STATUSES.map((s) => [s, CLAIM_STATUS_DEFS[s].label])]);
    await expect(select.inputValue()).resolves.toBe('');

    const run = async () => {
      const [request, response] = await Promise.all([
        p.waitForRequest((r) => r.url().endsWith('/api/queries/quote-search/run')),
        p.waitForResponse((r) => r.url().endsWith('/api/queries/quote-search/run')),
        p.locator('details[data-name="quote-search"] button[type=submit]').click(),
      ]);
      const rows = ((await response.json()) as { rows: Array<Record<string, unknown>> }).rows;
      return { params: (request.postDataJSON() as { params: Record<string, unknown> }).params, statuses: rows.map((r) => r.status) };
    };
    const any = await run();
    expect(any.params).not.toHaveProperty('status');
    await select.selectOption('attributed-unnamed');
    const one = await run();
    expect(one.params.status).toBe('attributed-unnamed');
    // Every claim the query answers now has that status, and there are fewer than with "any".
    expect(one.statuses.length).toBeGreaterThan(0);
    expect(new Set(one.statuses)).toEqual(new Set(['attributed-unnamed']));
    expect(one.statuses.length).toBeLessThan(any.statuses.length);
  });

  it('adds results to the scene or replaces it; the table closes and its rows select their elements', async () => {
    const p = await fresh();
    const before = await elementIds(p);
    await openQuery(p, 'ratifications');
    await p.locator('#pane-queries select.result-target').selectOption('add');
    await p.locator('details[data-name="ratifications"] button[type=submit]').click();
    await p.locator('#results-table tbody tr').first().waitFor();
    await p.locator('#status', { hasText: 'added to the scene' }).waitFor();
    const added = await elementIds(p);
    for (const id of before) expect(added).toContain(id);

    await p.locator('#pane-queries select.result-target').selectOption('replace');
    await p.locator('details[data-name="ratifications"] button[type=submit]').click();
    await p.locator('#status', { hasText: 'the scene replaced' }).waitFor();
    const replaced = await elementIds(p);
    expect(replaced.length).toBeLessThan(before.length);
    expect(replaced).toContain(TREATY);

    // A row selects the nodes and relationships it names.
    const row = p.locator('#results-table tbody tr.selectable').first();
    await row.click();
    const selected = await p.evaluate(() => window.cy.elements(':selected').map((e) => e.id()));
    expect(selected.length).toBeGreaterThan(1);
    expect(selected).toContain(TREATY);

    const graphHeight = () => p.evaluate(() => document.querySelector('#graph')!.getBoundingClientRect().height);
    const withTable = await graphHeight();
    await p.locator('#results-close').click();
    await p.locator('#results').waitFor({ state: 'hidden' });
    expect(await graphHeight()).toBeGreaterThan(withTable);
  });
});

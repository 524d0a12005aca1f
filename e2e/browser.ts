/** Browser-test plumbing: a fresh client build when the sources changed, and Debian's chromium via playwright-core. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { startTestServer, type TestEngine, type TestServer } from '../server/testing/harness.js';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOTS = path.join(ROOT, 'docs/screenshots');

function newestMtime(target: string): number {
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(target).map((name) => newestMtime(path.join(target, name))));
}

/** Builds dist/client unless it is newer than every client and shared source. */
export function ensureClientBuilt(): void {
  const built = path.join(ROOT, 'dist/client/index.html');
  const sources = Math.max(newestMtime(path.join(ROOT, 'client')), newestMtime(path.join(ROOT, 'shared')));
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > sources) return;
  execFileSync('npx', ['vite', 'build', '--config', 'client/vite.config.ts'], { cwd: ROOT, stdio: 'pipe' });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Opens the explorer and waits until its first graph is drawn; page errors fail the test. */
export async function openExplorer(browser: Browser, url: string, errors: string[], viewport = { width: 1440, height: 900 }, device: { phone?: boolean } = {}): Promise<Page> {
  // A phone: touch events, a mobile viewport meta honoured, no mouse hover.
  const touch = device.phone ? { isMobile: true, hasTouch: true, deviceScaleFactor: 2 } : {};
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...touch });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    // A 4xx the page expects (a refused query) is logged by the browser; the page shows it, so it is not a fault.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(msg.text());
  });
  await page.goto(url);
  await page.waitForFunction(() => typeof window.jejak?.ready === 'object');
  await page.evaluate(() => window.jejak.ready);
  return page;
}

export interface BrowserSession {
  /** The test server of this session; set once its beforeAll has run. */
  readonly server: TestServer;
  /** Page errors of the running test (each test must raise none; checked after it). */
  readonly errors: string[];
  /**
   * A fresh page on the explorer in a context of its own, waited until its
   * first graph is drawn and (unless `settled: false`) its view has settled;
   * `url` (default the server's) opens a shared view.
   * Every page a test opens is closed after it.
   */
  open(options?: { viewport?: { width: number; height: number }; settled?: boolean; url?: string; phone?: boolean }): Promise<Page>;
}

// One chromium per test file: every session registers at collection time, so the last one to finish closes it.
let sharedBrowser: Promise<Browser> | undefined;
let sessions = 0;

/**
 * Registers, in the enclosing `describe` (or the file), the hooks of a browser
 * test: the client built, one chromium for the file, a test server on `engine`
 * for the block, a fresh page per test (so no test relies on what another
 * left), and after each test its pages closed and its page errors asserted empty.
 */
export function useBrowserSession(engine: TestEngine, options: { env?: Record<string, string> } = {}): BrowserSession {
  sessions++;
  let server: TestServer | undefined;
  let errors: string[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    ensureClientBuilt();
    sharedBrowser ??= launchChromium();
    await sharedBrowser;
    server = await startTestServer(engine, options.env);
  }, 300_000);

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
    const seen = errors;
    errors = [];
    expect(seen).toEqual([]);
  });

  afterAll(async () => {
    await server?.close();
    if (--sessions === 0 && sharedBrowser) {
      const browser = sharedBrowser;
      sharedBrowser = undefined;
      await (await browser).close();
    }
  });

  return {
    get server() {
      if (!server) throw new Error('the test server is not started yet: use the session inside a test or hook');
      return server;
    },
    get errors() {
      return errors;
    },
    async open({ viewport, settled = true, url, phone = false } = {}) {
      if (!server || !sharedBrowser) throw new Error('the browser session is not started yet');
      const page = await openExplorer(await sharedBrowser, url ?? server.url, errors, viewport, { phone });
      pages.push(page);
      if (settled) await page.evaluate(() => window.jejak.session.settled);
      return page;
    },
  };
}

/** Clicks (or right-clicks) an element of the graph where it is drawn, as a person would. */
/**
 * Waits until the graph holds still: the viewport and every node's position unchanged for five
 * animation frames (at most 10 s). An animated fit or a streamed layout may still be moving
 * things, and a click aimed at a position computed meanwhile lands elsewhere.
 */
export async function waitForStillGraph(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const cy = window.cy;
        const snapshot = () => JSON.stringify([cy.zoom(), cy.pan(), cy.nodes().map((n) => n.position())]);
        const until = performance.now() + 10_000;
        let last = snapshot();
        let still = 0;
        const tick = () => {
          const now = snapshot();
          still = now === last && !cy.animated() ? still + 1 : 0;
          last = now;
          if (still >= 5 || performance.now() > until) resolve();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );
}

/** Where node `id` is on the page now, without moving the view (for clicks that must come quickly one after another). */
export function nodePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const box = window.cy.container()!.getBoundingClientRect();
    const r = window.cy.getElementById(nodeId).renderedPosition();
    return { x: box.left + r.x, y: box.top + r.y };
  }, id);
}

export async function clickGraphElement(page: Page, id: string, options: { double?: boolean; button?: 'left' | 'right' } = {}): Promise<void> {
  await waitForStillGraph(page);
  const point = await page.evaluate((elementId) => {
    const cy = window.cy;
    const ele = cy.getElementById(elementId);
    if (ele.empty()) throw new Error(`${elementId} is not in view`);
    // Bring it into view first, like zooming towards what you want to click.
    cy.fit(ele.isEdge() ? ele.connectedNodes() : ele, 160);
    const box = cy.container()!.getBoundingClientRect();
    if (ele.isNode()) {
      const p = (ele as NodeSingular).renderedPosition();
      return { x: box.left + p.x, y: box.top + p.y };
    }
    // A point on the edge that no node covers: the midpoint, else along a straight (unbundled) edge.
    const edge = ele as EdgeSingular;
    const candidates = [edge.renderedMidpoint()];
    if (edge.parallelEdges().length === 1) {
      const s = edge.renderedSourceEndpoint();
      const t = edge.renderedTargetEndpoint();
      for (const k of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) candidates.push({ x: s.x + (t.x - s.x) * k, y: s.y + (t.y - s.y) * k });
    }
    const covered = (p: { x: number; y: number }) =>
      cy.nodes().some((n) => {
        const b = n.renderedBoundingBox({ includeLabels: false });
        return p.x >= b.x1 - 4 && p.x <= b.x2 + 4 && p.y >= b.y1 - 4 && p.y <= b.y2 + 4;
      });
    const p = candidates.find((c) => !covered(c)) ?? candidates[0];
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
  if (options.double) await page.mouse.dblclick(point.x, point.y);
  else await page.mouse.click(point.x, point.y, { button: options.button ?? 'left' });
}

/**
 * Writes docs/screenshots/<name> only when asked (`npm run screenshots` sets
 * JEJAK_SCREENSHOTS=1): a plain `npm test` must not rewrite tracked files.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.JEJAK_SCREENSHOTS !== '1') return;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, name) });
}

/** Ids of the edges whose label is drawn now: a label set, and big enough on screen for Cytoscape to draw it. */
export function readableEdgeLabels(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = window.cy;
    return cy
      .edges()
      .not('.filtered')
      .filter((e) => {
        // Cytoscape's parsed style (pstyle) is public API but missing from its typings.
        const style = (name: string) => (e as unknown as { pstyle(n: string): { strValue: string; pfValue: number } }).pstyle(name);
        const label = style('label').strValue;
        const size = style('font-size').pfValue * cy.zoom();
        return !!label && size >= style('min-zoomed-font-size').pfValue;
      })
      .map((e) => e.id());
  });
}

/** Pairs of shown nodes whose boxes (node and name together) overlap on screen. */
export function labelOverlaps(page: Page): Promise<Array<[string, string]>> {
  return page.evaluate(() => {
    const boxes = window.cy
      .nodes()
      .not('.filtered')
      .map((n) => ({ id: n.id(), b: n.renderedBoundingBox({ includeLabels: true }) }));
    const out: Array<[string, string]> = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].b;
        const b = boxes[j].b;
        if (Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > 1 && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > 1) out.push([boxes[i].id, boxes[j].id]);
      }
    return out;
  });
}

/** Types into the search box and picks the first hit that names `name`; resolves when the details panel shows it. */
export async function searchAndSelect(page: Page, query: string, name: string): Promise<void> {
  await page.locator('#search-input').fill('');
  await page.locator('#search-input').pressSequentially(query, { delay: 30 });
  await page.locator('#search-list [role=option]', { hasText: name }).first().click();
  await page.locator('#panel-title', { hasText: name }).waitFor();
}

/** Where the explorer's panels are on screen, for the width and phone tests: boxes, overlaps, what sticks out of the viewport. */
import type { Page } from 'playwright-core';

export interface Box {
  name: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The panels of the desktop layout, each a cell of its own (index.html). */
export const DESKTOP_PANELS: Record<string, string> = {
  search: '#search',
  toolbar: '.toolbar',
  sidebar: '.sidebar',
  graph: '#graph-wrap',
  details: '#panel',
  timeline: '#timeline',
  results: '#results',
  cypher: '#cypher-drawer',
};

/** Boxes of the panels that are shown (display not none, some size), by name. */
export function panelBoxes(page: Page, panels: Record<string, string> = DESKTOP_PANELS): Promise<Box[]> {
  return page.evaluate((wanted) => {
    const out: Box[] = [];
    for (const [name, selector] of Object.entries(wanted)) {
      const e = document.querySelector(selector);
      if (!e) continue;
      const r = e.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      out.push({ name, left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
    return out;
  }, panels);
}

/** Pairs of boxes that share more than half a pixel both ways, as "a × b". */
export function overlaps(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++) {
      const a = boxes[i];
      const b = boxes[j];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5) out.push(`${a.name} × ${b.name}`);
    }
  return out;
}

/**
 * The canvas against its cell: Cytoscape's size, its canvas's box and the
 * #graph-wrap cell's box. They are equal when Cytoscape follows its container.
 */
export function canvasFit(page: Page): Promise<{ cell: Box; canvas: Box; cy: { width: number; height: number } }> {
  return page.evaluate(() => {
    const box = (name: string, e: Element): Box => {
      const r = e.getBoundingClientRect();
      return { name, left: Math.round(r.left), top: Math.round(r.top), right: Math.round(r.right), bottom: Math.round(r.bottom) };
    };
    const canvas = document.querySelector('#graph canvas')!;
    return { cell: box('cell', document.querySelector('#graph-wrap')!), canvas: box('canvas', canvas), cy: { width: window.cy.width(), height: window.cy.height() } };
  });
}

/**
 * Shown elements that stick out of the viewport sideways (the page, or a
 * panel, would scroll), as "tag#id.class". Not counted: the skip link, which
 * waits off screen by design; a results table, which scrolls in its own box;
 * the shapes inside an SVG (the SVG itself is counted).
 */
export function widerThanViewport(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${width}`);
    for (const e of document.querySelectorAll('body *')) {
      if (e.closest('.skip, .visually-hidden') || e.parentElement?.closest('svg, .table-wrap')) continue;
      const r = e.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) continue;
      if (r.right > width + 0.5 || r.left < -0.5) out.push(`${e.tagName.toLowerCase()}#${e.id}.${e.getAttribute('class') ?? ''} (${Math.round(r.left)}–${Math.round(r.right)})`);
    }
    return out;
  });
}

/**
 * Exploring from what is shown: expand a node's neighbours a page at a time
 * (all, or one relationship type), collapse what its expansions added, hide,
 * pin, focus on an ego network, bring a search result into view beside its
 * neighbours (paths are in paths.ts).
 * Every action is one undoable change of the session.
 */
import type { Core, NodeSingular } from 'cytoscape';
import { REL_TYPES } from '../../shared/schema.js';
import { api } from './api.js';
import type { Session } from './session.js';

export const PAGE_SIZE = 25;

/** Relationship types to ask for: the ones the filters show, so hidden MENTIONS are not fetched. */
function wantedTypes(session: Session, node: NodeSingular): string[] | undefined {
  const off = session.filters.types.filter((t) => !(node.data('label') === 'Article' && t === 'MENTIONS'));
  return off.length ? REL_TYPES.filter((t) => !off.includes(t)) : undefined;
}

/** New nodes start around the node they came from, so the layout animates outward. */
function placeAround(session: Session, centre: NodeSingular, ids: string[]): void {
  const c = centre.position();
  const fresh = ids.map((id) => session.cy.getElementById(id)).filter((e) => e.isNode() && e.id() !== centre.id());
  fresh.forEach((n, i) => {
    const a = (2 * Math.PI * i) / Math.max(fresh.length, 1);
    n.position({ x: c.x + 90 * Math.cos(a), y: c.y + 90 * Math.sin(a) });
  });
}

async function addNeighbours(session: Session, id: string, query: { offset: number; types?: string[]; direction?: 'out' | 'in' | 'both' }): Promise<string> {
  // Asking for a type by name shows it, even if the filters had it switched off.
  const shown = query.types ? session.filters.types.filter((t) => !query.types?.includes(t)) : session.filters.types;
  const node = session.cy.getElementById(id) as NodeSingular;
  const res = await api.neighbours(id, { limit: PAGE_SIZE, offset: query.offset, types: query.types ?? wantedTypes(session, node), direction: query.direction });
  let added: string[] = [];
  await session.change(() => {
    added = session.view.add(res.graph);
    session.filters = { ...session.filters, types: shown };
    if (!query.types) {
      const loaded = query.offset + res.graph.edges.length;
      session.pages.set(id, { loaded, total: res.total ?? loaded });
    }
    placeAround(session, session.cy.getElementById(id) as NodeSingular, added);
    if (added.length) session.expansions.set(id, [...(session.expansions.get(id) ?? []), ...added]);
  });
  if (added.length) await session.relayout({ randomize: false, moving: added });
  const page = session.pages.get(id);
  const more = page && page.loaded < page.total ? `; ${page.total - page.loaded} more` : '';
  return `${added.filter((x) => session.cy.getElementById(x).isNode()).length} new nodes${more}`;
}

export function expand(session: Session, id: string): Promise<string> {
  return addNeighbours(session, id, { offset: 0 });
}

export function expandMore(session: Session, id: string): Promise<string> {
  return addNeighbours(session, id, { offset: session.pages.get(id)?.loaded ?? 0 });
}

export function expandType(session: Session, id: string, type: string, direction: 'out' | 'in' | 'both'): Promise<string> {
  return addNeighbours(session, id, { offset: 0, types: [type], direction });
}

/**
 * What collapsing a node would remove: the elements its expansions added that
 * are still in view, except what something else still needs (the root of
 * another expansion, what another expansion added or connects to, a pinned node).
 */
export function collapsible(session: Session, id: string): string[] {
  const cy = session.cy;
  const needed = new Set<string>([id]);
  for (const [root, ids] of session.expansions) {
    if (root === id) continue;
    needed.add(root);
    for (const x of ids) {
      needed.add(x);
      const e = cy.getElementById(x);
      if (e.nonempty() && e.isEdge()) needed.add(e.data('source')).add(e.data('target'));
    }
  }
  return (session.expansions.get(id) ?? []).filter((x) => {
    const e = cy.getElementById(x);
    return e.nonempty() && !needed.has(x) && !e.hasClass('pinned');
  });
}

/** Removes what the node's expansions added (collapsible), and forgets its paging; returns how many nodes went. */
export function collapse(session: Session, id: string): Promise<number> {
  const gone = collapsible(session, id);
  const nodes = gone.filter((x) => session.cy.getElementById(x).isNode()).length;
  return session
    .change(() => {
      const cy = session.cy;
      cy.batch(() => {
        // Edges first, so a removed node's count is its own.
        for (const x of gone) cy.getElementById(x).filter((e) => e.isEdge()).remove();
        for (const x of gone) cy.getElementById(x).remove();
      });
      // What another expansion still needs stays, and stays this node's: collapsing it again once that is gone removes it.
      const kept = (session.expansions.get(id) ?? []).filter((x) => cy.getElementById(x).nonempty());
      if (kept.length) session.expansions.set(id, kept);
      else session.expansions.delete(id);
      session.pages.delete(id);
      for (const x of gone) session.expansions.delete(x);
    })
    .then(() => nodes);
}

/** Neighbours fetched to link a search result to what is shown: one page; a hub's further edges are left out (and said so). */
const LINK_LIMIT = 1000;

function overlapsAny(cy: Core, node: NodeSingular): boolean {
  const b = node.boundingBox({ includeLabels: true });
  const gap = 6;
  return cy
    .nodes()
    .not(node)
    .not('.filtered')
    .some((m) => {
      const o = m.boundingBox({ includeLabels: true });
      return b.x1 < o.x2 + gap && o.x1 < b.x2 + gap && b.y1 < o.y2 + gap && o.y1 < b.y2 + gap;
    });
}

/** Puts the node at the free spot nearest `centre`: rings of candidates, widening until one overlaps no node. */
export function placeFree(cy: Core, node: NodeSingular, centre: { x: number; y: number }): void {
  node.position(centre);
  if (!overlapsAny(cy, node)) return;
  for (let ring = 1; ring <= 40; ring++) {
    const r = ring * 45;
    const steps = 8 * ring;
    for (let k = 0; k < steps; k++) {
      const a = (2 * Math.PI * k) / steps;
      node.position({ x: centre.x + r * Math.cos(a), y: centre.y + r * Math.sin(a) });
      if (!overlapsAny(cy, node)) return;
    }
  }
}

/**
 * Brings a node into view (from search): with its relationships to what is
 * already shown, at a free spot among those neighbours (the middle of the
 * view when none is shown). Returns what was added, for the status line.
 */
export async function addNode(session: Session, id: string): Promise<{ added: boolean; links: number; cut: boolean }> {
  const cy = session.cy;
  if (cy.getElementById(id).nonempty()) return { added: false, links: 0, cut: false };
  const [{ node }, around] = await Promise.all([api.node(id), api.neighbours(id, { limit: LINK_LIMIT })]);
  const inView = (other: string) => other !== id && cy.getElementById(other).nonempty();
  const links = around.graph.edges.filter((e) => inView(e.source === id ? e.target : e.source));
  await session.change(() => {
    session.view.add({ nodes: [node], edges: links });
    const here = cy.getElementById(id) as NodeSingular;
    const neighbours = here.neighborhood('node').not('.filtered');
    const ext = cy.extent();
    let centre = { x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 };
    if (neighbours.nonempty()) {
      const ps = neighbours.map((n) => (n as NodeSingular).position());
      centre = { x: ps.reduce((t, p) => t + p.x, 0) / ps.length, y: ps.reduce((t, p) => t + p.y, 0) / ps.length };
    }
    placeFree(cy, here, centre);
  });
  return { added: true, links: links.length, cut: around.truncated };
}

export function hide(session: Session, ids: string[]): Promise<void> {
  return session.change(() => {
    for (const id of ids) session.cy.getElementById(id).remove();
    for (const id of ids) session.pages.delete(id);
  });
}

export function togglePin(session: Session, id: string): Promise<void> {
  return session.change(() => {
    const n = session.cy.getElementById(id);
    if (n.hasClass('pinned')) n.removeClass('pinned').unlock();
    else n.addClass('pinned').lock();
  });
}

/** Only the node and its neighbours stay in view. */
export async function focusEgo(session: Session, id: string): Promise<void> {
  const node = session.cy.getElementById(id) as NodeSingular;
  const res = await api.neighbours(id, { limit: 100, types: wantedTypes(session, node) });
  await session.change(() => {
    session.view.replace(res.graph);
    session.expansions.clear();
    session.pages.set(id, { loaded: res.graph.edges.length, total: res.total ?? res.graph.edges.length });
  });
  await session.relayout();
}

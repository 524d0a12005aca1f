/**
 * Exploring from what is shown: expand a node's neighbours a page at a time,
 * hide, pin, focus on an ego network (paths are in paths.ts).
 * Every action is one undoable change of the session.
 */
import type { NodeSingular } from 'cytoscape';
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

export function expandType(session: Session, id: string, type: string, direction: 'out' | 'in'): Promise<string> {
  return addNeighbours(session, id, { offset: 0, types: [type], direction });
}

/** Adds one node (from search) and its neighbours. */
export async function addNode(session: Session, id: string): Promise<void> {
  if (session.cy.getElementById(id).empty()) {
    const { node } = await api.node(id);
    await session.change(() => {
      session.view.add({ nodes: [node], edges: [] });
      const ext = session.cy.extent();
      session.cy.getElementById(id).position({ x: (ext.x1 + ext.x2) / 2, y: (ext.y1 + ext.y2) / 2 });
    });
  }
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
    session.pages.set(id, { loaded: res.graph.edges.length, total: res.total ?? res.graph.edges.length });
  });
  await session.relayout();
}

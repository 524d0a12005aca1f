/**
 * Paths between two nodes, from the UI: the shortest one or all of them up
 * to k hops (`/api/paths`), listed with their hops and each hop's sources.
 * The chosen path is highlighted in context: its elements marked, the rest
 * dimmed (never hidden), and the view moves only as far as it must to show it.
 */
import type { Core, NodeSingular } from 'cytoscape';
import type { PathsResponse } from '../../shared/api.js';
import type { Graph, GraphEdge } from '../../shared/graph.js';
import { api } from './api.js';
import { byId, clear, el } from './dom.js';
import type { Session } from './session.js';

/** The API's cap for all paths (server/services/paths.ts). */
export const MAX_ALL_HOPS = 4;

export interface PathRequest {
  from: string;
  to: string;
  mode: 'shortest' | 'all';
  maxHops: number;
}

export function fetchPaths(r: PathRequest): Promise<PathsResponse> {
  return api.paths(r.from, r.to, r.mode, r.mode === 'all' ? r.maxHops : undefined);
}

/** Marks one path and dims everything else; adds its elements to the view first when they are not there. */
export async function highlightPath(session: Session, path: Graph): Promise<void> {
  let added: string[] = [];
  await session.change(() => {
    added = session.view.add(path);
    placeNear(session.cy, added);
  });
  if (added.length) await session.relayout({ randomize: false, moving: added });
  const cy = session.cy;
  const ids = new Set([...path.nodes.map((n) => n.id), ...path.edges.map((e) => e.id)]);
  cy.batch(() => {
    cy.elements().removeClass('path dimmed');
    cy.elements().forEach((ele) => {
      ele.addClass(ids.has(ele.id()) ? 'path' : 'dimmed');
    });
  });
  revealWithoutZooming(cy, cy.elements('.path'));
}

export function clearPath(cy: Core): void {
  cy.elements().removeClass('path dimmed');
}

/** New path nodes start beside a neighbour already in view. */
function placeNear(cy: Core, ids: string[]): void {
  for (const id of ids) {
    const n = cy.getElementById(id);
    if (!n.isNode()) continue;
    const known = (n as NodeSingular).neighborhood('node').filter((m) => !ids.includes(m.id()));
    if (known.nonempty()) {
      const p = (known[0] as NodeSingular).position();
      (n as NodeSingular).position({ x: p.x + 60, y: p.y + 60 });
    }
  }
}

/** Pans (and zooms out if it must) so the elements are in view; never zooms in. */
function revealWithoutZooming(cy: Core, eles: ReturnType<Core['elements']>): void {
  if (eles.empty()) return;
  const bb = eles.boundingBox();
  const ext = cy.extent();
  if (bb.x1 >= ext.x1 && bb.x2 <= ext.x2 && bb.y1 >= ext.y1 && bb.y2 <= ext.y2) return;
  const pad = 40;
  const zoom = Math.min(cy.zoom(), (cy.width() - 2 * pad) / Math.max(bb.w, 1), (cy.height() - 2 * pad) / Math.max(bb.h, 1));
  cy.animate({ zoom, pan: { x: cy.width() / 2 - zoom * (bb.x1 + bb.w / 2), y: cy.height() / 2 - zoom * (bb.y1 + bb.h / 2) }, duration: 300 });
}

export interface PathPanelHooks {
  name(id: string): string;
  /** Where a hop's facts come from: outlet and date of each source article. */
  sourceTitle(articleId: string): string;
  select(path: Graph): void;
  openEdge(edgeId: string): void;
  find(request: PathRequest): void;
}

function hop(edge: GraphEdge, hooks: PathPanelHooks): HTMLElement {
  const sources = Array.isArray(edge.properties.sourceArticles) ? (edge.properties.sourceArticles as string[]) : [];
  const text = `${hooks.name(edge.source)} —${edge.type}→ ${hooks.name(edge.target)}`;
  return el(
    'li',
    { class: 'hop' },
    el('button', { type: 'button', class: 'link', 'data-edge': edge.id, 'aria-label': `Sources of ${text}`, text, onclick: () => hooks.openEdge(edge.id) }),
    el('span', { class: 'muted small', text: sources.length ? ` · ${sources.map((a) => hooks.sourceTitle(a)).join('; ')}` : ' · no source' }),
  );
}

/** The path panel: the two ends, shortest or all up to k hops, and the list of paths found. */
export function renderPathPanel(request: PathRequest, result: PathsResponse | null, hooks: PathPanelHooks): void {
  const panel = byId('panel');
  clear(panel);
  const mode = el('select', { id: 'path-mode', 'aria-label': 'Which paths' }, el('option', { value: 'shortest', text: 'Shortest path', selected: request.mode === 'shortest' }), el('option', { value: 'all', text: 'All paths up to', selected: request.mode === 'all' }));
  const hops = el('input', { id: 'path-hops', type: 'number', min: 1, max: MAX_ALL_HOPS, step: 1, value: String(request.maxHops), 'aria-label': 'Most hops per path' });
  const find = el('button', { type: 'submit', id: 'path-find', text: 'Find' });
  const form = el('form', { class: 'row path-form' }, mode, hops, find);
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    hooks.find({ ...request, mode: mode.value === 'all' ? 'all' : 'shortest', maxHops: Math.min(MAX_ALL_HOPS, Math.max(1, Number.parseInt(hops.value, 10) || 1)) });
  });
  panel.append(el('header', { class: 'panel-head' }, el('span', { class: 'chip', text: 'Paths' }), el('h2', { id: 'panel-title', text: `${hooks.name(request.from)} → ${hooks.name(request.to)}` })), form);
  if (!result) return;
  if (!result.paths.length) {
    panel.append(el('p', { class: 'muted', id: 'path-none', text: request.mode === 'all' ? `No path of at most ${request.maxHops} hop${request.maxHops === 1 ? '' : 's'} between them.` : 'No path between them within 6 hops.' }));
    return;
  }
  const list = el('ol', { class: 'path-list', id: 'path-list' });
  result.paths.forEach((p, i) => {
    const show = el('button', { type: 'button', class: 'path-pick', 'aria-label': `Highlight path ${i + 1}, ${p.edges.length} hop${p.edges.length === 1 ? '' : 's'}`, text: `Path ${i + 1} · ${p.edges.length} hop${p.edges.length === 1 ? '' : 's'}`, onclick: () => hooks.select(p) });
    list.append(el('li', {}, show, el('ul', { class: 'hops' }, ...orderedHops(p, request.from).map((e) => hop(e, hooks)))));
  });
  panel.append(el('p', { class: 'muted', text: `${result.paths.length} path${result.paths.length === 1 ? '' : 's'}${result.truncated ? ' (cut at the limit)' : ''}; the first is highlighted.` }), list);
}

/** A path's edges from its start to its end (the API lists them in path order, but direction varies). */
function orderedHops(path: Graph, from: string): GraphEdge[] {
  const rest = [...path.edges];
  const out: GraphEdge[] = [];
  let at = from;
  while (rest.length) {
    const i = rest.findIndex((e) => e.source === at || e.target === at);
    if (i < 0) return [...out, ...rest];
    const [e] = rest.splice(i, 1);
    out.push(e);
    at = e.source === at ? e.target : e.source;
  }
  return out;
}

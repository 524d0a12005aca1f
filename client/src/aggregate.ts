/**
 * The aggregated overview of a graph too big to draw: one node per label
 * (sized by how many nodes it has) and one edge per (from label, type, to
 * label) with its count, from GET /api/overview/aggregate. Clicking a group
 * lists its most connected members a page at a time; picking one opens it in
 * the explorer. Drawn in a Cytoscape instance of its own over the graph, so
 * the explorer's view state (undo, share links) is untouched until a member
 * is opened. The bench (bench/browser) draws it with the same functions.
 */
import cytoscape, { type Core, type ElementDefinition, type StylesheetJson } from 'cytoscape';
import type { AggregateOverview, GroupMembers } from '../../shared/aggregate.js';
import { LABELS, type NodeLabel } from '../../shared/schema.js';
import { clear, el } from './dom.js';

/** From this many relationships the start view is the aggregate, not a sample of edges. */
export const AGGREGATE_FROM = 5_000;
/** Label pairs drawn at most (the largest): past that the picture is a hairball again. */
export const MAX_LINKS = 30;
export const MEMBERS_PAGE = 50;

const groupId = (label: string) => `group:${label}`;

/**
 * Aggregate → Cytoscape elements: one node per label, one edge per (from, to)
 * pair of labels carrying the count per relationship type (a label pair
 * often has a dozen types: one edge each would be a hairball). Sizes grow
 * with the log of the counts, so a 100× bigger group is not 100× wider.
 */
export function aggregateElements(o: AggregateOverview, maxLinks = MAX_LINKS): ElementDefinition[] {
  const size = (count: number, min: number, per: number) => Math.round(min + per * Math.log10(1 + count));
  const nodes: ElementDefinition[] = o.groups.map((g) => ({
    data: { id: groupId(g.label), label: g.label, name: `${g.label} · ${g.count.toLocaleString('en')}`, count: g.count, size: size(g.count, 24, 14) },
  }));
  const pairs = new Map<string, { from: string; to: string; count: number; types: Array<{ type: string; count: number }> }>();
  for (const l of o.links) {
    const key = `${l.from}:${l.to}`;
    const pair = pairs.get(key) ?? { from: l.from, to: l.to, count: 0, types: [] };
    pair.count += l.count;
    pair.types.push({ type: l.type, count: l.count });
    pairs.set(key, pair);
  }
  const kept = [...pairs.values()].sort((a, b) => b.count - a.count).slice(0, maxLinks);
  const edges: ElementDefinition[] = kept.map((p) => ({
    data: {
      id: `link:${p.from}:${p.to}`,
      source: groupId(p.from),
      target: groupId(p.to),
      name: p.count.toLocaleString('en'),
      count: p.count,
      types: p.types,
      width: size(p.count, 1, 1.5),
    },
  }));
  return [...nodes, ...edges];
}

export function aggregateStyle(text = '#1f2328', outline = '#ffffff', edge = '#9aa4ae'): StylesheetJson {
  return [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        width: 'data(size)',
        height: 'data(size)',
        'font-size': 12,
        color: text,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        'text-outline-color': outline,
        'text-outline-width': 2,
      },
    },
    ...(Object.keys(LABELS) as NodeLabel[]).map((label) => ({
      selector: `node[label = "${label}"]`,
      style: { 'background-color': LABELS[label].color, shape: LABELS[label].shape },
    })),
    {
      selector: 'edge',
      style: {
        label: 'data(name)',
        width: 'data(width)',
        'curve-style': 'bezier',
        'line-color': edge,
        'target-arrow-color': edge,
        'target-arrow-shape': 'triangle',
        'font-size': 9,
        color: text,
        'text-rotation': 'autorotate',
        'text-outline-color': outline,
        'text-outline-width': 2,
        'min-zoomed-font-size': 6,
      },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#0a66c2' } },
  ];
}

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path);
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!res.ok) throw new Error(body?.error?.message ?? `the server answered ${res.status}`);
  return body as T;
}

export interface AggregateViewOptions {
  /** The element the overlay covers (the graph's stage). */
  stage: HTMLElement;
  /** Where the toolbar button goes. */
  toolbar: HTMLElement;
  /** Opens a member in the explorer (and closes the overlay). */
  open(id: string): void;
  status(text: string, error?: boolean): void;
}

export interface AggregateView {
  show(): Promise<void>;
  hide(): void;
}

export function createAggregateView(o: AggregateViewOptions): AggregateView {
  const canvas = el('div', { class: 'aggregate-canvas', 'aria-label': 'Aggregated overview: one node per label, edges per relationship type with counts' });
  const members = el('div', { class: 'aggregate-members', 'aria-live': 'polite' });
  const close = el('button', { type: 'button', class: 'aggregate-close', 'aria-label': 'Close the aggregated overview' }, '×');
  const overlay = el('section', { class: 'aggregate', 'aria-label': 'Aggregated overview', hidden: true }, close, canvas, members);
  // Inline display would override the hidden attribute, so show() and hide() set both.
  overlay.style.cssText = 'position:absolute;inset:0;z-index:5;display:none;grid-template-columns:1fr minmax(200px,30%);background:var(--bg,#fff)';
  canvas.style.cssText = 'min-height:0;min-width:0';
  members.style.cssText = 'overflow:auto;padding:8px;border-left:1px solid var(--border,#ddd);font-size:13px';
  close.style.cssText = 'position:absolute;top:6px;right:6px;z-index:1';
  o.stage.append(overlay);
  const button = el('button', { type: 'button', id: 'aggregate', 'aria-label': 'Aggregated overview of the whole graph', title: 'Aggregated overview: counts per label and relationship type' }, 'Σ');
  o.toolbar.append(button);
  let cy: Core | null = null;

  async function listMembers(label: string, offset: number): Promise<void> {
    const page = await getJson<GroupMembers>(`/api/overview/groups/${encodeURIComponent(label)}/members?offset=${offset}&limit=${MEMBERS_PAGE}`);
    if (offset === 0) {
      clear(members);
      members.append(el('h3', {}, `${label}: ${page.total.toLocaleString('en')}, most connected first`));
    }
    members.querySelector('.aggregate-more')?.remove();
    const list = el('ol', { start: String(offset + 1) });
    for (const m of page.members) {
      const pick = el('button', { type: 'button', class: 'linklike' }, `${String(m.node.properties.name ?? m.node.id)} (${m.degree.toLocaleString('en')})`);
      pick.addEventListener('click', () => {
        hide();
        o.open(m.node.id);
      });
      list.append(el('li', {}, pick));
    }
    members.append(list);
    if (page.truncated) {
      const more = el('button', { type: 'button', class: 'aggregate-more' }, `+${(page.total - offset - page.members.length).toLocaleString('en')} more`);
      more.addEventListener('click', () => void listMembers(label, offset + MEMBERS_PAGE).catch((err: unknown) => o.status(String(err instanceof Error ? err.message : err), true)));
      members.append(more);
    }
  }

  async function show(): Promise<void> {
    overlay.hidden = false;
    overlay.style.display = 'grid';
    o.status('Counting the graph…');
    const data = await getJson<AggregateOverview>('/api/overview/aggregate');
    cy?.destroy();
    cy = cytoscape({ container: canvas, elements: aggregateElements(data), style: aggregateStyle(), layout: { name: 'circle', padding: 40 } });
    cy.on('tap', 'node', (ev) => void listMembers(String(ev.target.data('label')), 0).catch((err: unknown) => o.status(String(err instanceof Error ? err.message : err), true)));
    cy.on('tap', 'edge', (ev) => {
      const types = ev.target.data('types') as Array<{ type: string; count: number }>;
      clear(members);
      members.append(
        el('h3', {}, `${ev.target.source().data('label')} → ${ev.target.target().data('label')}: ${Number(ev.target.data('count')).toLocaleString('en')}`),
        el('ul', {}, ...types.map((t) => el('li', {}, `${t.type}: ${t.count.toLocaleString('en')}`))),
      );
    });
    clear(members);
    members.append(el('p', {}, 'Click a group to list its members; pick one to explore it.'));
    o.status(
      `Aggregated overview: ${data.nodes.toLocaleString('en')} nodes in ${data.groups.length} groups, ${data.relationships.toLocaleString('en')} relationships of ${data.links.length} kinds (label → type → label). Click a group for its members, an edge for its types.`,
    );
  }

  function hide(): void {
    overlay.hidden = true;
    overlay.style.display = 'none';
    cy?.destroy();
    cy = null;
  }

  button.addEventListener('click', () => void show().catch((err: unknown) => o.status(String(err instanceof Error ? err.message : err), true)));
  close.addEventListener('click', hide);
  return { show, hide };
}

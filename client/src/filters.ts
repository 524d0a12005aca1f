/**
 * Filters over what is in view: node labels, relationship types, one source
 * article, a date range. Filtered elements fade or hide; nodes left with no
 * visible relationship by an article or date filter go with them.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';
import { REL_TYPES } from '../../shared/schema.js';
import { byId, clear, el } from './dom.js';
import { overlaps, spanOf } from './fact-dates.js';
import { rawEdge, rawNode } from './graph-view.js';
import './filters.css';

export interface FilterState {
  /** Labels switched off. */
  labels: string[];
  /** Relationship types switched off. */
  types: string[];
  /** Only facts supported by this article. */
  article: string | null;
  /** Inclusive date window (YYYY-MM-DD): facts and events whose time overlaps it pass. */
  from: string | null;
  to: string | null;
  /** Keep undated facts when a date range is set. */
  undated: boolean;
  mode: 'fade' | 'hide';
}

export const DEFAULT_FILTERS: FilterState = { labels: [], types: ['MENTIONS'], article: null, from: null, to: null, undated: false, mode: 'hide' };

export interface ArticleOption {
  id: string;
  title: string;
}


function edgePasses(edge: EdgeSingular, f: FilterState): boolean {
  const raw = rawEdge(edge);
  if (f.types.includes(raw.type)) return false;
  if (f.labels.includes(edge.source().data('label')) || f.labels.includes(edge.target().data('label'))) return false;
  if (f.article) {
    const sources = raw.properties.sourceArticles;
    if (!(Array.isArray(sources) && sources.includes(f.article)) && raw.source !== f.article) return false;
  }
  if (f.from || f.to) {
    // A fact is in the window when the time it covers overlaps it (a week-long visit, a month, a war).
    const span = spanOf(raw.properties);
    return span ? overlaps(span, f.from, f.to) : f.undated;
  }
  return true;
}

function nodePasses(node: NodeSingular, f: FilterState, visibleEdges: Set<string>): boolean {
  if (f.labels.includes(node.data('label'))) return false;
  const span = node.data('label') === 'Event' ? spanOf(rawNode(node).properties) : null;
  if ((f.from || f.to) && span && !overlaps(span, f.from, f.to)) return false;
  const narrowing = f.article || f.from || f.to;
  if (narrowing && node.id() !== f.article) {
    const edges = node.connectedEdges();
    if (edges.nonempty() && edges.filter((e) => visibleEdges.has(e.id())).empty()) return false;
  }
  return true;
}

/** How many filters the user set: each label or type switched off (MENTIONS is off by default), the article, the date window. */
export function filterCount(f: FilterState): number {
  const types = f.types.filter((t) => !DEFAULT_FILTERS.types.includes(t)).length;
  return f.labels.length + types + (f.article ? 1 : 0) + (f.from || f.to ? 1 : 0);
}

export interface Tally {
  shown: number;
  total: number;
}

export interface ShownCounts {
  nodes: Tally;
  edges: Tally;
  byLabel: Map<string, Tally>;
  byType: Map<string, Tally>;
}

/** Shown means drawn in full: neither hidden nor faded by the filters. */
export function isShown(ele: { hasClass(c: string): boolean }): boolean {
  return !ele.hasClass('filtered') && !ele.hasClass('faded');
}

function tally(map: Map<string, Tally>, key: string, shown: boolean): void {
  const t = map.get(key) ?? { shown: 0, total: 0 };
  t.total++;
  if (shown) t.shown++;
  map.set(key, t);
}

/** What the filters leave shown of what is in view, overall, per label and per relationship type. */
export function shownCounts(cy: Core): ShownCounts {
  const byLabel = new Map<string, Tally>();
  const byType = new Map<string, Tally>();
  let nodes = 0;
  let edges = 0;
  cy.nodes().forEach((n) => {
    const shown = isShown(n);
    if (shown) nodes++;
    tally(byLabel, String(n.data('label')), shown);
  });
  cy.edges().forEach((e) => {
    const shown = isShown(e);
    if (shown) edges++;
    tally(byType, String(e.data('type')), shown);
  });
  return { nodes: { shown: nodes, total: cy.nodes().length }, edges: { shown: edges, total: cy.edges().length }, byLabel, byType };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The status line after a filter change: "31 of 49 entities and 120 of 216 relationships shown · 2 filters". */
export function filterSummary(c: ShownCounts, f: FilterState): string {
  const k = filterCount(f);
  const filters = k ? plural(k, 'filter', 'filters') : 'no filters';
  const what = `${c.nodes.shown} of ${plural(c.nodes.total, 'entity', 'entities')} and ${c.edges.shown} of ${plural(c.edges.total, 'relationship', 'relationships')} shown · ${filters}`;
  return c.nodes.shown === 0 && c.nodes.total > 0 ? `Nothing passes the filters: ${what}.` : what;
}

export function isActive(f: FilterState): boolean {
  return f.labels.length > 0 || f.types.some((t) => t !== 'MENTIONS') || !!f.article || !!f.from || !!f.to;
}

/** Marks filtered elements with `.faded` or `.filtered` (display: none). */
export function applyFilters(cy: Core, f: FilterState): void {
  cy.batch(() => {
    const visible = new Set<string>();
    cy.edges().forEach((e) => {
      if (edgePasses(e, f)) visible.add(e.id());
    });
    const hiddenNodes = new Set<string>();
    cy.nodes().forEach((n) => {
      if (!nodePasses(n, f, visible)) hiddenNodes.add(n.id());
    });
    const cls = f.mode === 'fade' ? 'faded' : 'filtered';
    cy.elements().removeClass('faded filtered');
    cy.nodes().forEach((n) => {
      if (hiddenNodes.has(n.id())) n.addClass(cls);
    });
    cy.edges().forEach((e) => {
      if (!visible.has(e.id()) || hiddenNodes.has(e.data('source')) || hiddenNodes.has(e.data('target'))) e.addClass(cls);
    });
  });
}

export interface FiltersPanel {
  render(f: FilterState, articles: ArticleOption[]): void;
}

/** The Filters pane: checkboxes derived from the schema, the source article, fade or hide. */
export function createFiltersPanel(onChange: (next: FilterState) => void): FiltersPanel {
  const root = byId('pane-filters');
  let current: FilterState = DEFAULT_FILTERS;
  const emit = (patch: Partial<FilterState>) => onChange({ ...current, ...patch });
  const toggle = (list: string[], item: string, on: boolean) => (on ? list.filter((x) => x !== item) : [...list, item]);

  return {
    render(f, articles) {
      current = f;
      clear(root);
      const types = el('fieldset', { class: 'types' }, el('legend', { text: 'Relationship types' }));
      for (const type of REL_TYPES) {
        const box = el('input', { type: 'checkbox', checked: !f.types.includes(type), 'aria-label': `Show ${type} relationships` });
        box.addEventListener('change', () => emit({ types: toggle(f.types, type, box.checked) }));
        types.append(el('label', { class: 'check mono small' }, box, type));
      }
      const select = el('select', { id: 'filter-article', 'aria-label': 'Only facts from this article' }, el('option', { value: '', text: 'All articles' }));
      for (const a of articles) select.append(el('option', { value: a.id, text: a.title, selected: a.id === f.article }));
      select.addEventListener('change', () => emit({ article: select.value || null }));
      const mode = el('select', { 'aria-label': 'What filtered elements do' }, el('option', { value: 'hide', text: 'Hide filtered', selected: f.mode === 'hide' }), el('option', { value: 'fade', text: 'Fade filtered', selected: f.mode === 'fade' }));
      mode.addEventListener('change', () => emit({ mode: mode.value === 'fade' ? 'fade' : 'hide' }));
      const undated = el('input', { type: 'checkbox', checked: f.undated, 'aria-label': 'Keep undated facts in a date range' });
      undated.addEventListener('change', () => emit({ undated: undated.checked }));
      const reset = el('button', { type: 'button', text: 'Clear filters' });
      reset.addEventListener('click', () => onChange({ ...DEFAULT_FILTERS, mode: f.mode }));
      root.append(
        el('label', { class: 'field' }, 'Source article', select),
        el('div', { class: 'row' }, mode, reset),
        el('label', { class: 'check' }, undated, 'Keep undated facts in a date range'),
        types,
      );
    },
  };
}

/**
 * The live view: what is drawn, where, pinned, filtered and laid out. Every
 * change goes through `change()`, which records the state before it (undo),
 * re-applies filters, refreshes legend and time bar, and rewrites the URL hash.
 */
import type { Core } from 'cytoscape';
import type { CytoscapeJson, Graph, GraphEdge, GraphNode, PlainValue } from '../../shared/graph.js';
import { api } from './api.js';
import { DEFAULT_FILTERS, applyFilters, type FilterState } from './filters.js';
import type { GraphView } from './graph-view.js';
import { isLayoutId, rememberedLayout, runLayout, type LayoutId, type LayoutRunOptions } from './layouts.js';
import { History, decodeView, encodeView, toShared, type Position, type SharedView, type ViewState } from './state.js';

export interface NeighbourPage {
  loaded: number;
  total: number;
}

export interface SessionHooks {
  /** Called after every change: refresh the panels that mirror the view. */
  refreshed(): void;
}

/** Graph JSON back from the API's Cytoscape JSON export (properties were flattened into `data`). */
export function graphFromCyjs(json: CytoscapeJson): Graph {
  const nodes: GraphNode[] = json.elements.nodes.map(({ data }) => {
    const { label, ...properties } = data;
    return { id: data.id, label, properties: properties as Record<string, PlainValue> };
  });
  const edges: GraphEdge[] = json.elements.edges.map(({ data }) => {
    const { source, target, type, ...properties } = data;
    return { id: data.id, type, source, target, properties: properties as Record<string, PlainValue> };
  });
  return { nodes, edges };
}

export class Session {
  filters: FilterState = { ...DEFAULT_FILTERS };
  layout: LayoutId = rememberedLayout();
  /** Neighbour paging per expanded node, for "+N more". */
  readonly pages = new Map<string, NeighbourPage>();
  /** Per node, the elements its expansions added, so "collapse" removes exactly those (explore.ts). */
  readonly expansions = new Map<string, string[]>();
  private readonly history = new History();
  readonly cy: Core;

  constructor(
    readonly view: GraphView,
    private readonly hooks: SessionHooks,
  ) {
    this.cy = view.cy;
  }

  capture(): ViewState {
    const positions: Record<string, Position> = {};
    this.cy.nodes().forEach((n) => {
      positions[n.id()] = { ...n.position() };
    });
    return {
      graph: this.view.snapshot(),
      positions,
      pinned: this.cy.nodes('.pinned').map((n) => n.id()),
      filters: { ...this.filters },
      layout: this.layout,
      pages: Object.fromEntries([...this.pages].map(([id, p]) => [id, { ...p }])),
      expansions: Object.fromEntries([...this.expansions].map(([id, ids]) => [id, [...ids]])),
    };
  }

  /** Puts a captured state back: elements, positions, pins, filters, layout. */
  apply(state: ViewState): void {
    this.view.replace(state.graph);
    this.filters = { ...state.filters };
    this.layout = state.layout as LayoutId;
    this.pages.clear();
    for (const [id, p] of Object.entries(state.pages ?? {})) this.pages.set(id, { ...p });
    this.expansions.clear();
    for (const [id, ids] of Object.entries(state.expansions ?? {})) this.expansions.set(id, [...ids]);
    this.cy.batch(() => {
      this.cy.nodes().forEach((n) => {
        const p = state.positions[n.id()];
        if (p) n.position(p);
      });
      for (const id of state.pinned) this.cy.getElementById(id).addClass('pinned').lock();
    });
    this.refresh();
  }

  /** Records the state before `fn` changes the view, then refreshes. */
  async change(fn: () => Promise<void> | void): Promise<void> {
    const before = this.capture();
    await fn();
    this.history.push(before);
    this.refresh();
  }

  /** The view now is the start: undo goes no further back (the empty canvas before the first graph). */
  startHistory(): void {
    this.history.clear();
    this.refresh();
  }

  undo(): boolean {
    const prev = this.history.undo(this.capture());
    if (prev) this.apply(prev);
    return !!prev;
  }

  redo(): boolean {
    const next = this.history.redo(this.capture());
    if (next) this.apply(next);
    return !!next;
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** Filters, hooks, URL: everything that mirrors the view. */
  refresh(): void {
    applyFilters(this.cy, this.filters);
    this.cy.nodes().forEach((n) => {
      const page = this.pages.get(n.id());
      n.toggleClass('has-more', !!page && page.loaded < page.total);
    });
    this.hooks.refreshed();
    this.syncUrl();
  }

  /** Resolves when the latest layout has stopped (tests wait on it before screenshots). */
  settled: Promise<void> = Promise.resolve();

  relayout(opts: LayoutRunOptions = {}): Promise<void> {
    this.settled = runLayout(this.cy, this.layout, opts).then(() => this.syncUrl());
    return this.settled;
  }

  setLayout(id: LayoutId): void {
    this.layout = id;
  }

  shareUrl(): string {
    const url = new URL(window.location.href);
    url.hash = encodeView(toShared(this.capture()));
    return url.toString();
  }

  syncUrl(): void {
    window.history.replaceState(null, '', '#' + encodeView(toShared(this.capture())));
  }

  /** The view shared in the URL hash, fetched again from the API; null when there is none. */
  async fromUrl(hash: string): Promise<ViewState | null> {
    const shared = decodeView(hash);
    if (!shared) return null;
    return this.fetchShared(shared);
  }

  private async fetchShared(shared: SharedView): Promise<ViewState> {
    const graph = shared.nodes.length
      ? graphFromCyjs(JSON.parse(await (await api.exportIds('cyjs', shared.nodes)).blob.text()) as CytoscapeJson)
      : { nodes: [], edges: [] };
    const keep = new Set(shared.edges);
    const positions: Record<string, Position> = {};
    for (const [id, [x, y]] of Object.entries(shared.positions ?? {})) positions[id] = { x, y };
    return {
      graph: { nodes: graph.nodes, edges: graph.edges.filter((e) => keep.has(e.id)) },
      positions,
      pinned: shared.pinned ?? [],
      filters: { ...DEFAULT_FILTERS, ...shared.filters },
      layout: isLayoutId(shared.layout) ? shared.layout : this.layout,
    };
  }
}

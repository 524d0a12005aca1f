/**
 * The serialisable view state: elements, positions, pins, filters, layout.
 * Snapshots drive undo/redo; a compact form of them (ids, not data) goes in
 * the URL hash so a view can be shared and restored.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Graph } from '../../shared/graph.js';
import type { FilterState } from './filters.js';

export interface Position {
  x: number;
  y: number;
}

export interface ViewState {
  graph: Graph;
  positions: Record<string, Position>;
  pinned: string[];
  filters: FilterState;
  layout: string;
  /** Neighbour paging per expanded node ("+N more"), so undo and redo bring it back with the elements. */
  pages?: Record<string, { loaded: number; total: number }>;
  /** What each node's expansions added (ids), for "collapse". Not shared in URLs. */
  expansions?: Record<string, string[]>;
}

/** What the URL carries: ids and rounded positions; the data is fetched again on restore. */
export interface SharedView {
  v: 1;
  nodes: string[];
  edges: string[];
  positions: Record<string, [number, number]>;
  pinned: string[];
  filters: FilterState;
  layout: string;
}

export function toShared(s: ViewState): SharedView {
  const positions: Record<string, [number, number]> = {};
  for (const [id, p] of Object.entries(s.positions)) positions[id] = [Math.round(p.x), Math.round(p.y)];
  return { v: 1, nodes: s.graph.nodes.map((n) => n.id), edges: s.graph.edges.map((e) => e.id), positions, pinned: s.pinned, filters: s.filters, layout: s.layout };
}

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

export function encodeView(view: SharedView): string {
  return 'view=' + toBase64Url(deflateSync(strToU8(JSON.stringify(view)), { level: 9 }));
}

/** The shared view in a URL hash, or null when there is none or it cannot be read. */
export function decodeView(hash: string): SharedView | null {
  const m = /(?:^#?|&)view=([\w-]+)/.exec(hash);
  if (!m) return null;
  try {
    const view = JSON.parse(strFromU8(inflateSync(fromBase64Url(m[1])))) as SharedView;
    return view && view.v === 1 && Array.isArray(view.nodes) ? view : null;
  } catch (err) {
    console.warn('jejak: ignoring an unreadable view in the URL', err);
    return null;
  }
}

/** Undo/redo over view snapshots. */
export class History {
  private past: ViewState[] = [];
  private future: ViewState[] = [];
  constructor(private readonly max = 100) {}

  /** Records the state before a change. */
  push(before: ViewState): void {
    this.past.push(before);
    if (this.past.length > this.max) this.past.shift();
    this.future = [];
  }

  undo(current: ViewState): ViewState | undefined {
    const prev = this.past.pop();
    if (prev) this.future.push(current);
    return prev;
  }

  redo(current: ViewState): ViewState | undefined {
    const next = this.future.pop();
    if (next) this.past.push(current);
    return next;
  }

  /** Forgets everything: the first view drawn is where undo stops. */
  clear(): void {
    this.past = [];
    this.future = [];
  }

  get canUndo(): boolean {
    return this.past.length > 0;
  }

  get canRedo(): boolean {
    return this.future.length > 0;
  }
}

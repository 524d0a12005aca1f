/** What the bench page (main.ts) and its driver (bench/suites/browser.ts) exchange. */
import type { CytoscapeOptions, StylesheetStyle } from 'cytoscape';

/** NAIVE: Cytoscape defaults with node labels; JEJAK: the app style plus client/src/perf.ts; WEBGL: JEJAK with the WebGL renderer. */
export type RenderConfig = 'naive' | 'jejak' | 'webgl';
export const RENDER_CONFIGS: readonly RenderConfig[] = ['naive', 'jejak', 'webgl'];

export interface BenchElements {
  nodes: Array<{ data: { id: string; label: string; name: string }; position: { x: number; y: number } }>;
  edges: Array<{ data: { id: string; source: string; target: string; type: string } }>;
}

export interface InitResult {
  /** cytoscape({...}) returned: elements, style and bounds computed. */
  createMs: number;
  /** The first frame drawn after init (the `render` event, or two animation frames for WebGL). */
  firstFrameMs: number;
  /** True when the WebGL renderer is really in use. */
  webgl: boolean;
}

/** A one-off configuration for the "what works" table: a base style plus init options and extra rules. */
export interface Variant {
  name: string;
  base: 'naive' | 'app';
  init: Partial<CytoscapeOptions>;
  style: StylesheetStyle[];
}

export interface BenchApi {
  /** Fetches the elements for `nodes` nodes (not timed). */
  load(nodes: number): Promise<number>;
  /** Draws the loaded elements; a variant replaces the configuration's options. */
  init(config: RenderConfig, variant?: Variant): Promise<InitResult>;
  /** Draws the aggregated overview (an AggregateOverview as JSON), as the explorer does. */
  aggregate(json: string): Promise<InitResult>;
  /** Runs fcose (no animation) and resolves with its duration in ms. */
  layout(config: RenderConfig): Promise<number>;
  /** A point of the viewport (client px) with no node under it, to start a drag-pan. */
  emptyPoint(): { x: number; y: number };
  startFrames(): void;
  /** Intervals between animation frames (ms) since startFrames. */
  stopFrames(): number[];
  /** Durations (ms) of long tasks seen since the last call. */
  takeLongTasks(): number[];
  destroy(): void;
}

declare global {
  interface Window {
    jejakBench?: BenchApi;
  }
}

/**
 * Force layout (fcose) off the main thread: a headless Cytoscape in a web
 * worker computes positions for large views, so the page stays responsive
 * while it runs; the main thread only places the nodes at the result.
 */
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';

cytoscape.use(fcose);

export interface LayoutRequest {
  nodes: Array<{ id: string; x: number; y: number; w: number; h: number }>;
  edges: Array<{ id: string; source: string; target: string }>;
  /** fcose options, without functions (they cannot cross into a worker). */
  options: Record<string, unknown>;
}

export interface LayoutReply {
  positions?: Record<string, { x: number; y: number }>;
  error?: string;
}

const scope = self as unknown as { onmessage: ((ev: MessageEvent<LayoutRequest>) => void) | null; postMessage(reply: LayoutReply): void };

scope.onmessage = (ev) => {
  try {
    const { nodes, edges, options } = ev.data;
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: [{ selector: 'node', style: { width: 'data(w)', height: 'data(h)' } }],
      elements: {
        nodes: nodes.map((n) => ({ data: { id: n.id, w: n.w, h: n.h }, position: { x: n.x, y: n.y } })),
        edges: edges.map((e) => ({ data: e })),
      },
    });
    cy.layout({ ...options, name: 'fcose', animate: false, fit: false } as cytoscape.LayoutOptions).run();
    const positions: Record<string, { x: number; y: number }> = {};
    cy.nodes().forEach((n) => {
      positions[n.id()] = { ...n.position() };
    });
    cy.destroy();
    scope.postMessage({ positions });
  } catch (err) {
    scope.postMessage({ error: err instanceof Error ? err.message : String(err) });
  }
};

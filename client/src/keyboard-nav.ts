/**
 * Moving through the graph by keyboard, along its connections: from a node,
 * ↓/↑ step through its relationships (each one selected, its provenance
 * shown), → follows the chosen relationship to the node at its other end,
 * ← goes back the way you came. With nothing selected, an arrow starts at the
 * best-connected node. Order is stable: by relationship type, then the other
 * end's name, so the same node always lists its edges the same way.
 */
import type { Core, EdgeSingular, NodeSingular } from 'cytoscape';

export interface GraphCursor {
  /** The node the walk stands on. */
  node: NodeSingular | null;
  /** The relationship of that node chosen with ↓/↑, if any. */
  edge: EdgeSingular | null;
}

export interface KeyboardNavHooks {
  showNode(node: NodeSingular): void;
  showEdge(edge: EdgeSingular): void;
  announce(text: string): void;
}

function otherEnd(edge: EdgeSingular, node: NodeSingular): NodeSingular {
  return (edge.source().id() === node.id() ? edge.target() : edge.source()) as NodeSingular;
}

/** A node's shown relationships in reading order. */
export function edgesInOrder(node: NodeSingular): EdgeSingular[] {
  const edges = node.connectedEdges().not('.filtered').toArray() as EdgeSingular[];
  const key = (e: EdgeSingular) => `${String(e.data('type'))}\u0000${String(otherEnd(e, node).data('name'))}\u0000${e.id()}`;
  return edges.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

export function createKeyboardNav(cy: Core, hooks: KeyboardNavHooks): { handle(key: string): boolean; cursor(): GraphCursor } {
  const trail: string[] = [];
  let anchor: string | null = null;

  const current = (): GraphCursor => {
    const sel = cy.elements(':selected');
    const edge = sel.edges().nonempty() ? (sel.edges()[0] as EdgeSingular) : null;
    let node = sel.nodes().nonempty() ? (sel.nodes()[0] as NodeSingular) : null;
    if (!node && edge) {
      const a = anchor ? cy.getElementById(anchor) : null;
      node = a && a.nonempty() && (edge.source().id() === anchor || edge.target().id() === anchor) ? (a as NodeSingular) : (edge.source() as NodeSingular);
    }
    return { node, edge };
  };

  const focusNode = (node: NodeSingular) => {
    anchor = node.id();
    cy.elements().unselect();
    node.select();
    cy.animate({ center: { eles: node }, duration: 200 });
    hooks.showNode(node);
  };

  const focusEdge = (node: NodeSingular, edge: EdgeSingular, k: number, n: number) => {
    anchor = node.id();
    cy.elements().unselect();
    edge.select();
    cy.animate({ center: { eles: edge }, duration: 200 });
    hooks.showEdge(edge);
    hooks.announce(`${k + 1} of ${n}: ${String(edge.source().data('name'))} ${String(edge.data('type'))} ${String(edge.target().data('name'))}`);
  };

  const start = () => {
    const nodes = cy.nodes().not('.filtered');
    if (nodes.empty()) return;
    const best = (nodes.toArray() as NodeSingular[]).sort((a, b) => b.degree(false) - a.degree(false) || (a.id() < b.id() ? -1 : 1))[0];
    trail.length = 0;
    focusNode(best);
  };

  return {
    cursor: current,
    handle(key) {
      const { node, edge } = current();
      if (!node) {
        if (!key.startsWith('Arrow')) return false;
        start();
        return true;
      }
      if (key === 'ArrowDown' || key === 'ArrowUp') {
        const edges = edgesInOrder(node);
        if (!edges.length) {
          hooks.announce(`${String(node.data('name'))} has no relationships in view.`);
          return true;
        }
        const i = edge ? edges.findIndex((e) => e.id() === edge.id()) : -1;
        const k = key === 'ArrowDown' ? (i + 1) % edges.length : i <= 0 ? edges.length - 1 : i - 1;
        focusEdge(node, edges[k], k, edges.length);
        return true;
      }
      if (key === 'ArrowRight') {
        if (!edge) {
          hooks.announce('Choose a relationship first with the down arrow.');
          return true;
        }
        trail.push(node.id());
        focusNode(otherEnd(edge, node));
        return true;
      }
      if (key === 'ArrowLeft') {
        const back = trail.pop();
        const prev = back ? cy.getElementById(back) : null;
        if (prev && prev.nonempty()) focusNode(prev as NodeSingular);
        else if (edge) focusNode(node);
        else hooks.announce('This is where the walk started.');
        return true;
      }
      return false;
    },
  };
}

/**
 * The selected node's relationships in view, listed in the details panel:
 * every edge (and so its provenance) reachable with Tab and Enter, in the
 * order the arrow keys walk them (keyboard-nav.ts).
 */
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import { el } from './dom.js';
import { edgesInOrder } from './keyboard-nav.js';

export function edgeListSection(node: NodeSingular, open: (edge: EdgeSingular) => void): HTMLElement | null {
  const edges = edgesInOrder(node);
  if (!edges.length) return null;
  const list = el('ul', { class: 'edge-list', id: 'edge-list' });
  for (const e of edges) {
    const out = e.source().id() === node.id();
    const other = String((out ? e.target() : e.source()).data('name'));
    const text = `${out ? '→' : '←'} ${String(e.data('type'))} ${other}`;
    list.append(el('li', {}, el('button', { type: 'button', class: 'link', 'data-edge': e.id(), text, onclick: () => open(e) })));
  }
  return el('section', { 'aria-labelledby': 'edge-list-title' }, el('h3', { id: 'edge-list-title', text: `Relationships in view (${edges.length})` }), list);
}

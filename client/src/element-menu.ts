/**
 * The context menu of the graph's nodes and edges: right-click, long-press,
 * or the ContextMenu key / Shift+F10 on the selected element. A node offers
 * expand by relationship type (the per-type totals of /api/neighbours),
 * collapse what its expansions added, hide, pin, path from / to here and its
 * details; an edge its sources, hide and the path between its ends.
 */
import type { Core, EdgeSingular, NodeSingular, SingularElementArgument } from 'cytoscape';
import type { NeighbourCount } from '../../shared/api.js';
import { api, messageOf } from './api.js';
import { isContextMenuOpen, openContextMenu, type MenuEntry, type MenuGroup, type MenuItem } from './context-menu.js';
import * as explore from './explore.js';
import type { PathRequest } from './paths.js';
import type { Session } from './session.js';

export interface ElementMenuHooks {
  /** The details panel of a node (its properties, relationships and their sources). */
  showNode(id: string): void;
  /** Selects a relationship and opens its provenance. */
  selectEdge(edge: EdgeSingular): void;
  /** Fills the paths panel and runs the request. */
  findPaths(request: PathRequest): void;
  status(text: string, error?: boolean): void;
  /** After an expansion: the status line and the node's panel. */
  expanded(id: string, name: string, message: string): void;
}

/** One entry per relationship type, both directions summed: "SIGNED (3)". */
export function typeTotals(counts: NeighbourCount[]): Array<{ type: string; count: number }> {
  const totals = new Map<string, number>();
  for (const c of counts) totals.set(c.type, (totals.get(c.type) ?? 0) + c.count);
  return [...totals].map(([type, count]) => ({ type, count })).sort((a, b) => (a.type < b.type ? -1 : 1));
}

export function createElementMenu(session: Session, container: HTMLElement, hooks: ElementMenuHooks): { openForSelection(): void } {
  const cy: Core = session.cy;
  const pending: { from?: string; to?: string } = {};
  const nameOf = (id: string) => String(cy.getElementById(id).data('name') ?? id);
  const failed = (err: unknown) => hooks.status(messageOf(err), true);

  function pathEnd(end: 'from' | 'to', id: string): void {
    pending[end] = id;
    const { from, to } = pending;
    if (from && to) {
      delete pending.from;
      delete pending.to;
      if (from === to) return hooks.status('A path needs two different ends: choose "Path to here" on another node.', true);
      return hooks.findPaths({ from, to, mode: 'shortest', maxHops: 3 });
    }
    hooks.status(end === 'from' ? `Path from ${nameOf(id)}: now choose "Path to here" on the other end (right-click, or the menu key).` : `Path to ${nameOf(id)}: now choose "Path from here" on the other end (right-click, or the menu key).`);
  }

  async function nodeEntries(node: NodeSingular): Promise<MenuEntry[]> {
    const id = node.id();
    const name = nameOf(id);
    const expand = (type: string) => () =>
      void explore.expandType(session, id, type, 'both').then((msg) => hooks.expanded(id, name, msg), failed);
    let byType: MenuGroup;
    try {
      const { counts } = await api.neighbours(id, { limit: 1 });
      byType = { group: 'Expand by type', items: typeTotals(counts).map((t) => ({ text: `${t.type} (${t.count})`, title: `Add the ${t.count} ${t.type} relationships of ${name} and their other ends`, run: expand(t.type) })), empty: 'no relationships in the store' };
    } catch (err) {
      byType = { group: 'Expand by type', items: [], empty: `counts unavailable: ${messageOf(err)}` };
    }
    const gone = explore.collapsible(session, id);
    const goneNodes = gone.filter((x) => cy.getElementById(x).isNode()).length;
    const pinned = node.hasClass('pinned');
    const items: MenuItem[] = [
      { text: 'Details and sources', id: 'menu-details', run: () => hooks.showNode(id) },
      { text: 'Expand all', id: 'menu-expand', run: () => void explore.expand(session, id).then((msg) => hooks.expanded(id, name, msg), failed) },
    ];
    if (gone.length)
      items.push({
        text: `Collapse (${goneNodes} node${goneNodes === 1 ? '' : 's'} added by expanding)`,
        id: 'menu-collapse',
        run: () => void explore.collapse(session, id).then((n) => hooks.status(`Collapsed ${name}: ${n} node${n === 1 ? '' : 's'} its expansions added removed. Undo brings them back.`), failed),
      });
    items.push(
      { text: 'Hide', id: 'menu-hide', run: () => void explore.hide(session, [id]).then(() => hooks.status(`${name} hidden. Undo brings it back.`), failed) },
      { text: 'Pinned in place', id: 'menu-pin', checked: pinned, run: () => void explore.togglePin(session, id).then(() => hooks.status(pinned ? `${name} unpinned: layouts may move it.` : `${name} pinned: layouts keep it where it is.`), failed) },
      { text: 'Path from here', id: 'menu-path-from', run: () => pathEnd('from', id) },
      { text: 'Path to here', id: 'menu-path-to', run: () => pathEnd('to', id) },
    );
    return [...items, byType];
  }

  function edgeEntries(edge: EdgeSingular): MenuEntry[] {
    return [
      { text: 'Open sources', id: 'menu-sources', run: () => hooks.selectEdge(edge) },
      { text: 'Hide', id: 'menu-hide', run: () => void explore.hide(session, [edge.id()]).then(() => hooks.status(`${String(edge.data('type'))} relationship hidden. Undo brings it back.`), failed) },
      { text: 'Path between its ends', id: 'menu-path-between', run: () => hooks.findPaths({ from: edge.source().id(), to: edge.target().id(), mode: 'shortest', maxHops: 3 }) },
    ];
  }

  /** Opens the menu of an element at a point of the canvas (rendered coordinates). */
  async function openFor(ele: SingularElementArgument, at: { x: number; y: number }): Promise<void> {
    const label = ele.isNode() ? nameOf(ele.id()) : `${nameOf(ele.data('source'))} ${String(ele.data('type'))} ${nameOf(ele.data('target'))}`;
    const entries = ele.isNode() ? await nodeEntries(ele as NodeSingular) : edgeEntries(ele as EdgeSingular);
    // The element went while the counts loaded (undo, a new overview): nothing to act on.
    if (ele.removed()) return;
    const box = container.getBoundingClientRect();
    openContextMenu({ label, x: box.left + at.x, y: box.top + at.y, entries, returnFocus: container });
  }

  const fromEvent = (ev: cytoscape.EventObject) => void openFor(ev.target as SingularElementArgument, ev.renderedPosition).catch(failed);
  cy.on('cxttap', 'node, edge', fromEvent);
  // Long-press on a touch screen (Cytoscape's taphold; a held mouse button opens it too).
  cy.on('taphold', 'node, edge', fromEvent);
  // The browser's own menu would cover ours; a keyboard "contextmenu" is handled as a key (openForSelection).
  container.addEventListener('contextmenu', (ev) => ev.preventDefault());
  document.addEventListener('contextmenu', (ev) => {
    if (isContextMenuOpen()) ev.preventDefault();
  });

  return {
    openForSelection() {
      const sel = cy.elements(':selected');
      const ele = sel.nodes().nonempty() ? sel.nodes()[0] : sel.edges()[0];
      if (!ele) return hooks.status('Select a node or relationship first (arrow keys), then open its menu.', true);
      const at = ele.isNode() ? (ele as NodeSingular).renderedPosition() : (ele as EdgeSingular).renderedMidpoint();
      void openFor(ele, at).catch(failed);
    },
  };
}

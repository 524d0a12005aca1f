/**
 * What makes the small graph readable: parallel edges drawn as one bundle
 * with its count, relationship types shown where they can be read (on hover,
 * on selection and, for single edges, once zoomed in: see graph-view.ts), and
 * a node's whole name in a tooltip on hover.
 */
import type { Core, EdgeCollection, NodeSingular } from 'cytoscape';
import { el } from './dom.js';

/** Marks groups of parallel edges (either direction) among the shown ones: `.bundled`, and the first as `.bundle-head` with its count. */
export function markBundles(cy: Core): void {
  cy.batch(() => {
    const groups = new Map<string, string[]>();
    cy.edges().forEach((e) => {
      e.removeClass('bundled bundle-head');
      if (e.hasClass('filtered')) return;
      const s = e.data('source') as string;
      const t = e.data('target') as string;
      const key = s < t ? `${s}\u0000${t}` : `${t}\u0000${s}`;
      const list = groups.get(key);
      if (list) list.push(e.id());
      else groups.set(key, [e.id()]);
    });
    for (const ids of groups.values()) {
      if (ids.length < 2) continue;
      ids.sort();
      for (const id of ids) cy.getElementById(id).addClass('bundled');
      cy.getElementById(ids[0]).addClass('bundle-head').data('bundle', `×${ids.length}`);
    }
  });
}

/**
 * Edges of what is hovered or selected get their type labels and their
 * bundles spread out. Only the edges that change are touched, so this stays
 * cheap on large views.
 */
export function trackEmphasis(cy: Core): void {
  let hovered: NodeSingular | EdgeCollection | null = null;
  let shown: EdgeCollection = cy.collection() as unknown as EdgeCollection;
  const update = () => {
    let next = cy.collection();
    const focus = cy.elements(':selected').union(hovered ?? cy.collection());
    focus.nodes().forEach((n) => {
      next = next.union(n.connectedEdges());
    });
    focus.edges().forEach((e) => {
      next = next.union(e.parallelEdges());
    });
    const edges = next.edges();
    shown.difference(edges).removeClass('labelled spread');
    edges.addClass('labelled spread');
    shown = edges;
  };
  cy.on('mouseover', 'node, edge', (ev) => {
    hovered = ev.target as NodeSingular;
    update();
  });
  cy.on('mouseout', 'node, edge', () => {
    hovered = null;
    update();
  });
  cy.on('select unselect remove', () => update());
  // Leaving the canvas over a node sends Cytoscape no mouseout.
  cy.container()?.addEventListener('mouseleave', () => {
    hovered = null;
    update();
  });
}

/** The whole name (and label) of a hovered node, over the canvas: cut or hidden names stay readable. */
export function nameTooltips(cy: Core, host: HTMLElement): void {
  const tip = el('div', { class: 'tooltip', id: 'graph-tooltip', role: 'tooltip', hidden: true });
  host.append(tip);
  cy.on('mouseover', 'node', (ev) => {
    const n = ev.target as NodeSingular;
    const p = n.renderedPosition();
    tip.textContent = `${String(n.data('name'))} · ${String(n.data('label'))}`;
    tip.style.left = `${Math.round(p.x + 12)}px`;
    tip.style.top = `${Math.round(p.y - 34)}px`;
    tip.hidden = false;
  });
  const hide = () => {
    tip.hidden = true;
  };
  cy.on('mouseout', 'node', hide);
  cy.on('viewport remove', hide);
  cy.container()?.addEventListener('mouseleave', hide);
}

/**
 * The app's Cytoscape style, derived from the schema (colour and shape per
 * label, relationship type as edge label), and the style of a view of any
 * size (perf.ts's render options). Apart from graph-view.ts so it loads
 * without a DOM (unit tests, the bench page's variants).
 */
import type { StylesheetJson } from 'cytoscape';
import { LABELS, NODE_LABELS } from '../../shared/schema.js';
import type { RenderOptions } from './perf.js';
import type { Palette } from './theme.js';

export function graphStyle(p: Palette): StylesheetJson {
  const byLabel: StylesheetJson = NODE_LABELS.map((label) => ({
    selector: `node[label = "${label}"]`,
    style: { 'background-color': LABELS[label].color, shape: LABELS[label].shape },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        width: 30,
        height: 30,
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: p.text,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        // Whole names on up to three lines instead of "Comprehensive Strate…"; the declutter pass keeps them apart.
        'text-wrap': 'wrap',
        'text-max-width': '120px',
        'text-outline-color': p.textOutline,
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
        'border-width': 1,
        'border-color': p.background,
      },
    },
    ...byLabel,
    // Headlines are long: cut, with the whole one in the tooltip and the details panel.
    { selector: 'node[label = "Article"]', style: { width: 20, height: 20, 'font-size': 9, 'text-wrap': 'ellipsis', 'text-max-width': '160px' } },
    // Hierarchy and chronological layouts: names beside the node, so rows stay low.
    { selector: 'node.side-label', style: { 'text-valign': 'center', 'text-halign': 'right', 'text-margin-x': 4, 'text-margin-y': 0 } },
    {
      selector: 'edge',
      style: {
        label: 'data(type)',
        width: 1.5,
        'curve-style': 'bezier',
        'control-point-step-size': 40,
        'line-color': p.edge,
        'target-arrow-color': p.edge,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        'font-size': 8,
        color: p.edgeText,
        'text-rotation': 'autorotate',
        'text-background-color': p.background,
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        // Relationship types only once zoomed in (1.4×) far enough to read them; hover and selection show them sooner.
        'min-zoomed-font-size': 11,
      },
    },
    // Parallel edges lie close together as one bundle labelled with its count (legibility.ts).
    { selector: 'edge.bundled', style: { 'control-point-step-size': 5, label: '' } },
    { selector: 'edge.bundle-head', style: { label: 'data(bundle)', 'font-size': 10, 'min-zoomed-font-size': 9, 'text-rotation': 'none' } },
    { selector: 'edge.spread', style: { 'control-point-step-size': 26 } },
    { selector: 'edge.labelled', style: { label: 'data(type)', 'font-size': 9, 'min-zoomed-font-size': 0, 'text-rotation': 'autorotate', 'text-background-opacity': 1, 'z-index': 10, color: p.text } },
    { selector: 'edge[type = "MENTIONS"]', style: { 'line-style': 'dotted', width: 1 } },
    { selector: 'node.has-more', style: { 'border-width': 3, 'border-style': 'dashed', 'border-color': p.edge } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': p.text } },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-style': 'solid', 'border-color': p.accent } },
    { selector: 'edge:selected', style: { label: 'data(type)', width: 4, 'line-color': p.accent, 'target-arrow-color': p.accent, color: p.accent, 'font-size': 10, 'min-zoomed-font-size': 0, 'z-index': 20 } },
    // A path in context: its edges thick, its nodes ringed (never resized), everything else dimmed.
    { selector: 'edge.path', style: { 'line-color': p.path, 'target-arrow-color': p.path, width: 4, label: 'data(type)', 'min-zoomed-font-size': 0, 'z-index': 15 } },
    { selector: 'node.path', style: { 'border-color': p.path, 'border-width': 4 } },
    { selector: '.dimmed', style: { opacity: 0.25 } },
    { selector: '.faded', style: { opacity: 0.12, 'text-opacity': 0 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}

/**
 * The style of a view: the app style with the render options' rules after it,
 * or the options' style alone when it replaces the app style (medium and large views).
 */
export function viewStyle(p: Palette, o: RenderOptions): StylesheetJson {
  return o.replacesBaseStyle ? o.style : [...graphStyle(p), ...o.style];
}

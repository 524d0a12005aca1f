/**
 * The legend: one entry per node label (colour and shape from the schema) and
 * per relationship type in view, each with how many the filters leave shown
 * of how many are in view; clicking one switches it off or on.
 */
import { LABELS, NODE_LABELS, REL_TYPES, type LabelDef } from '../../shared/schema.js';
import { byId, clear, el } from './dom.js';
import type { ShownCounts, Tally } from './filters.js';
import './legend.css';

const SVG = 'http://www.w3.org/2000/svg';

const SHAPES: Record<LabelDef['shape'], string> = {
  ellipse: '<circle cx="8" cy="8" r="7"/>',
  'round-rectangle': '<rect x="1" y="3" width="14" height="10" rx="3"/>',
  rectangle: '<rect x="1" y="3" width="14" height="10"/>',
  hexagon: '<polygon points="4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8"/>',
  diamond: '<polygon points="8,0.5 15.5,8 8,15.5 0.5,8"/>',
  triangle: '<polygon points="8,1 15.5,15 0.5,15"/>',
  star: '<polygon points="8,0.5 10,6 15.5,6 11,9.5 12.7,15 8,11.7 3.3,15 5,9.5 0.5,6 6,6"/>',
  barrel: '<rect x="1" y="1" width="14" height="14" rx="5"/>',
};

function swatch(def: LabelDef): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('width', '16');
  svg.setAttribute('height', '16');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('fill', def.color);
  // Constant markup from this module (shapes keyed by the schema), never data.
  svg.innerHTML = SHAPES[def.shape];
  return svg;
}

export interface LegendInput {
  counts: ShownCounts;
  hiddenLabels: string[];
  hiddenTypes: string[];
  onToggleLabel(label: string): void;
  onToggleType(type: string): void;
}

const tallyText = (t: Tally | undefined) => `${t?.shown ?? 0} of ${t?.total ?? 0}`;

// Kept open or closed across renders (the legend is redrawn on every change).
let typesOpen = false;

export function renderLegend(input: LegendInput): void {
  const root = byId('legend');
  clear(root);
  const list = el('ul', { class: 'legend-list' });
  for (const label of NODE_LABELS) {
    const def = LABELS[label];
    const off = input.hiddenLabels.includes(label);
    // The name is what the button shows (label and counts); pressed = shown.
    const b = el('button', { type: 'button', class: off ? 'legend-item off' : 'legend-item', 'data-label': label, 'aria-pressed': String(!off), title: `${def.description}; click to ${off ? 'show' : 'hide'}` });
    b.append(swatch(def), el('span', { text: label }), el('span', { class: 'muted small legend-count', text: tallyText(input.counts.byLabel.get(label)) }), el('span', { class: 'visually-hidden', text: ' shown' }));
    b.addEventListener('click', () => input.onToggleLabel(label));
    list.append(el('li', {}, b));
  }
  const types = el('ul', { class: 'legend-list legend-types' });
  for (const type of REL_TYPES) {
    const t = input.counts.byType.get(type);
    if (!t) continue;
    const off = input.hiddenTypes.includes(type);
    const b = el('button', { type: 'button', class: off ? 'legend-item off' : 'legend-item', 'data-type': type, 'aria-pressed': String(!off), title: `click to ${off ? 'show' : 'hide'} ${type} relationships` });
    b.append(el('span', { class: 'mono small', text: type }), el('span', { class: 'muted small legend-count', text: tallyText(t) }), el('span', { class: 'visually-hidden', text: ' shown' }));
    b.addEventListener('click', () => input.onToggleType(type));
    types.append(el('li', {}, b));
  }
  const typeBox = el('details', { class: 'legend-types-box', id: 'legend-types', open: typesOpen }, el('summary', { text: `Relationship types (${tallyText(input.counts.edges)} shown)` }), types);
  typeBox.addEventListener('toggle', () => {
    typesOpen = typeBox.open;
  });
  root.append(
    el('h2', { class: 'small-heading', text: 'Legend' }),
    list,
    typeBox,
    el('p', { class: 'muted small', text: 'Counts: shown of in view. Edges are labelled with their relationship type. Dashed border: more neighbours to load. Double border: pinned.' }),
  );
}

/** The legend: one entry per node label, colour and shape from the schema, with the count in view. */
import type { Core } from 'cytoscape';
import { LABELS, NODE_LABELS, type LabelDef } from '../../shared/schema.js';
import { byId, clear, el } from './dom.js';

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

export function renderLegend(cy: Core, hiddenLabels: string[], onToggle: (label: string) => void): void {
  const root = byId('legend');
  clear(root);
  const list = el('ul', { class: 'legend-list' });
  for (const label of NODE_LABELS) {
    const def = LABELS[label];
    const count = cy.nodes(`[label = "${label}"]`).length;
    const off = hiddenLabels.includes(label);
    // The name is what the button shows (label and count); pressed = shown.
    const b = el('button', { type: 'button', class: off ? 'legend-item off' : 'legend-item', 'aria-pressed': String(!off), title: `${def.description}; click to ${off ? 'show' : 'hide'}` });
    b.append(swatch(def), el('span', { text: label }), el('span', { class: 'muted small', text: String(count) }), el('span', { class: 'visually-hidden', text: ' in view' }));
    b.addEventListener('click', () => onToggle(label));
    list.append(el('li', {}, b));
  }
  root.append(el('h2', { class: 'small-heading', text: 'Legend' }), list, el('p', { class: 'muted small', text: 'Edges are labelled with their relationship type. Dashed border: more neighbours to load. Double border: pinned.' }));
}

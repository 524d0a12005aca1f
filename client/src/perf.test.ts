import { describe, expect, it } from 'vitest';
import { LABELS, NODE_LABELS } from '../../shared/schema.js';
import cytoscape from 'cytoscape';
import { minimalStyle, renderOptionsFor, renderTier, TIER_THRESHOLDS } from './perf.js';
import { paletteOf } from './theme.js';

const rule = (style: { selector: string; style: object }[], selector: string) =>
  Object.assign({}, ...style.filter((r) => r.selector === selector).map((r) => r.style)) as Record<string, unknown>;

describe('renderOptionsFor', () => {
  it('keeps the full app style for small views', () => {
    const o = renderOptionsFor(300);
    expect(o.tier).toBe('full');
    expect(o.replacesBaseStyle).toBe(false);
    expect(o.style).toEqual([]);
    expect(o.init.motionBlur).toBe(false);
    expect(o.layout).toMatchObject({ quality: 'default', animate: true });
  });

  it('replaces the app style with the lean one from the medium threshold: straight unlabelled edges, names from 8 px', () => {
    const o = renderOptionsFor(TIER_THRESHOLDS.medium);
    expect(o.tier).toBe('medium');
    expect(o.replacesBaseStyle).toBe(true);
    expect(rule(o.style, 'edge')).toMatchObject({ 'curve-style': 'haystack' });
    expect(rule(o.style, 'edge').label).toBeUndefined();
    expect(rule(o.style, 'node')).toMatchObject({ label: 'data(name)', 'min-zoomed-font-size': 8 });
    expect(rule(o.style, 'node')['text-outline-width']).toBeUndefined();
    expect(o.layout).toMatchObject({ quality: 'draft', animate: false });
  });

  it('gives the edges a person looks at their curve, arrow and type back (computed by Cytoscape)', () => {
    const cy = cytoscape({
      headless: true,
      styleEnabled: true,
      style: renderOptionsFor(TIER_THRESHOLDS.medium).style,
      elements: [
        { data: { id: 'a', label: 'Person', name: 'A' } },
        { data: { id: 'b', label: 'Person', name: 'B' } },
        { data: { id: 'e1', source: 'a', target: 'b', type: 'MET' } },
        { data: { id: 'e2', source: 'b', target: 'a', type: 'MET' } },
        { data: { id: 'e3', source: 'a', target: 'b', type: 'MET' } },
      ],
    });
    const [plain, selected, onPath] = ['e1', 'e2', 'e3'].map((id) => cy.getElementById(id));
    selected.select();
    onPath.addClass('path');
    expect(plain.style('curve-style')).toBe('haystack');
    expect(plain.style('label')).toBe('');
    for (const e of [selected, onPath]) {
      expect(e.style('curve-style')).toBe('bezier');
      expect(e.style('target-arrow-shape')).toBe('triangle');
      expect(e.style('label')).toBe('MET');
    }
    expect(selected.style('line-color')).toBe(cy.getElementById('e2').style('target-arrow-color'));
    cy.destroy();
  });

  it('draws medium and large views in the palette it is given', () => {
    const dark = paletteOf('dark');
    for (const n of [TIER_THRESHOLDS.medium, TIER_THRESHOLDS.large]) {
      const o = renderOptionsFor(n, dark);
      expect(rule(o.style, 'node').color).toBe(dark.text);
      expect(rule(o.style, 'edge')['line-color']).toBe(dark.edge);
      expect(rule(o.style, 'node:selected')['border-color']).toBe(dark.accent);
    }
  });

  it('replaces the style and turns on viewport level of detail for large views', () => {
    const o = renderOptionsFor(30_000);
    expect(o.tier).toBe('large');
    expect(o.replacesBaseStyle).toBe(true);
    expect(o.init).toMatchObject({ textureOnViewport: true, hideEdgesOnViewport: true, hideLabelsOnViewport: true, pixelRatio: 1, motionBlur: false });
    expect(rule(o.style, 'edge')['curve-style']).toBe('haystack');
    expect(rule(o.style, 'node')['min-zoomed-font-size']).toBeGreaterThanOrEqual(12);
  });

  it('never turns on the experimental WebGL renderer', () => {
    for (const n of [0, 500, 5_000, 50_000, 1_000_000]) expect(renderOptionsFor(n).init).not.toHaveProperty('webgl');
  });

  it('moves up a tier exactly at each threshold and treats nonsense counts as empty', () => {
    expect(renderTier(TIER_THRESHOLDS.medium - 1)).toBe('full');
    expect(renderTier(TIER_THRESHOLDS.large - 1)).toBe('medium');
    expect(renderTier(TIER_THRESHOLDS.large)).toBe('large');
    expect(renderOptionsFor(-5).tier).toBe('full');
  });
});

describe('minimalStyle', () => {
  it('keeps the legend: each label with its schema colour and shape', () => {
    const style = minimalStyle();
    for (const l of NODE_LABELS) expect(rule(style, `node[label = "${l}"]`)).toEqual({ 'background-color': LABELS[l].color, shape: LABELS[l].shape });
  });

  it('keeps the classes the app toggles', () => {
    const selectors = minimalStyle().map((r) => r.selector);
    for (const s of ['node:selected', 'edge:selected', 'node.path', 'edge.path', 'node.has-more', 'node.pinned', 'node.side-label', '.dimmed', '.faded', '.filtered']) expect(selectors).toContain(s);
  });
});

import { describe, expect, it } from 'vitest';
import { LABELS, NODE_LABELS } from '../../shared/schema.js';
import { minimalStyle, renderOptionsFor, renderTier, TIER_THRESHOLDS } from './perf.js';

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

  it('drops edge labels (except on selection) and cheapens node labels from the medium threshold', () => {
    const o = renderOptionsFor(TIER_THRESHOLDS.medium);
    expect(o.tier).toBe('medium');
    expect(o.replacesBaseStyle).toBe(false);
    expect(rule(o.style, 'edge').label).toBe('');
    expect(rule(o.style, 'edge:selected').label).toBe('data(type)');
    expect(rule(o.style, 'node')).toMatchObject({ 'text-outline-width': 0, 'text-wrap': 'none' });
    expect(o.layout).toMatchObject({ quality: 'draft', animate: false });
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
    for (const s of ['node:selected', 'edge:selected', 'node.path', 'edge.path', '.dimmed', '.faded', '.filtered']) expect(selectors).toContain(s);
  });
});

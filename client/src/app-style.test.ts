import { describe, expect, it } from 'vitest';
import { graphStyle, viewStyle } from './app-style.js';
import { renderOptionsFor, TIER_THRESHOLDS } from './perf.js';
import { paletteOf } from './theme.js';

describe('viewStyle', () => {
  const p = paletteOf('dark');

  it('draws small views in the app style, with no rule of the lean style mixed in', () => {
    expect(viewStyle(p, renderOptionsFor(10, p))).toEqual(graphStyle(p));
  });

  it('draws medium and large views in their lean style alone: none of the app style is computed under it', () => {
    for (const n of [TIER_THRESHOLDS.medium, TIER_THRESHOLDS.large]) {
      const o = renderOptionsFor(n, p);
      const style = viewStyle(p, o);
      expect(style).toEqual(o.style);
      expect(JSON.stringify(style)).not.toContain('text-outline');
    }
  });
});

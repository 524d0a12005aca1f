import { describe, expect, it } from 'vitest';
import { loadKnowledgeBase } from './facts.js';
import { EXTRACTED_TYPES, evaluate, formatTable } from './eval-extract.js';

describe('evaluate against the curated facts', () => {
  it('scores every extracted relation type and prints a table', async () => {
    const kb = await loadKnowledgeBase();
    const ev = evaluate(kb);
    expect(Object.keys(ev.byType)).toEqual([...EXTRACTED_TYPES]);
    for (const s of Object.values(ev.byType)) {
      expect(s.precision).toBeGreaterThanOrEqual(0);
      expect(s.recall).toBeLessThanOrEqual(1);
    }
    // Floors well under today's figures: they catch a broken pipeline, not tuning noise.
    expect(ev.total.tp).toBeGreaterThan(15);
    expect(ev.total.precision).toBeGreaterThan(0.6);
    expect(formatTable(ev)).toMatch(/^type\s+tp\s+fp\s+fn/);
  });
});

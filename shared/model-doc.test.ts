import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelMarkdown } from './model-doc.js';
import { REL_TYPES } from './schema.js';

describe('docs/MODEL.md', () => {
  it('is up to date with shared/schema.ts (regenerate: npx tsx scripts/gen-model-doc.ts)', () => {
    expect(fs.readFileSync(new URL('../docs/MODEL.md', import.meta.url), 'utf8')).toBe(modelMarkdown());
  });

  it('lists every relationship type', () => {
    const doc = modelMarkdown();
    for (const t of REL_TYPES) expect(doc).toContain(`| \`${t}\` |`);
  });
});

import { describe, expect, it } from 'vitest';
import { provenanceOf } from './graph.js';
import { CLAIM_STATUSES, CLAIM_STATUS_DEFS, PROVENANCE_PROPS, REL_PROPS, isClaimStatus } from './schema.js';

describe('claim status', () => {
  it('is one of the declared statuses, each with a label', () => {
    expect(CLAIM_STATUSES).toEqual(['reported', 'attributed', 'attributed-unnamed', 'alleged', 'believed', 'denied']);
    for (const s of CLAIM_STATUSES) expect(CLAIM_STATUS_DEFS[s].status).toBe(s);
    expect(isClaimStatus('believed')).toBe(true);
    expect(isClaimStatus('rumoured')).toBe(false);
    expect(isClaimStatus(3)).toBe(false);
  });

  it('is stored as a parallel provenance list on every relationship', () => {
    expect(PROVENANCE_PROPS).toContain('sourceStatuses');
    for (const p of PROVENANCE_PROPS) expect(REL_PROPS.find((r) => r.name === p)?.type).toMatch(/\[\]$/);
  });

  it('is carried by provenanceOf, claim by claim; an unknown or missing status reads as null', () => {
    const claims = provenanceOf({
      sourceArticles: ['article:a', 'article:b', 'article:c'],
      sourceQuotes: ['q1', 'q2', 'q3'],
      sourceOffsets: [1, 2, 3],
      sourceClaims: ['', '', ''],
      sourceDateNotes: ['', '', ''],
      sourceStatuses: ['believed', 'nonsense'],
      sourceNumbers: ['>10000', '', ''],
      sourceDates: ['2024-11', '2024-11-06', ''],
      sourcePlaces: ['', 'place:kursk', ''],
    });
    expect(claims.map((c) => c.status)).toEqual(['believed', null, null]);
    expect(claims.map((c) => [c.number, c.date, c.place])).toEqual([
      ['>10000', '2024-11', ''],
      ['', '2024-11-06', 'place:kursk'],
      ['', '', ''],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { conflictsOf } from './conflicts.js';
import type { ClaimStatus } from './schema.js';

const claim = (over: Partial<{ number: string; date: string; place: string; status: ClaimStatus | null }>) => ({ number: '', date: '', place: '', status: 'reported' as ClaimStatus | null, ...over });

describe('conflictsOf', () => {
  it('finds no conflict in claims that only differ in wording', () => {
    expect(conflictsOf([claim({}), claim({ status: 'attributed' })])).toEqual([]);
  });

  it('reports disagreeing numbers, first', () => {
    expect(conflictsOf([claim({ number: '>10000' }), claim({ number: '10000', status: 'denied' }), claim({})])).toEqual(['number', 'yes/no']);
  });

  it('lets a month contain its day, but not another day', () => {
    expect(conflictsOf([claim({ date: '2024-11' }), claim({ date: '2024-11-06' })])).toEqual([]);
    expect(conflictsOf([claim({ date: '2024-11-05' }), claim({ date: '2024-11-06' })])).toEqual(['date']);
  });

  it('reports two places, and a denial against a statement as yes/no', () => {
    expect(conflictsOf([claim({ place: 'place:moscow' }), claim({ place: 'place:pyongyang' })])).toEqual(['place']);
    expect(conflictsOf([claim({ status: 'alleged' }), claim({ status: 'denied' })])).toEqual(['yes/no']);
    expect(conflictsOf([claim({ status: 'denied' }), claim({ status: 'denied' })])).toEqual([]);
  });
});

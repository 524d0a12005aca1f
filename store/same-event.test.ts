import { describe, expect, it } from 'vitest';
import { dateSpan, matchingEvent, newEdgeId, sameEvent } from './same-event.js';

const summit = { id: 'rel:met-with:vladimir-putin:kim-jong-un:2024-06', date: '2024-06-19', datePrecision: 'day', place: 'place:pyongyang' };

describe('same event', () => {
  it('reads a date at its precision, or its range', () => {
    expect(dateSpan({ id: 'x', date: '2024-02-01', datePrecision: 'month' })).toEqual(['2024-02-01', '2024-02-29']);
    expect(dateSpan({ id: 'x', date: '2024-01-01', datePrecision: 'year' })).toEqual(['2024-01-01', '2024-12-31']);
    expect(dateSpan({ id: 'x', date: '2024-11-25', dateFrom: '2024-11-25', dateTo: '2024-12-01' })).toEqual(['2024-11-25', '2024-12-01']);
    expect(dateSpan({ id: 'x', date: null })).toBeUndefined();
  });

  it('does not merge a March 2025 Moscow meeting into the June 2024 Pyongyang summit', () => {
    const moscow = { id: 'rel:met-with:vladimir-putin:kim-jong-un', date: '2025-03-12', datePrecision: 'day', place: 'place:moscow' };
    expect(sameEvent(summit, moscow)).toBe(false);
    expect(sameEvent(summit, { ...moscow, place: null })).toBe(false);
    expect(sameEvent(summit, { ...moscow, date: '2024-06-19' })).toBe(false);
    expect(matchingEvent([summit], moscow)).toBeUndefined();
  });

  it('merges a claim of the same day, of the month it falls in, or with no date', () => {
    expect(sameEvent(summit, { id: 'n', date: '2024-06-19', datePrecision: 'day', place: 'place:pyongyang' })).toBe(true);
    expect(sameEvent(summit, { id: 'n', date: '2024-06-01', datePrecision: 'month' })).toBe(true);
    expect(sameEvent(summit, { id: 'n', date: null })).toBe(true);
    expect(sameEvent(summit, { id: 'n', date: '2024-06-20', datePrecision: 'day' })).toBe(false);
  });

  it('picks the closest compatible edge: exact date before a month, earliest on a tie', () => {
    const june = { id: 'a', date: '2024-06-01', datePrecision: 'month' };
    const day = { id: 'b', date: '2024-06-19', datePrecision: 'day' };
    const november = { id: 'c', date: '2024-11-09', datePrecision: 'day' };
    expect(matchingEvent([june, day, november], { id: 'n', date: '2024-06-19', datePrecision: 'day' })?.id).toBe('b');
    expect(matchingEvent([november, june], { id: 'n', date: null })?.id).toBe('a');
    expect(matchingEvent([november, june], { id: 'c', date: null })?.id).toBe('c');
  });

  it('gives a second event between the same nodes an id of its own, the same for every writer', () => {
    const incoming = { id: 'rel:met-with:a:b', date: '2025-03-12', datePrecision: 'day' };
    expect(newEdgeId(incoming, new Set())).toBe('rel:met-with:a:b');
    expect(newEdgeId(incoming, new Set(['rel:met-with:a:b']))).toBe('rel:met-with:a:b:2025-03-12');
    expect(newEdgeId({ ...incoming, datePrecision: 'month' }, new Set(['rel:met-with:a:b']))).toBe('rel:met-with:a:b:2025-03');
    expect(newEdgeId(incoming, new Set(['rel:met-with:a:b', 'rel:met-with:a:b:2025-03-12']))).toBe('rel:met-with:a:b:2025-03-12-2');
    expect(newEdgeId({ id: 'x', date: null }, new Set(['x']))).toBe('x:undated');
  });
});

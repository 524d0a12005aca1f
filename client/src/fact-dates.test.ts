import { describe, expect, it } from 'vitest';
import { overlaps, spanOf } from './fact-dates.js';

describe('spanOf', () => {
  it('takes a range as stated, widens a month or a year, and keeps a day', () => {
    expect(spanOf({ date: null, dateFrom: '2024-11-25', dateTo: '2024-12-01' })).toEqual({ start: '2024-11-25', end: '2024-12-01' });
    expect(spanOf({ date: '2024-11-01', datePrecision: 'month' })).toEqual({ start: '2024-11-01', end: '2024-11-30' });
    expect(spanOf({ date: '2024-02-01', datePrecision: 'month' })).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(spanOf({ date: '1950-01-01', datePrecision: 'year', dateFrom: '1950-01-01', dateTo: '1953-12-31' })).toEqual({ start: '1950-01-01', end: '1953-12-31' });
    expect(spanOf({ date: '2024-06-19', datePrecision: 'day' })).toEqual({ start: '2024-06-19', end: '2024-06-19' });
    expect(spanOf({ date: null })).toBeNull();
  });
});

describe('overlaps', () => {
  const week = { start: '2024-11-25', end: '2024-12-01' };
  it('counts a range that only partly meets the window', () => {
    expect(overlaps(week, '2024-12-01', '2024-12-31')).toBe(true);
    expect(overlaps(week, null, '2024-11-25')).toBe(true);
    expect(overlaps(week, '2024-12-02', null)).toBe(false);
    expect(overlaps(week, '2024-01-01', '2024-11-24')).toBe(false);
  });
});

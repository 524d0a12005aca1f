import { describe, expect, it } from 'vitest';
import { findDates, resolveDate } from './dates.js';

describe('resolveDate', () => {
  it.each([
    ['19 Juni 2024', '2024-06-19', 'day'],
    ['Rabu, 4 Desember 2024', '2024-12-04', 'day'],
    ['KAMIS, 05 DESEMBER 2024', '2024-12-05', 'day'],
    ['(12/11/2024)', '2024-11-12', 'day'],
    ['5 Agustus 2024', '2024-08-05', 'day'],
    ['3 Nopember 2023', '2023-11-03', 'day'],
    ['June 19, 2024', '2024-06-19', 'day'],
    ['19 June 2024', '2024-06-19', 'day'],
    ['September 2023', '2023-09-01', 'month'],
    ['sejak tahun 2000', '2000-01-01', 'year'],
  ] as const)('reads the absolute date "%s"', (phrase, date, precision) => {
    expect(resolveDate(phrase, null)).toMatchObject({ date, precision });
  });

  it('rejects an impossible day', () => {
    expect(resolveDate('31/02/2024', null).date).toBeNull();
  });

  it('resolves a weekday to the most recent such day on or before the article date', () => {
    expect(resolveDate('pada hari Senin', '2024-11-06')).toMatchObject({ date: '2024-11-04', precision: 'day' });
    expect(resolveDate('Rabu', '2024-11-06')).toMatchObject({ date: '2024-11-06', precision: 'day' });
    expect(resolveDate("Jum'at", '2024-11-06')).toMatchObject({ date: '2024-11-01' });
    expect(resolveDate('on Monday', '2024-11-06')).toMatchObject({ date: '2024-11-04' });
  });

  it('reads "pekan lalu" as the previous week with month precision and the exact range', () => {
    const r = resolveDate('pekan lalu', '2024-11-06');
    expect(r).toMatchObject({ date: '2024-10-01', precision: 'month', from: '2024-10-28', to: '2024-11-03' });
    expect(r.note).toMatch(/week/);
    expect(resolveDate('minggu lalu', '2024-11-06').from).toBe('2024-10-28');
  });

  it('resolves last month and last year', () => {
    expect(resolveDate('bulan lalu', '2024-12-05')).toMatchObject({ date: '2024-11-01', precision: 'month' });
    expect(resolveDate('bulan lalu', '2024-01-10')).toMatchObject({ date: '2023-12-01', precision: 'month' });
    expect(resolveDate('tahun lalu', '2024-11-02')).toMatchObject({ date: '2023-01-01', precision: 'year' });
    expect(resolveDate('last year', '2024-11-02')).toMatchObject({ date: '2023-01-01', precision: 'year' });
  });

  it('resolves a month without a year to the most recent such month', () => {
    expect(resolveDate('Juni lalu', '2024-12-05')).toMatchObject({ date: '2024-06-01', precision: 'month' });
    expect(resolveDate('pada bulan Juni', '2024-11-12')).toMatchObject({ date: '2024-06-01', precision: 'month' });
    expect(resolveDate('pada bulan Desember', '2024-11-12')).toMatchObject({ date: '2023-12-01' });
    expect(resolveDate('pada Juni', '2024-06-20')).toMatchObject({ date: '2024-06-01' });
    expect(resolveDate('Juni lalu', '2024-06-20')).toMatchObject({ date: '2023-06-01' });
  });

  it('never guesses a relative date without the article date', () => {
    for (const phrase of ['pada hari Senin', 'pekan lalu', 'bulan lalu', 'tahun lalu', 'Juni lalu', 'kemarin']) {
      const r = resolveDate(phrase, null);
      expect(r.date).toBeNull();
      expect(r.precision).toBeNull();
      expect(r.note).toMatch(/unknown/);
    }
  });

  it('says when there is no date at all', () => {
    expect(resolveDate('tanpa tanggal', '2024-11-06')).toMatchObject({ date: null, note: expect.stringMatching(/no date/) });
  });
});

describe('findDates', () => {
  it('finds weekday-plus-numeric dates as one expression', () => {
    const found = findDates('kata media pemerintah KCNA pada Selasa, (12/11/2024).', '2024-11-12');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ date: '2024-11-12', text: 'Selasa, (12/11/2024)' });
  });

  it('does not read "minggu" (week) or "mei" in lower case as dates', () => {
    expect(findDates('dalam beberapa minggu terakhir', '2024-11-06')).toEqual([]);
    expect(findDates('selama dua minggu', '2024-11-06')).toEqual([]);
  });

  it('does not read numbers with thousands separators as dates', () => {
    expect(findDates('lebih dari 10.000 tentara', '2024-11-06')).toEqual([]);
  });

  it('finds several dates in order with their offsets', () => {
    const s = 'Pada hari Rabu, 4 Desember 2024, sebulan setelah Juni lalu';
    const found = findDates(s, '2024-12-05');
    expect(found.map((d) => d.date)).toEqual(['2024-12-04', '2024-06-01']);
    expect(s.slice(found[1].index, found[1].index + found[1].text.length)).toBe('Juni lalu');
  });
});

/**
 * The time a fact covers: its range (dateFrom..dateTo) when it has one, else
 * its date widened to what its precision states (a month-precision date is
 * the whole month, a year the whole year). Filters and the story timeline use
 * this one span, so "in the window" means the span overlaps the window.
 */
import type { PlainValue } from '../../shared/graph.js';

export interface Span {
  start: string;
  end: string;
}

function day(v: PlainValue | undefined): string | null {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null;
}

function endOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(last).padStart(2, '0')}`;
}

export function spanOf(props: Record<string, PlainValue>): Span | null {
  const from = day(props.dateFrom);
  const to = day(props.dateTo);
  const date = day(props.date);
  if (from || to) return { start: from ?? date ?? (to as string), end: to ?? date ?? (from as string) };
  if (!date) return null;
  if (props.datePrecision === 'year') return { start: date, end: `${date.slice(0, 4)}-12-31` };
  if (props.datePrecision === 'month') return { start: date, end: endOfMonth(date) };
  return { start: date, end: date };
}

/** Whether a span meets the inclusive window [from, to] (either end open). */
export function overlaps(span: Span, from: string | null, to: string | null): boolean {
  return (!from || span.end >= from) && (!to || span.start <= to);
}

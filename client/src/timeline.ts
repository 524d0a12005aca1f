/**
 * The time bar: a date range over the dated facts in view. The slider steps
 * through the distinct dates (stories are bursty: a 1950 war and a dense 2024
 * would leave a linear axis empty), and Play moves the end of the range
 * forward one date at a time so the story unfolds.
 */
import type { Core } from 'cytoscape';
import { byId, clear, el } from './dom.js';
import type { FilterState } from './filters.js';
import { rawEdge, rawNode } from './graph-view.js';

/** Distinct dates (YYYY-MM-DD) of the dated facts and events in view, sorted. */
export function datesInView(cy: Core): string[] {
  const dates = new Set<string>();
  cy.edges().forEach((e) => {
    const d = rawEdge(e).properties.date;
    if (typeof d === 'string' && d) dates.add(d.slice(0, 10));
  });
  cy.nodes('[label = "Event"]').forEach((n) => {
    const d = rawNode(n).properties.date;
    if (typeof d === 'string' && d) dates.add(d.slice(0, 10));
  });
  return [...dates].sort();
}

/** Index of the last date on or before `to` (the slider's position for a range end). */
function indexOf(dates: string[], to: string | null): number {
  if (!to) return dates.length - 1;
  let i = 0;
  while (i + 1 < dates.length && dates[i + 1] <= to) i++;
  return i;
}

export interface Timeline {
  render(f: FilterState, dates: string[]): void;
  stop(): void;
}

export function createTimeline(onRange: (range: { from: string | null; to: string | null }) => void): Timeline {
  const root = byId('timeline');
  let timer: number | undefined;
  let domain = '';
  let current: FilterState | undefined;
  let dates: string[] = [];

  const stop = () => {
    if (timer !== undefined) window.clearInterval(timer);
    timer = undefined;
    const play = root.querySelector('#play');
    if (play) play.textContent = '▶ Play';
  };

  const update = (f: FilterState) => {
    const set = (id: string, value: string) => {
      const input = document.getElementById(id) as HTMLInputElement | null;
      if (input && input.value !== value) input.value = value;
    };
    set('date-from', f.from ?? '');
    set('date-to', f.to ?? '');
    const i = indexOf(dates, f.to);
    set('date-slider', String(i));
    document.getElementById('date-slider')?.setAttribute('aria-valuetext', f.to ? `up to ${f.to}` : 'all dates');
    const out = document.getElementById('date-now');
    if (out) out.textContent = f.to ? `≤ ${f.to}` : 'all';
  };

  return {
    stop,
    render(f, next) {
      current = f;
      const key = next.join(',');
      if (key && key === domain) return update(f);
      domain = key;
      dates = next;
      clear(root);
      if (!dates.length) {
        stop();
        root.append(el('span', { class: 'muted', text: 'No dated facts in view.' }));
        return;
      }
      const now = () => current ?? f;
      const from = el('input', { type: 'date', id: 'date-from', 'aria-label': 'From date', min: dates[0], max: dates[dates.length - 1] });
      const to = el('input', { type: 'date', id: 'date-to', 'aria-label': 'To date', min: dates[0], max: dates[dates.length - 1] });
      const slider = el('input', { type: 'range', id: 'date-slider', min: 0, max: dates.length - 1, step: 1, 'aria-label': 'Show facts up to this date' });
      const play = el('button', { type: 'button', id: 'play', 'aria-label': 'Play the story forward in time', text: timer ? '❚❚ Pause' : '▶ Play' });
      const reset = el('button', { type: 'button', id: 'date-clear', text: 'All dates' });
      const ticks = el('div', { class: 'ticks', 'aria-hidden': 'true' });
      dates.forEach((d, i) => ticks.append(el('span', { title: d, style: `left:${dates.length > 1 ? (i / (dates.length - 1)) * 100 : 50}%` })));

      from.addEventListener('change', () => onRange({ from: from.value || null, to: now().to }));
      to.addEventListener('change', () => onRange({ from: now().from, to: to.value || null }));
      slider.addEventListener('input', () => onRange({ from: now().from, to: dates[Number(slider.value)] }));
      reset.addEventListener('click', () => {
        stop();
        onRange({ from: null, to: null });
      });
      play.addEventListener('click', () => {
        if (timer !== undefined) return stop();
        const start = now().from;
        let i = start ? indexOf(dates, start) : 0;
        play.textContent = '❚❚ Pause';
        onRange({ from: start, to: dates[i] });
        timer = window.setInterval(() => {
          i += 1;
          if (i >= dates.length) return stop();
          onRange({ from: start, to: dates[i] });
        }, 600);
      });

      root.append(
        play,
        el('label', { class: 'inline' }, 'From', from),
        el('div', { class: 'slider' }, ticks, slider),
        el('output', { id: 'date-now', class: 'mono small', for: 'date-slider' }),
        el('label', { class: 'inline' }, 'To', to),
        reset,
      );
      update(f);
    },
  };
}

/**
 * The chronological layout's axis: a date over each column and a name on
 * each lane (and the undated band), drawn over the canvas and moved with it
 * as it pans and zooms. Decoration only: the graph itself stays the one
 * thing a pointer or screen reader acts on.
 */
import type { Core } from 'cytoscape';
import { clear, el } from './dom.js';
import type { ChronoAxis } from './layouts.js';

/** Day, month or year as the facts state it; the year only on the first column of each year. */
export function dateLabel(date: string, precision: string, withYear: boolean): string {
  const d = new Date(`${date}T00:00:00Z`);
  if (precision === 'year') return String(d.getUTCFullYear());
  return d.toLocaleDateString('en-GB', { day: precision === 'month' ? undefined : 'numeric', month: 'short', year: withYear ? 'numeric' : undefined, timeZone: 'UTC' });
}

export function createChronoAxis(cy: Core, host: HTMLElement): { show(axis: ChronoAxis | null): void } {
  const root = el('div', { class: 'chrono-axis', id: 'chrono-axis', 'aria-hidden': 'true', hidden: true });
  host.append(root);
  let axis: ChronoAxis | null = null;

  const draw = () => {
    if (!axis) return;
    const zoom = cy.zoom();
    const pan = cy.pan();
    clear(root);
    for (const lane of [...axis.lanes, ...(axis.undated ? [{ label: `Undated (${axis.undated.count})`, top: axis.undated.top, bottom: axis.undated.bottom }] : [])]) {
      const top = lane.top * zoom + pan.y;
      const height = (lane.bottom - lane.top) * zoom;
      root.append(el('div', { class: 'lane', style: `top:${top}px;height:${height}px` }, el('span', { class: 'lane-name', text: lane.label })));
    }
    let lastYear = '';
    for (const c of axis.columns) {
      const year = c.date.slice(0, 4);
      root.append(el('span', { class: 'axis-date', style: `left:${c.x * zoom + pan.x}px`, text: dateLabel(c.date, c.precision, year !== lastYear) }));
      lastYear = year;
    }
  };
  cy.on('viewport resize', draw);

  return {
    show(next) {
      axis = next;
      root.hidden = !next;
      if (next) draw();
      else clear(root);
    },
  };
}

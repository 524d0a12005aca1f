/**
 * The story timeline: a strip under the graph with a real date axis (years,
 * months or days, as the dates in view need), one mark per dated fact (a dot
 * for a day, a bar for a range or a month), undated facts counted apart.
 * Long gaps (a 1950 war before a dense 2024) are cut out of the axis and shown
 * as a break, so the dense part keeps its room. Dragging across the strip
 * brushes a date window that filters the graph; clicking a mark selects its
 * relationship, and a selected relationship lights its mark; Play moves the
 * end of the window forward fact by fact.
 */
import type { Core } from 'cytoscape';
import { append, byId, clear, el } from './dom.js';
import { spanOf, type Span } from './fact-dates.js';
import type { FilterState } from './filters.js';
import { rawEdge, rawNode } from './graph-view.js';

export interface TimelineFact extends Span {
  /** The edge (or Event node) id. */
  id: string;
  title: string;
}

export interface FactsInView {
  dated: TimelineFact[];
  undated: number;
}

/** The dated facts in view (relationships, and Event nodes), and how many relationships have no date. */
export function factsInView(cy: Core): FactsInView {
  const dated: TimelineFact[] = [];
  let undated = 0;
  cy.edges().forEach((e) => {
    const raw = rawEdge(e);
    if (raw.type === 'MENTIONS') return;
    const span = spanOf(raw.properties);
    if (!span) {
      undated++;
      return;
    }
    dated.push({ id: e.id(), ...span, title: `${String(e.source().data('name'))} ${raw.type} ${String(e.target().data('name'))}` });
  });
  cy.nodes('[label = "Event"]').forEach((n) => {
    const span = spanOf(rawNode(n).properties);
    if (span) dated.push({ id: n.id(), ...span, title: String(n.data('name')) });
  });
  dated.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : a.id < b.id ? -1 : 1));
  return { dated, undated };
}

const DAY = 86_400_000;
const dayNumber = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
const dateOf = (n: number) => new Date(n * DAY).toISOString().slice(0, 10);
/** A gap longer than this between facts is cut out of the axis. */
const BREAK_DAYS = 200;
const BREAK_PX = 18;

interface Segment {
  from: number;
  to: number;
  x: number;
  width: number;
}

/** The axis: stretches of time laid side by side, each as wide as its share of the facts (with a floor), linear inside. */
export function axisSegments(facts: Span[], width: number): Segment[] {
  // Covered stretches of time: facts (ranges included) merged while less than BREAK_DAYS apart.
  const intervals = facts.map((f) => ({ from: dayNumber(f.start), to: dayNumber(f.end) })).sort((a, b) => a.from - b.from);
  if (!intervals.length) return [];
  const spans: Array<{ from: number; to: number }> = [{ ...intervals[0] }];
  for (const i of intervals.slice(1)) {
    const last = spans[spans.length - 1];
    if (i.from - last.to > BREAK_DAYS) spans.push({ ...i });
    else last.to = Math.max(last.to, i.to);
  }
  // Pad each part a little so marks at its ends are not cut.
  const padded = spans.map((s) => {
    const pad = Math.max(3, Math.round((s.to - s.from) * 0.04));
    return { from: s.from - pad, to: s.to + pad };
  });
  // Room by how many facts a part holds (the story is where the facts are), at least 12 % each.
  const counts = padded.map((s) => intervals.filter((i) => i.from >= s.from && i.from <= s.to).length);
  const total = counts.reduce((a, b) => a + b, 0);
  const weights = counts.map((c) => Math.max(c, total * 0.12));
  const sum = weights.reduce((a, b) => a + b, 0);
  const usable = width - BREAK_PX * (padded.length - 1);
  let x = 0;
  return padded.map((s, i) => {
    const w = (weights[i] / sum) * usable;
    const seg = { ...s, x, width: w };
    x += w + BREAK_PX;
    return seg;
  });
}

function xOf(segments: Segment[], date: string): number {
  const d = dayNumber(date);
  for (const s of segments) if (d <= s.to) return s.x + (Math.max(d, s.from) - s.from) * (s.width / Math.max(1, s.to - s.from));
  const last = segments[segments.length - 1];
  return last.x + last.width;
}

function dateAt(segments: Segment[], x: number): string {
  for (const s of segments) if (x <= s.x + s.width + BREAK_PX / 2) return dateOf(Math.round(s.from + (Math.max(0, x - s.x) / s.width) * (s.to - s.from)));
  return dateOf(segments[segments.length - 1].to);
}

/** Tick dates and labels for a segment: years, months or days, whichever fits at ~56 px apart. */
function ticks(s: Segment): Array<{ date: string; label: string; major: boolean }> {
  const days = s.to - s.from;
  const pxPerDay = s.width / Math.max(1, days);
  const out: Array<{ date: string; label: string; major: boolean }> = [];
  const start = new Date(s.from * DAY);
  if (pxPerDay * 30 < 40) {
    const step = Math.max(1, Math.ceil(56 / (pxPerDay * 365)));
    for (let y = start.getUTCFullYear() + (start.getUTCMonth() || start.getUTCDate() > 1 ? 1 : 0); dayNumber(`${y}-01-01`) <= s.to; y += step) out.push({ date: `${y}-01-01`, label: String(y), major: true });
    if (!out.length) out.push({ date: dateOf(s.from + Math.round(days / 2)), label: String(new Date((s.from + days / 2) * DAY).getUTCFullYear()), major: true });
    return out;
  }
  if (pxPerDay < 6) {
    const step = Math.max(1, Math.ceil(56 / (pxPerDay * 30)));
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1));
    for (; dayNumber(d.toISOString().slice(0, 10)) <= s.to; d.setUTCMonth(d.getUTCMonth() + step)) {
      const date = d.toISOString().slice(0, 10);
      const major = d.getUTCMonth() === 0 || !out.length;
      out.push({ date, label: d.toLocaleDateString('en-GB', { month: 'short', year: major ? 'numeric' : undefined, timeZone: 'UTC' }), major });
    }
    return out;
  }
  const step = Math.max(1, Math.ceil(56 / pxPerDay));
  for (let n = s.from + 1; n <= s.to; n += step) {
    const d = new Date(n * DAY);
    const major = !out.length || d.getUTCDate() <= step;
    out.push({ date: dateOf(n), label: d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: !out.length ? 'numeric' : undefined, timeZone: 'UTC' }), major });
  }
  return out;
}

const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface Timeline {
  render(f: FilterState, facts: FactsInView): void;
  /** Lights the marks of these ids (the selection on the canvas). */
  highlight(ids: string[]): void;
  stop(): void;
}

export interface TimelineHooks {
  onRange(range: { from: string | null; to: string | null }): void;
  onSelect(id: string): void;
}

const HEIGHT = 84;
const AXIS_Y = 64;
const ROW = 9;

export function createTimeline(hooks: TimelineHooks): Timeline {
  const root = byId('timeline');
  let timer: number | undefined;
  let current: FilterState | undefined;
  let facts: FactsInView = { dated: [], undated: 0 };
  let lit = new Set<string>();

  const controls = el('div', { class: 'timeline-controls' });
  const strip = el('div', { class: 'timeline-strip' });
  root.replaceChildren(controls, strip);

  const stop = () => {
    if (timer !== undefined) window.clearInterval(timer);
    timer = undefined;
    const play = document.getElementById('play');
    if (play) play.textContent = '▶ Play';
  };

  const draw = () => {
    clear(strip);
    const f = current;
    if (!facts.dated.length) {
      strip.append(el('span', { class: 'muted', text: facts.undated ? `No dated facts in view; ${facts.undated} undated.` : 'No dated facts in view.' }));
      return;
    }
    const width = Math.max(200, strip.clientWidth || 600);
    const segments = axisSegments(facts.dated, width - 16);
    const chart = svg('svg', { id: 'timeline-chart', width, height: HEIGHT, role: 'img', 'aria-label': `Story timeline: ${facts.dated.length} dated facts from ${facts.dated[0].start} to ${facts.dated[facts.dated.length - 1].end}; drag to choose a date window` });
    const g = svg('g', { transform: 'translate(8,0)' });
    chart.append(g);
    // The chosen window.
    if (f && (f.from || f.to)) {
      const x1 = f.from ? xOf(segments, f.from) : 0;
      const x2 = f.to ? xOf(segments, f.to) : width - 16;
      g.append(svg('rect', { class: 'window', x: x1, y: 0, width: Math.max(2, x2 - x1), height: AXIS_Y }));
    }
    // Axis, breaks and ticks.
    segments.forEach((s, i) => {
      g.append(svg('line', { class: 'axis', x1: s.x, x2: s.x + s.width, y1: AXIS_Y, y2: AXIS_Y }));
      if (i > 0) g.append(svg('text', { class: 'axis-break', x: s.x - BREAK_PX / 2, y: AXIS_Y + 4, 'text-anchor': 'middle' }, '⋯'));
      for (const t of ticks(s)) {
        const x = xOf([s], t.date);
        // A label at the very end of a stretch would run into the next one's first.
        if (x > s.x + s.width - 22 && i < segments.length - 1) continue;
        g.append(svg('line', { class: t.major ? 'tick major' : 'tick', x1: x, x2: x, y1: AXIS_Y, y2: AXIS_Y + 4 }));
        g.append(svg('text', { class: 'tick-label', x, y: AXIS_Y + 15, 'text-anchor': 'middle' }, t.label));
      }
    });
    // Marks, in rows so they do not cover each other.
    const rows: number[] = [];
    const maxRows = Math.floor((AXIS_Y - 6) / ROW);
    for (const fact of facts.dated) {
      const x1 = xOf(segments, fact.start);
      const x2 = xOf(segments, fact.end);
      let row = rows.findIndex((end) => end < x1 - 6);
      if (row < 0) row = rows.length < maxRows ? rows.length : rows.indexOf(Math.min(...rows));
      rows[row] = Math.max(x2, x1 + 6);
      const y = AXIS_Y - 6 - row * ROW;
      const inWindow = !f || ((!f.from || fact.end >= f.from) && (!f.to || fact.start <= f.to));
      const cls = `mark${inWindow ? '' : ' out'}${lit.has(fact.id) ? ' lit' : ''}`;
      const mark = x2 - x1 < 4 ? svg('circle', { class: cls, cx: x1, cy: y, r: 3.5 }) : svg('rect', { class: `${cls} range`, x: x1, y: y - 3, width: x2 - x1, height: 6, rx: 3 });
      mark.setAttribute('data-id', fact.id);
      mark.append(svg('title', {}, `${fact.title} · ${fact.start === fact.end ? fact.start : `${fact.start} – ${fact.end}`}`));
      mark.addEventListener('click', (ev) => {
        ev.stopPropagation();
        hooks.onSelect(fact.id);
      });
      g.append(mark);
    }
    // Brushing: drag across the strip to choose a window.
    let brushFrom: number | null = null;
    const brush = svg('rect', { class: 'brush', x: 0, y: 0, width: 0, height: AXIS_Y, visibility: 'hidden' });
    g.append(brush);
    const localX = (ev: PointerEvent) => ev.clientX - chart.getBoundingClientRect().left - 8;
    chart.addEventListener('pointerdown', (ev) => {
      if ((ev.target as Element).classList.contains('mark')) return;
      brushFrom = localX(ev);
      chart.setPointerCapture(ev.pointerId);
    });
    chart.addEventListener('pointermove', (ev) => {
      if (brushFrom === null) return;
      const x = localX(ev);
      brush.setAttribute('visibility', 'visible');
      brush.setAttribute('x', String(Math.min(x, brushFrom)));
      brush.setAttribute('width', String(Math.abs(x - brushFrom)));
    });
    chart.addEventListener('pointerup', (ev) => {
      if (brushFrom === null) return;
      const x = localX(ev);
      const [a, b] = [Math.min(x, brushFrom), Math.max(x, brushFrom)];
      brushFrom = null;
      if (b - a < 4) return;
      stop();
      hooks.onRange({ from: dateAt(segments, a), to: dateAt(segments, b) });
    });
    strip.append(chart);
  };

  const renderControls = (f: FilterState) => {
    const first = facts.dated[0]?.start;
    const last = facts.dated[facts.dated.length - 1]?.end;
    const from = el('input', { type: 'date', id: 'date-from', 'aria-label': 'From date', min: first, max: last, value: f.from ?? '' });
    const to = el('input', { type: 'date', id: 'date-to', 'aria-label': 'To date', min: first, max: last, value: f.to ?? '' });
    const play = el('button', { type: 'button', id: 'play', 'aria-label': 'Play the story forward in time', text: timer ? '❚❚ Pause' : '▶ Play' });
    const reset = el('button', { type: 'button', id: 'date-clear', text: 'All dates' });
    from.addEventListener('change', () => hooks.onRange({ from: from.value || null, to: current?.to ?? null }));
    to.addEventListener('change', () => hooks.onRange({ from: current?.from ?? null, to: to.value || null }));
    reset.addEventListener('click', () => {
      stop();
      hooks.onRange({ from: null, to: null });
    });
    play.addEventListener('click', () => {
      if (timer !== undefined) return stop();
      const starts = [...new Set(facts.dated.map((x) => x.start))].sort();
      if (!starts.length) return;
      const start = current?.from ?? null;
      let i = start ? Math.max(0, starts.findIndex((d) => d >= start)) : 0;
      play.textContent = '❚❚ Pause';
      hooks.onRange({ from: start, to: starts[i] });
      timer = window.setInterval(() => {
        i += 1;
        if (i >= starts.length) return stop();
        hooks.onRange({ from: start, to: starts[i] });
      }, 700);
    });
    clear(controls);
    append(
      controls,
      play,
      el('label', { class: 'inline' }, 'From', from),
      el('label', { class: 'inline' }, 'To', to),
      reset,
      el('span', { class: 'muted small', id: 'timeline-count', text: `${facts.dated.length} dated fact${facts.dated.length === 1 ? '' : 's'}` }),
      // Undated facts are counted apart: they have no place on the axis.
      facts.undated ? el('span', { class: 'muted small', id: 'timeline-undated', text: `${facts.undated} undated` }) : null,
    );
  };

  new ResizeObserver(() => draw()).observe(strip);

  return {
    stop,
    render(f, next) {
      current = f;
      facts = next;
      // The controls are rebuilt only when not in use, so typing a date is not interrupted.
      const active = document.activeElement;
      if (!(active instanceof HTMLInputElement && controls.contains(active))) renderControls(f);
      draw();
    },
    highlight(ids) {
      lit = new Set(ids);
      strip.querySelectorAll<SVGElement>('.mark').forEach((m) => m.classList.toggle('lit', lit.has(m.getAttribute('data-id') ?? '')));
    },
  };
}

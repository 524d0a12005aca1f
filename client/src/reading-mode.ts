/**
 * Phone reading mode (≤ 600 px): one view at a time (the graph, the details
 * sheet, the story timeline as a list, the tools), switched in a bar at the
 * bottom (index.html `#reading-nav`); the CSS lays them out
 * (body[data-reading]). The details sheet opens by itself when something is
 * selected, the way a tap on a list row opens it in a phone app; "← Graph"
 * goes back. On a wider window nothing here shows and nothing changes.
 */
import { byId, clear, el } from './dom.js';
import type { FactsInView } from './timeline.js';

export const PHONE_QUERY = '(max-width: 600px)';

export type ReadingView = 'graph' | 'details' | 'timeline' | 'tools';
const VIEWS: readonly ReadingView[] = ['graph', 'details', 'timeline', 'tools'];

export interface ReadingModeHooks {
  /** The dated facts in view, for the timeline list. */
  facts(): FactsInView;
  /** Opens a fact (a relationship or an Event node) as the timeline's marks do. */
  open(id: string): void;
}

export interface ReadingMode {
  show(view: ReadingView): void;
  readonly view: ReadingView;
}

function isView(value: string | undefined): value is ReadingView {
  return VIEWS.includes(value as ReadingView);
}

/** A fact's date as the list shows it: a day, or a range "from – to". */
function when(f: { start: string; end: string }): string {
  return f.start === f.end ? f.start : `${f.start} – ${f.end}`;
}

function renderFacts(root: HTMLElement, facts: FactsInView, open: (id: string) => void): void {
  clear(root);
  const count = `${facts.dated.length} dated fact${facts.dated.length === 1 ? '' : 's'}${facts.undated ? `, ${facts.undated} undated` : ''}`;
  root.append(el('h2', { id: 'reading-timeline-title', text: `The story in time (${count})` }));
  if (!facts.dated.length) {
    root.append(el('p', { class: 'muted', text: 'No dated facts in view.' }));
    return;
  }
  const list = el('ol', { class: 'reading-facts', id: 'reading-facts' });
  for (const f of facts.dated) {
    list.append(el('li', {}, el('button', { type: 'button', 'data-fact': f.id, onclick: () => open(f.id) }, el('time', { datetime: f.start, text: when(f) }), f.title)));
  }
  root.append(list);
}

export function createReadingMode(hooks: ReadingModeHooks): ReadingMode {
  const phone = window.matchMedia(PHONE_QUERY);
  const nav = byId('reading-nav');
  const buttons = [...nav.querySelectorAll<HTMLButtonElement>('button[data-view]')];
  const timelineList = byId('reading-timeline');
  let current: ReadingView = 'graph';

  const show = (view: ReadingView) => {
    current = view;
    document.body.dataset.reading = view;
    for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    // The list is built when it is opened: it reads what is in view now (filters, expansions).
    if (view === 'timeline') renderFacts(timelineList, hooks.facts(), hooks.open);
    if (phone.matches && view === 'details') byId('panel').scrollTop = 0;
  };

  for (const b of buttons) {
    b.addEventListener('click', () => {
      if (isView(b.dataset.view)) show(b.dataset.view);
    });
  }
  byId('sheet-back').addEventListener('click', () => show('graph'));

  // A new selection rendered in the details panel (a title appears) opens the sheet.
  new MutationObserver(() => {
    if (phone.matches && byId('panel').querySelector('#panel-title')) show('details');
  }).observe(byId('panel'), { childList: true });
  // A query run from the tools shows its table over the graph.
  const results = byId('results');
  new MutationObserver(() => {
    if (phone.matches && !results.hidden && current === 'tools') show('graph');
  }).observe(results, { attributes: true, attributeFilter: ['hidden'] });

  show('graph');
  return {
    show,
    get view() {
      return current;
    },
  };
}

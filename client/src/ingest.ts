/**
 * Ingest: paste an article in the sidebar, preview it, and review the
 * proposal on a wide screen — the article with every candidate's words
 * highlighted beside the list of candidates. Each candidate's subject,
 * relation, object, date and status can be edited, accepted or rejected, and
 * shows what it will merge into before anything is written. The commit names
 * candidates by their ids, never by position.
 *
 * Keyboard: ↑/↓ (or k/j) move between candidates, Space or a accepts, r
 * rejects, e edits the first field, Escape closes the review. The write token
 * stays in sessionStorage (this tab, until it closes).
 */
import './ingest.css';
import type { DatePrecision, IngestArticle, IngestCandidate, IngestCandidateEnd, IngestEdit, IngestPreviewResponse, IngestReport } from '../../shared/api.js';
import { CLAIM_STATUSES, CLAIM_STATUS_DEFS, NODE_LABELS, RELATIONSHIPS, type ClaimStatus, type NodeLabel, type RelType } from '../../shared/schema.js';
import { api, ApiFailure, messageOf } from './api.js';
import { byId, clear, el } from './dom.js';

/** Candidates at or above this confidence start accepted. */
export const DEFAULT_ACCEPT_CONFIDENCE = 0.6;
const TOKEN_KEY = 'jejak.writeToken';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ENTITY_LABELS = NODE_LABELS.filter((l) => l !== 'Article');
const FACT_TYPES = RELATIONSHIPS.map((r) => r.type).filter((t) => t !== 'MENTIONS');

export interface IngestPanelHooks {
  /** Called after a load changed the graph (refresh the overview). */
  loaded(report: IngestReport): Promise<void> | void;
}

function storedToken(): string {
  try {
    return sessionStorage.getItem(TOKEN_KEY) ?? '';
  } catch {
    return '';
  }
}

function storeToken(token: string): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch (err) {
    console.info('jejak: sessionStorage unavailable, the token is kept in the field only', err);
  }
}

/** The server's message, with what to do about the status the user can fix. */
function problem(err: unknown): string {
  const msg = messageOf(err);
  if (!(err instanceof ApiFailure)) return msg;
  if (err.status === 401) return `The write token was refused (401): ${msg}`;
  if (err.status === 403) return `Writes are disabled (403): ${msg}`;
  if (err.status === 413) return `The article is too large (413): ${msg}`;
  return msg;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

// ---- one candidate card ----

interface EndFields {
  name: HTMLInputElement;
  label: HTMLSelectElement;
  original: IngestCandidateEnd;
}

interface Card {
  candidate: IngestCandidate;
  item: HTMLLIElement;
  check: HTMLInputElement;
  subject: EndFields;
  predicate: HTMLSelectElement;
  object: EndFields;
  date: HTMLInputElement;
  precision: HTMLSelectElement;
  status: HTMLSelectElement;
}

function select<T extends string>(id: string, label: string, options: readonly T[], selected: T, text: (o: T) => string = (o) => o): HTMLSelectElement {
  return el('select', { id, 'aria-label': label }, ...options.map((o) => el('option', { value: o, text: text(o), selected: o === selected })));
}

function endFields(c: IngestCandidate, role: 'subject' | 'object', n: number): { fields: EndFields; node: HTMLElement } {
  const end = c[role];
  const name = el('input', { type: 'text', id: `ingest-${role}-${n}`, class: `ingest-cand-${role}`, value: end.name, maxlength: 300, 'aria-label': `${role} of candidate ${n + 1}` });
  const label = select(`ingest-${role}-label-${n}`, `${role} type of candidate ${n + 1}`, ENTITY_LABELS, end.label);
  const known = el('span', { class: 'muted small end-id', text: end.id ? end.id : `new ${end.label}` });
  const sync = () => {
    const same = name.value.trim() === end.name && label.value === end.label;
    known.textContent = same && end.id ? end.id : `new ${label.value}: will be created`;
    known.classList.toggle('end-new', !(same && end.id));
  };
  name.addEventListener('input', sync);
  label.addEventListener('change', sync);
  sync();
  return { fields: { name, label, original: end }, node: el('div', { class: 'end-fields' }, name, label, known) };
}

function mergeLine(preview: IngestPreviewResponse, c: IngestCandidate): HTMLElement {
  const plan = preview.merges[c.id];
  if (!plan) return el('p', { class: 'merge muted small', text: 'Merge: worked out when loading (no store at preview).' });
  const what = plan.action === 'claim' ? `Adds a claim to ${plan.edgeId}` : plan.action === 'known' ? `Already on ${plan.edgeId}` : 'New relationship';
  return el('p', { class: `merge small merge-${plan.action}`, 'data-action': plan.action }, el('strong', { text: `${what}: ` }), plan.reason);
}

function candidateCard(preview: IngestPreviewResponse, c: IngestCandidate, n: number): Card {
  const check = el('input', {
    type: 'checkbox',
    id: `ingest-accept-${n}`,
    class: 'ingest-accept',
    checked: c.confidence >= DEFAULT_ACCEPT_CONFIDENCE,
    'aria-label': `Accept candidate ${n + 1}: ${c.subject.name} ${c.predicate} ${c.object.name}`,
  });
  const subject = endFields(c, 'subject', n);
  const object = endFields(c, 'object', n);
  const predicate = select(`ingest-predicate-${n}`, `relation of candidate ${n + 1}`, FACT_TYPES, c.predicate);
  predicate.classList.add('ingest-cand-predicate');
  const date = el('input', {
    type: 'text',
    id: `ingest-date-${n}`,
    class: 'mono ingest-cand-date',
    inputmode: 'numeric',
    placeholder: 'YYYY-MM-DD',
    pattern: '\\d{4}-\\d{2}-\\d{2}',
    value: c.date ?? '',
    'aria-label': `date of candidate ${n + 1} (YYYY-MM-DD, empty for undated)`,
  });
  const precision = select<DatePrecision>(`ingest-precision-${n}`, `date precision of candidate ${n + 1}`, ['day', 'month', 'year'], c.datePrecision ?? 'day');
  const syncPrecision = () => {
    precision.disabled = date.value.trim() === '';
  };
  date.addEventListener('input', syncPrecision);
  syncPrecision();
  const status = select<ClaimStatus>(`ingest-status-${n}`, `status of candidate ${n + 1}`, CLAIM_STATUSES, c.status, (s) => CLAIM_STATUS_DEFS[s].label);
  status.classList.add('ingest-cand-status');
  const said = [c.reportedBy ? `according to ${c.reportedBy}` : null, ...c.notes].filter(Boolean).join(' · ');
  const item = el(
    'li',
    { class: 'candidate', id: `ingest-cand-${n}`, 'data-id': c.id, 'data-predicate': c.predicate, tabindex: n === 0 ? 0 : -1, 'aria-labelledby': `ingest-fact-${n}` },
    el(
      'div',
      { class: 'candidate-head' },
      el('label', { class: 'check candidate-fact', for: check.id, id: `ingest-fact-${n}` }, check, el('span', {}, el('span', { class: 'num', text: `${n + 1}` }), ' ', el('strong', { text: c.subject.name }), ' ', el('span', { class: 'pred', text: `—${c.predicate}→` }), ' ', el('strong', { text: c.object.name }))),
      el('span', { class: 'chip', title: 'how sure the extractor is', text: c.confidence.toFixed(2) }),
    ),
    el(
      'div',
      { class: 'candidate-grid' },
      el('span', { class: 'k', text: 'subject' }), subject.node,
      el('span', { class: 'k', text: 'relation' }), predicate,
      el('span', { class: 'k', text: 'object' }), object.node,
      el('span', { class: 'k', text: 'date' }), el('div', { class: 'candidate-date' }, date, precision),
      el('span', { class: 'k', text: '' }), el('p', { class: 'muted small date-note', text: `read: ${c.dateNote}` }),
      el('span', { class: 'k', text: 'status' }), status,
    ),
    said ? el('p', { class: 'muted small', text: said }) : null,
    mergeLine(preview, c),
    el('blockquote', { class: 'sentence quote-text small', text: c.quote }),
  );
  return { candidate: c, item, check, subject: subject.fields, predicate, object: object.fields, date, precision, status };
}

function endEdit(f: EndFields): IngestCandidateEnd | undefined {
  const name = f.name.value.trim();
  const label = f.label.value as NodeLabel;
  if (!name) throw new Error('a subject or object name is empty: give the entity a name');
  if (name === f.original.name && label === f.original.label) return undefined;
  // A changed name or type is a new entity to propose, not the known one.
  return { id: null, name, label };
}

/** The reviewer's edits of a card, or null when nothing changed; throws on a malformed date. */
function editOf(card: Card): IngestEdit | null {
  const c = card.candidate;
  const edit: IngestEdit = {};
  const subject = endEdit(card.subject);
  const object = endEdit(card.object);
  if (subject) edit.subject = subject;
  if (object) edit.object = object;
  if (card.predicate.value !== c.predicate) edit.predicate = card.predicate.value as RelType;
  const value = card.date.value.trim();
  if (value && !ISO_DATE.test(value)) throw new Error(`“${value}” is not a date: use YYYY-MM-DD, or leave it empty for an undated fact`);
  const date = value || null;
  const datePrecision = date ? (card.precision.value as DatePrecision) : null;
  if (date !== c.date || datePrecision !== (c.date ? (c.datePrecision ?? 'day') : null)) {
    edit.date = date;
    edit.datePrecision = datePrecision;
  }
  if (card.status.value !== c.status) edit.status = card.status.value as ClaimStatus;
  return Object.keys(edit).length ? edit : null;
}

// ---- the article with the candidates' words marked ----

/** The text cut at every span boundary; each piece knows which candidates' spans cover it. */
function markedText(preview: IngestPreviewResponse): HTMLElement {
  const text = preview.article.text;
  const cuts = new Set<number>([0, text.length]);
  const spans = preview.candidates.flatMap((c, n) => c.spans.filter((s) => s.start >= 0 && s.end <= text.length && s.start < s.end).map((s) => ({ ...s, n })));
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const quotes = preview.candidates.map((c, n) => ({ start: c.offset, end: c.offset + c.quote.length, n }));
  for (const q of quotes) {
    cuts.add(q.start);
    cuts.add(q.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const body = el('div', { id: 'ingest-article-text', class: 'article-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const over = spans.filter((s) => s.start <= a && s.end >= b);
    const inQuote = quotes.filter((q) => q.start <= a && q.end >= b).map((q) => q.n);
    if (!over.length && !inQuote.length) {
      body.append(document.createTextNode(piece));
      continue;
    }
    const roles = [...new Set(over.map((s) => s.role))];
    const node = over.length
      ? el('mark', { class: `span ${roles.map((r) => `span-${r}`).join(' ')}`, 'data-cands': [...new Set(over.map((s) => s.n))].join(' '), title: roles.join(', '), text: piece })
      : el('span', { class: 'in-quote', text: piece });
    node.dataset.quotes = inQuote.join(' ');
    body.append(node);
  }
  return body;
}

// ---- the panel ----

export function createIngestPanel(hooks: IngestPanelHooks): void {
  const root = byId('pane-ingest');
  const text = el('textarea', { id: 'ingest-text', rows: 9, required: true, spellcheck: false, 'aria-label': 'Article text to ingest', placeholder: 'Paste the article: headline, date line, body…' });
  const date = el('input', { type: 'text', id: 'ingest-date', class: 'mono', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}-\\d{2}-\\d{2}', 'aria-label': 'Publication date (YYYY-MM-DD), optional: an undated article is still read' });
  const outlet = el('input', { type: 'text', id: 'ingest-outlet', maxlength: 200, 'aria-label': 'Outlet (optional)', placeholder: 'e.g. Kompas' });
  const previewButton = el('button', { type: 'submit', id: 'ingest-preview', text: 'Preview and review', 'aria-label': 'Preview the facts found in the article and review them (writes nothing)' });
  const form = el(
    'form',
    { id: 'ingest-form', class: 'ingest-form', 'aria-label': 'Article to ingest' },
    el('label', { class: 'field', for: 'ingest-text' }, el('span', { text: 'Article' }), text),
    el(
      'div',
      { class: 'row' },
      el('label', { class: 'field', for: 'ingest-date' }, el('span', {}, 'Date ', el('span', { class: 'muted small', text: 'if none in text' })), date),
      el('label', { class: 'field', for: 'ingest-outlet' }, el('span', { text: 'Outlet' }), outlet),
    ),
    previewButton,
    el('p', { class: 'muted small', text: 'Ctrl+Enter in the text previews. Previewing writes nothing; the review opens wide.' }),
  );
  const error = el('p', { id: 'ingest-error', class: 'error', role: 'alert', hidden: true });
  const reopen = el('button', { type: 'button', id: 'ingest-reopen', class: 'link', hidden: true, text: 'Open the review again' });
  root.append(form, error, reopen);

  const showError = (message: string | null) => {
    error.textContent = message ?? '';
    error.hidden = message === null;
    if (message) error.scrollIntoView({ block: 'nearest' });
  };

  const articleInput = (): IngestArticle => {
    const d = date.value.trim();
    if (d && !ISO_DATE.test(d)) throw new Error(`“${d}” is not a date: use YYYY-MM-DD, or leave it empty`);
    const o = outlet.value.trim();
    return { text: text.value, ...(d ? { date: d } : {}), ...(o ? { outlet: o } : {}) };
  };

  let review: HTMLElement | null = null;
  const closeReview = (returnFocus = true) => {
    if (!review) return;
    review.hidden = true;
    reopen.hidden = false;
    if (returnFocus) previewButton.focus();
  };
  reopen.addEventListener('click', () => {
    if (!review) return;
    review.hidden = false;
    reopen.hidden = true;
    review.querySelector<HTMLElement>('li.candidate[tabindex="0"]')?.focus();
  });

  // A changed article invalidates the review: its candidates belong to the previewed text.
  const stale = () => {
    if (!review) return;
    review.remove();
    review = null;
    reopen.hidden = true;
  };
  for (const input of [text, date, outlet]) input.addEventListener('input', stale);

  text.addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
      ev.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    showError(null);
    let article: IngestArticle;
    try {
      article = articleInput();
      if (!article.text.trim()) throw new Error('paste the article text first');
    } catch (err) {
      showError(messageOf(err));
      return;
    }
    previewButton.disabled = true;
    previewButton.setAttribute('aria-busy', 'true');
    try {
      const preview = await api.ingestPreview(article);
      stale();
      review = reviewScreen(article, preview, hooks, closeReview);
      document.body.append(review);
      reopen.hidden = true;
      (review.querySelector<HTMLElement>('li.candidate[tabindex="0"]') ?? review.querySelector<HTMLElement>('#ingest-review-close'))?.focus();
    } catch (err) {
      stale();
      showError(problem(err));
    } finally {
      previewButton.disabled = false;
      previewButton.removeAttribute('aria-busy');
    }
  });
}

function reviewScreen(article: IngestArticle, preview: IngestPreviewResponse, hooks: IngestPanelHooks, close: (returnFocus?: boolean) => void): HTMLElement {
  const a = preview.article;
  const cards = preview.candidates.map((c, n) => candidateCard(preview, c, n));
  const list = el('ol', { id: 'ingest-candidates', class: 'candidates', 'aria-label': 'Candidate facts (↑/↓ to move, Space or a to accept, r to reject)' }, ...cards.map((c) => c.item));
  const articleText = markedText(preview);

  const closeButton = el('button', { type: 'button', id: 'ingest-review-close', class: 'link', text: 'Close (Esc)', 'aria-label': 'Close the review' });
  closeButton.addEventListener('click', () => close());
  const dateLine = a.undated
    ? el('p', { id: 'ingest-undated', class: 'badge-undated', text: 'Undated article: relative dates ("Friday", "last week") are left empty — give the publication date in the form to resolve them.' })
    : el('p', { class: 'muted small', id: 'ingest-dated', text: `Published ${a.date}${a.dateText ? ` (read from “${a.dateText}”)` : ' (given in the form)'}` });

  const token = el('input', { type: 'password', id: 'ingest-token', autocomplete: 'off', value: storedToken(), 'aria-label': 'Write token (kept for this browser tab only)' });
  token.addEventListener('input', () => storeToken(token.value));
  const load = el('button', { type: 'button', id: 'ingest-load', text: 'Load accepted', 'aria-label': 'Load the accepted facts into the graph' });
  const summary = el('p', { id: 'ingest-summary', class: 'summary', role: 'status' });
  const loadError = el('p', { id: 'ingest-load-error', class: 'error', role: 'alert', hidden: true });
  const loadHint = el('p', { class: 'muted small', id: 'ingest-load-hint' });
  const showLoadError = (message: string | null) => {
    loadError.textContent = message ?? '';
    loadError.hidden = message === null;
  };
  const syncLoad = () => {
    const accepted = cards.filter((c) => c.check.checked);
    load.disabled = accepted.length === 0;
    const merges = accepted.filter((c) => preview.merges[c.candidate.id]?.action === 'claim').length;
    loadHint.textContent = accepted.length ? `${plural(accepted.length, 'fact')} will be loaded; ${merges} of them add a claim to a relationship already in the graph.` : 'Accept at least one fact to load.';
    for (const c of cards) c.item.classList.toggle('rejected', !c.check.checked);
  };
  list.addEventListener('change', syncLoad);

  const all = el('button', { type: 'button', class: 'link', id: 'ingest-accept-all', text: 'accept all' });
  const none = el('button', { type: 'button', class: 'link', id: 'ingest-reject-all', text: 'reject all' });
  all.addEventListener('click', () => {
    for (const c of cards) c.check.checked = true;
    syncLoad();
  });
  none.addEventListener('click', () => {
    for (const c of cards) c.check.checked = false;
    syncLoad();
  });

  // Selecting a candidate marks its words in the article; clicking marked words selects their candidate.
  const select = (n: number, focus = true) => {
    cards.forEach((c, i) => {
      c.item.tabIndex = i === n ? 0 : -1;
      c.item.classList.toggle('selected', i === n);
    });
    for (const m of articleText.querySelectorAll<HTMLElement>('mark.span, span.in-quote, mark.span[data-quotes]')) {
      const on = (m.dataset.cands ?? '').split(' ').includes(String(n));
      const quoted = (m.dataset.quotes ?? '').split(' ').includes(String(n));
      m.classList.toggle('active', on);
      m.classList.toggle('active-quote', quoted);
    }
    const first = articleText.querySelector<HTMLElement>('.active, .active-quote');
    first?.scrollIntoView({ block: 'nearest' });
    if (focus) cards[n].item.focus();
  };
  cards.forEach((c, n) => c.item.addEventListener('focusin', () => select(n, false)));
  articleText.addEventListener('click', (ev) => {
    const mark = (ev.target as HTMLElement).closest<HTMLElement>('mark.span');
    const n = Number((mark?.dataset.cands ?? '').split(' ')[0]);
    if (mark && Number.isInteger(n) && cards[n]) select(n);
  });
  list.addEventListener('keydown', (ev) => {
    const target = ev.target as HTMLElement;
    const n = cards.findIndex((c) => c.item === target);
    if (n < 0) return; // typing in a field
    const key = ev.key;
    if (key === 'ArrowDown' || key === 'j') select(Math.min(cards.length - 1, n + 1));
    else if (key === 'ArrowUp' || key === 'k') select(Math.max(0, n - 1));
    else if (key === ' ' || key === 'a') cards[n].check.checked = key === ' ' ? !cards[n].check.checked : true;
    else if (key === 'r') cards[n].check.checked = false;
    else if (key === 'e' || key === 'Enter') cards[n].subject.name.focus();
    else return;
    ev.preventDefault();
    syncLoad();
  });

  const screen = el(
    'section',
    { id: 'ingest-review', class: 'ingest-review', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'ingest-headline' },
    el(
      'header',
      { class: 'review-head' },
      el('div', {}, el('h2', { id: 'ingest-headline', text: a.headline || '(no headline found)' }), el('p', { class: 'muted small', text: [a.outlet, a.byline].filter(Boolean).join(' · ') || 'outlet and byline not found' }), dateLine),
      closeButton,
    ),
    el(
      'div',
      { class: 'review-body' },
      el('article', { class: 'review-article', 'aria-label': 'Article text, candidate words highlighted' }, el('h3', { class: 'small-heading', text: 'Article' }), articleText, newEntitiesSection(preview), skippedSection(preview)),
      el(
        'div',
        { class: 'review-candidates' },
        el('h3', { class: 'small-heading', id: 'ingest-count' }, `${plural(preview.candidates.length, 'candidate fact')} · `, all, ' · ', none),
        preview.candidates.length ? list : el('p', { class: 'muted', text: 'The extractor found no facts in this article.' }),
      ),
    ),
    el('footer', { class: 'review-foot' }, el('label', { class: 'field', for: 'ingest-token' }, el('span', { text: 'Write token' }), token), load, loadHint, loadError, summary),
  );
  screen.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape') {
      ev.preventDefault();
      close();
    }
  });

  load.addEventListener('click', async () => {
    showLoadError(null);
    summary.textContent = '';
    const secret = token.value.trim();
    let body;
    try {
      if (!secret) throw new Error('enter the write token (JEJAK_WRITE_TOKEN of the server) to load facts');
      if (/[^\x20-\x7e]/.test(secret)) throw new Error('the write token may contain only printable ASCII characters');
      const accepted = cards.filter((c) => c.check.checked);
      const edits: Record<string, IngestEdit> = {};
      for (const c of accepted) {
        const e = editOf(c);
        if (e) edits[c.candidate.id] = e;
      }
      body = { ...article, accept: accepted.map((c) => c.candidate.id), ...(Object.keys(edits).length ? { edits } : {}) };
    } catch (err) {
      showLoadError(messageOf(err));
      return;
    }
    load.disabled = true;
    load.setAttribute('aria-busy', 'true');
    try {
      const report = await api.ingest(body, secret);
      summary.textContent = reportLine(report);
      await hooks.loaded(report);
    } catch (err) {
      showLoadError(problem(err));
    } finally {
      load.removeAttribute('aria-busy');
      syncLoad();
    }
  });

  syncLoad();
  if (cards.length) select(0, false);
  return screen;
}

function reportLine(r: IngestReport): string {
  const parts = [
    `${plural(r.edgesCreated, 'relationship')} created`,
    `${plural(r.claimsAdded, 'claim')} added to known relationships`,
    `${r.unchanged} already known`,
  ];
  if (r.mentionsCreated) parts.push(`${plural(r.mentionsCreated, 'article mention')} recorded`);
  if (r.nodesCreated) parts.push(`${plural(r.nodesCreated, 'node')} created`);
  return `Loaded ${plural(r.accepted, 'fact')}: ${parts.join(', ')}.`;
}

function newEntitiesSection(preview: IngestPreviewResponse): HTMLElement {
  const box = el('section', { id: 'ingest-new-entities', class: 'ingest-section', 'aria-label': 'New entities proposed' });
  box.append(el('h4', { class: 'small-heading', text: `New entities proposed (${preview.newEntities.length})` }));
  if (!preview.newEntities.length) {
    box.append(el('p', { class: 'muted small', text: 'None: every name found is already in the graph.' }));
    return box;
  }
  box.append(
    el(
      'ul',
      { class: 'plain-list small' },
      ...preview.newEntities.map((e) =>
        el(
          'li',
          { 'data-name': e.name },
          el('strong', { text: e.name }),
          ` ${e.label ?? 'type unknown'}`,
          el('span', { class: 'muted', text: ` — ${e.reason}` }),
          e.aliases.length ? el('span', { class: 'muted', text: `; also written ${e.aliases.join(', ')}` }) : null,
          e.sameAs ? el('span', { class: 'same-as', text: `; same as ${e.sameAs.name} (${e.sameAs.id}): ${e.sameAs.reason}` }) : null,
        ),
      ),
    ),
  );
  return box;
}

function skippedSection(preview: IngestPreviewResponse): HTMLElement {
  const n = preview.skipped.length;
  const box = el('details', { id: 'ingest-skipped', class: 'ingest-section' });
  box.append(el('summary', { class: 'small', text: `${plural(n, 'trigger')} skipped (questions, conditionals, plans…)` }));
  box.append(
    el(
      'ul',
      { class: 'plain-list small' },
      ...preview.skipped.map((s) => el('li', {}, el('span', { class: 'mono', text: `${s.predicate} “${s.trigger}”` }), el('span', { class: 'muted', text: ` — ${s.reason}: ` }), s.sentence)),
    ),
  );
  return box;
}

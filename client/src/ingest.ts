/**
 * The ingest panel: paste an article, preview the facts the extractor finds
 * (nothing is written), tick the ones to keep, correct their dates, and load
 * them with the write token. The token stays in sessionStorage (this tab,
 * until it closes), never in localStorage or the URL.
 */
import type { DatePrecision, IngestArticle, IngestCandidate, IngestEdit, IngestPreviewResponse, IngestReport } from '../../shared/api.js';
import { api, ApiFailure, messageOf } from './api.js';
import { byId, clear, el } from './dom.js';

/** Candidates at or above this confidence start ticked. */
export const DEFAULT_ACCEPT_CONFIDENCE = 0.6;
const TOKEN_KEY = 'jejak.writeToken';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

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

/** One candidate row: the tick, the fact, its date (editable), how sure and who says so, and the quote. */
interface Row {
  candidate: IngestCandidate;
  check: HTMLInputElement;
  date: HTMLInputElement;
  precision: HTMLSelectElement;
}

function candidateRow(c: IngestCandidate, i: number): { item: HTMLLIElement; row: Row } {
  const fact = `${c.subject.name} ${c.predicate} ${c.object.name}`;
  const check = el('input', {
    type: 'checkbox',
    id: `ingest-accept-${i}`,
    class: 'ingest-accept',
    'data-index': i,
    checked: c.confidence >= DEFAULT_ACCEPT_CONFIDENCE,
    'aria-label': `Accept: ${fact}`,
  });
  const date = el('input', {
    type: 'text',
    id: `ingest-date-${i}`,
    class: 'mono ingest-cand-date',
    inputmode: 'numeric',
    placeholder: 'YYYY-MM-DD',
    pattern: '\\d{4}-\\d{2}-\\d{2}',
    value: c.date ?? '',
    'aria-label': `Date of: ${fact} (YYYY-MM-DD, empty for undated)`,
  });
  const precision = el(
    'select',
    { id: `ingest-precision-${i}`, 'aria-label': `Date precision of: ${fact}` },
    ...(['day', 'month', 'year'] as const).map((p) => el('option', { value: p, text: p, selected: p === (c.datePrecision ?? 'day') })),
  );
  const syncPrecision = () => {
    precision.disabled = date.value.trim() === '';
  };
  date.addEventListener('input', syncPrecision);
  syncPrecision();
  const ends = (end: IngestCandidate['subject']) => el('strong', { title: end.id ?? `new ${end.label}` }, end.name, end.id ? null : el('span', { class: 'muted small', text: ' (new)' }));
  const said = [c.status, c.reportedBy ? `reported by ${c.reportedBy}` : null, ...c.notes].filter(Boolean).join(' · ');
  const item = el(
    'li',
    { class: 'candidate', 'data-index': i, 'data-predicate': c.predicate },
    el(
      'label',
      { class: 'check candidate-fact', for: check.id },
      check,
      el('span', {}, ends(c.subject), ' ', el('span', { class: 'pred', text: `—${c.predicate}→` }), ' ', ends(c.object)),
    ),
    el('div', { class: 'candidate-date' }, date, precision),
    el('p', { class: 'muted small', text: c.dateNote }),
    el('p', { class: 'small' }, el('span', { class: 'chip', text: `confidence ${c.confidence.toFixed(2)}` }), ' ', el('span', { class: 'muted', text: said })),
    el('blockquote', { class: 'sentence quote-text small', text: c.quote }),
  );
  return { item, row: { candidate: c, check, date, precision } };
}

/** The date edits of a row, or null when unchanged; throws on a malformed date. */
function editOf(row: Row): IngestEdit | null {
  const value = row.date.value.trim();
  if (value && !ISO_DATE.test(value)) throw new Error(`“${value}” is not a date: use YYYY-MM-DD, or leave it empty for an undated fact`);
  const date = value || null;
  const datePrecision = date ? (row.precision.value as DatePrecision) : null;
  if (date === row.candidate.date && datePrecision === (row.candidate.date ? (row.candidate.datePrecision ?? 'day') : null)) return null;
  return { date, datePrecision };
}

export function createIngestPanel(hooks: IngestPanelHooks): void {
  const root = byId('pane-ingest');

  const text = el('textarea', { id: 'ingest-text', rows: 9, required: true, spellcheck: false, 'aria-label': 'Article text to ingest', placeholder: 'Paste the article: headline, date line, body…' });
  const date = el('input', { type: 'text', id: 'ingest-date', class: 'mono', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', pattern: '\\d{4}-\\d{2}-\\d{2}', 'aria-label': 'Publication date (YYYY-MM-DD), optional when the text has a date line' });
  const outlet = el('input', { type: 'text', id: 'ingest-outlet', maxlength: 200, 'aria-label': 'Outlet (optional)', placeholder: 'e.g. Kompas' });
  const previewButton = el('button', { type: 'submit', id: 'ingest-preview', text: 'Preview', 'aria-label': 'Preview the facts found in the article (writes nothing)' });
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
    el('p', { class: 'muted small', text: 'Ctrl+Enter in the text previews. Previewing writes nothing.' }),
  );
  const error = el('p', { id: 'ingest-error', class: 'error', role: 'alert', hidden: true });
  const result = el('div', { id: 'ingest-result', class: 'ingest-result', 'aria-live': 'polite' });
  root.append(form, error, result);

  let previewed: { article: IngestArticle; preview: IngestPreviewResponse; rows: Row[] } | null = null;

  const showError = (message: string | null) => {
    error.textContent = message ?? '';
    error.hidden = message === null;
    if (message) error.scrollIntoView({ block: 'nearest' });
  };

  const articleInput = (): IngestArticle => {
    const d = date.value.trim();
    if (d && !ISO_DATE.test(d)) throw new Error(`“${d}” is not a date: use YYYY-MM-DD, or leave it empty when the text has a date line`);
    const o = outlet.value.trim();
    return { text: text.value, ...(d ? { date: d } : {}), ...(o ? { outlet: o } : {}) };
  };

  // A changed article invalidates the candidates: their indexes belong to the previewed text.
  const stale = () => {
    if (!previewed) return;
    previewed = null;
    clear(result);
    result.append(el('p', { class: 'muted small', id: 'ingest-stale', text: 'The article changed: preview it again to see its facts.' }));
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
      renderPreview(article, preview);
    } catch (err) {
      previewed = null;
      clear(result);
      showError(problem(err));
    } finally {
      previewButton.disabled = false;
      previewButton.removeAttribute('aria-busy');
    }
  });

  function renderPreview(article: IngestArticle, preview: IngestPreviewResponse): void {
    clear(result);
    const rows: Row[] = [];
    const list = el('ul', { id: 'ingest-candidates', class: 'candidates', 'aria-label': 'Candidate facts' });
    preview.candidates.forEach((c, i) => {
      const { item, row } = candidateRow(c, i);
      rows.push(row);
      list.append(item);
    });
    previewed = { article, preview, rows };

    const a = preview.article;
    result.append(
      el('h3', { class: 'small-heading', id: 'ingest-headline', text: a.headline || '(no headline found)' }),
      el('p', { class: 'muted small', text: [a.outlet, a.date, a.byline].filter(Boolean).join(' · ') }),
      el('p', { id: 'ingest-count', class: 'summary', text: `${plural(preview.candidates.length, 'candidate fact')} found` }),
    );

    const token = el('input', { type: 'password', id: 'ingest-token', autocomplete: 'off', value: storedToken(), 'aria-label': 'Write token (kept for this browser tab only)' });
    token.addEventListener('input', () => storeToken(token.value));
    const load = el('button', { type: 'button', id: 'ingest-load', text: 'Load accepted', 'aria-label': 'Load the accepted facts into the graph' });
    const summary = el('p', { id: 'ingest-summary', class: 'summary', role: 'status' });
    const loadError = el('p', { id: 'ingest-load-error', class: 'error', role: 'alert', hidden: true });
    const showLoadError = (message: string | null) => {
      loadError.textContent = message ?? '';
      loadError.hidden = message === null;
      if (message) loadError.scrollIntoView({ block: 'nearest' });
    };
    const loadHint = el('p', { class: 'muted small', id: 'ingest-load-hint' });

    const syncLoad = () => {
      const n = rows.filter((r) => r.check.checked).length;
      load.disabled = n === 0;
      loadHint.textContent = n ? `${plural(n, 'fact')} will be loaded.` : 'Tick at least one fact to load.';
    };

    if (preview.candidates.length) {
      const all = el('button', { type: 'button', class: 'link', text: 'all', 'aria-label': 'Accept every candidate' });
      const none = el('button', { type: 'button', class: 'link', text: 'none', 'aria-label': 'Accept no candidate' });
      all.addEventListener('click', () => {
        for (const r of rows) r.check.checked = true;
        syncLoad();
      });
      none.addEventListener('click', () => {
        for (const r of rows) r.check.checked = false;
        syncLoad();
      });
      result.append(
        el('fieldset', { class: 'candidates-box' }, el('legend', {}, 'Accept ', el('span', { class: 'muted small' }, '(', all, ' · ', none, ')')), list),
      );
      list.addEventListener('change', syncLoad);
    } else {
      result.append(el('p', { class: 'muted', text: 'The extractor found no facts in this article.' }));
    }

    result.append(newEntitiesSection(preview), skippedSection(preview));

    if (preview.candidates.length) {
      result.append(
        el('div', { class: 'ingest-load' }, el('label', { class: 'field', for: 'ingest-token' }, el('span', { text: 'Write token' }), token), load, loadHint),
        loadError,
        summary,
      );
      syncLoad();
    }

    load.addEventListener('click', async () => {
      if (!previewed) return;
      showLoadError(null);
      summary.textContent = '';
      const secret = token.value.trim();
      let body;
      try {
        if (!secret) throw new Error('enter the write token (JEJAK_WRITE_TOKEN of the server) to load facts');
        if (/[^\x20-\x7e]/.test(secret)) throw new Error('the write token may contain only printable ASCII characters');
        const picked = rows.flatMap((r, i) => (r.check.checked ? [i] : []));
        const accept = picked.map((i) => preview.candidates[i].id);
        const edits: Record<string, IngestEdit> = {};
        for (const i of picked) {
          const e = editOf(rows[i]);
          if (e) edits[preview.candidates[i].id] = e;
        }
        body = { ...previewed.article, accept, ...(Object.keys(edits).length ? { edits } : {}) };
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
  }
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
      ...preview.newEntities.map((e) => el('li', {}, el('strong', { text: e.name }), ` ${e.label ?? 'label unknown'}`, el('span', { class: 'muted', text: ` — ${e.reason}` }))),
    ),
  );
  return box;
}

function skippedSection(preview: IngestPreviewResponse): HTMLElement {
  const n = preview.skipped.length;
  const box = el('details', { id: 'ingest-skipped', class: 'ingest-section' });
  box.append(el('summary', { class: 'small', text: `${plural(n, 'trigger')} skipped (negated, questions, conditionals…)` }));
  box.append(
    el(
      'ul',
      { class: 'plain-list small' },
      ...preview.skipped.map((s) => el('li', {}, el('span', { class: 'mono', text: `${s.predicate} “${s.trigger}”` }), el('span', { class: 'muted', text: ` — ${s.reason}: ` }), s.sentence)),
    ),
  );
  return box;
}

/** The saved queries panel: the list from the API, a form generated from each query's typed parameters, run. */
import type { QueryResponse, SavedQueryInfo, SavedQueryParam } from '../../shared/api.js';
import { NODE_LABELS, REL_TYPES } from '../../shared/schema.js';
import { api, messageOf } from './api.js';
import { byId, clear, el } from './dom.js';

function inputFor(p: SavedQueryParam): HTMLInputElement | HTMLSelectElement {
  const id = `qp-${p.name}`;
  const common = { id, name: p.name, 'aria-label': `${p.name}: ${p.description}`, required: p.required };
  const def = p.default ?? null;
  switch (p.type) {
    case 'integer':
    case 'float':
      return el('input', { ...common, type: 'number', step: p.type === 'integer' ? 1 : 'any', value: def === null ? '' : String(def) });
    case 'boolean':
      return el('input', { ...common, type: 'checkbox', checked: def === true });
    case 'date':
      return el('input', { ...common, type: 'date', value: def === null ? '' : String(def) });
    case 'relType':
    case 'label': {
      const options = p.type === 'relType' ? REL_TYPES : NODE_LABELS;
      return el('select', common, ...options.map((o) => el('option', { value: o, text: o, selected: o === def })));
    }
    default:
      return el('input', { ...common, type: 'text', class: p.type === 'nodeId' ? 'mono' : undefined, value: def === null ? '' : Array.isArray(def) ? def.join(', ') : String(def) });
  }
}

function valueOf(p: SavedQueryParam, input: HTMLInputElement | HTMLSelectElement): unknown {
  if (input instanceof HTMLInputElement && input.type === 'checkbox') return input.checked;
  const raw = input.value.trim();
  if (raw === '') return undefined;
  if (p.type === 'integer') return Number.parseInt(raw, 10);
  if (p.type === 'float') return Number(raw);
  if (p.type === 'string[]') return raw.split(',').map((s) => s.trim()).filter(Boolean);
  return raw;
}

export interface QueriesPanel {
  load(): Promise<void>;
}

export function createQueriesPanel(onResult: (title: string, res: QueryResponse) => void): QueriesPanel {
  const root = byId('pane-queries');

  const form = (q: SavedQueryInfo): HTMLFormElement => {
    const inputs = q.params.map((p) => [p, inputFor(p)] as const);
    const error = el('p', { class: 'error', role: 'alert', hidden: true });
    const run = el('button', { type: 'submit', text: 'Run', 'aria-label': `Run ${q.title}` });
    const f = el(
      'form',
      { class: 'query-form', 'data-query': q.name },
      ...inputs.map(([p, input]) => el('label', { class: 'field' }, el('span', {}, p.name, el('span', { class: 'muted small', text: ` ${p.type} — ${p.description}` })), input)),
      run,
      error,
    );
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      const params: Record<string, unknown> = {};
      for (const [p, input] of inputs) {
        const v = valueOf(p, input);
        if (v !== undefined) params[p.name] = v;
      }
      error.hidden = true;
      run.disabled = true;
      try {
        onResult(q.title, await api.runQuery(q.name, params));
      } catch (err) {
        error.textContent = messageOf(err);
        error.hidden = false;
      } finally {
        run.disabled = false;
      }
    });
    return f;
  };

  return {
    async load() {
      clear(root);
      let queries: SavedQueryInfo[];
      try {
        queries = await api.queries();
      } catch (err) {
        root.append(el('p', { class: 'error', role: 'alert', text: messageOf(err) }));
        return;
      }
      const list = el('div', { class: 'query-list' });
      for (const q of queries) {
        const details = el('details', { class: 'query', 'data-name': q.name });
        details.append(el('summary', { text: q.title }), el('p', { class: 'muted small', text: q.description }));
        details.addEventListener('toggle', () => {
          if (details.open && !details.querySelector('form')) details.append(form(q));
        });
        list.append(details);
      }
      root.append(list);
    },
  };
}

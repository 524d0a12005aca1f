/**
 * The saved queries panel: the list from the API, a form generated from each
 * query's typed parameters (entity ids are pickers with autocomplete), run.
 * A failed run shows the API's message in the form and leaves the scene as it was.
 */
import type { QueryResponse, SavedQueryInfo, SavedQueryParam } from '../../shared/api.js';
import { CLAIM_STATUSES, CLAIM_STATUS_DEFS, NODE_LABELS, REL_TYPES } from '../../shared/schema.js';
import { api, messageOf } from './api.js';
import { attachAutocomplete } from './autocomplete.js';
import { byId, clear, el } from './dom.js';

/** One form field: its element and how to read its value (undefined: left empty). */
interface Field {
  element: HTMLElement;
  read(): unknown;
}

/** Thrown by a field whose text cannot be sent (an entity typed but not picked). */
class FieldProblem extends Error {}

/** An entity parameter: type a name, pick from the matches; the id is what is sent. */
function entityPicker(p: SavedQueryParam, common: Record<string, string | boolean>): Field {
  const input = el('input', { ...common, type: 'text', placeholder: 'Type a name, pick from the list' });
  let picked: string | null = null;
  const note = el('span', { class: 'mono muted small picked', id: `${String(common.id)}-id` });
  const setPicked = (id: string | null, name?: string) => {
    picked = id;
    note.textContent = id ?? '';
    input.dataset.id = id ?? '';
    if (name !== undefined) input.value = name;
  };
  const list = attachAutocomplete({ prefix: String(common.id), input, onSelect: (hit) => setPicked(hit.node.id, String(hit.node.properties.name ?? hit.node.properties.headline ?? hit.node.id)) });
  input.setAttribute('aria-describedby', note.id);
  input.addEventListener('input', () => setPicked(null));
  const def = typeof p.default === 'string' ? p.default : null;
  if (def) {
    setPicked(def, def);
    api.node(def).then(
      (info) => {
        if (picked === def) input.value = String(info.node.properties.name ?? info.node.properties.headline ?? def);
      },
      (err: unknown) => console.info('jejak: default entity not found', def, err),
    );
  }
  return {
    element: el('div', { class: 'picker' }, input, list, note),
    read() {
      if (picked) return picked;
      if (!input.value.trim()) return undefined;
      throw new FieldProblem(`${p.name}: pick “${input.value.trim()}” from the list of matches (or clear it)`);
    },
  };
}

function fieldFor(query: string, p: SavedQueryParam): Field {
  // Unique per query: several queries have a `limit` or a `from`.
  const id = `qp-${query}-${p.name}`;
  const common = { id, name: p.name, 'aria-label': `${p.name}: ${p.description}`, required: p.required };
  const def = p.default ?? null;
  const text = (input: HTMLInputElement | HTMLSelectElement) => {
    const raw = input.value.trim();
    return raw === '' ? undefined : raw;
  };
  switch (p.type) {
    case 'nodeId':
      return entityPicker(p, common);
    case 'integer':
    case 'float': {
      const input = el('input', { ...common, type: 'number', step: p.type === 'integer' ? 1 : 'any', value: def === null ? '' : String(def) });
      // The raw text goes to the API, which says what is wrong with it (a negative limit, a fraction).
      return {
        element: input,
        read: () => {
          const raw = text(input);
          if (raw === undefined) return undefined;
          const n = Number(raw);
          // Counts, limits and hops: the engines answer a negative one with their own jargon.
          if (!Number.isFinite(n) || n < 0 || (p.type === 'integer' && !Number.isInteger(n))) throw new FieldProblem(`${p.name} must be ${p.type === 'integer' ? 'a whole number' : 'a number'} of 0 or more (got ${raw})`);
          return n;
        },
      };
    }
    case 'boolean': {
      const input = el('input', { ...common, type: 'checkbox', checked: def === true });
      return { element: input, read: () => input.checked };
    }
    case 'date': {
      const input = el('input', { ...common, type: 'date', value: def === null ? '' : String(def) });
      return { element: input, read: () => text(input) };
    }
    case 'relType':
    case 'label': {
      const options = p.type === 'relType' ? REL_TYPES : NODE_LABELS;
      const select = el('select', common, ...options.map((o) => el('option', { value: o, text: o, selected: o === def })));
      return { element: select, read: () => text(select) };
    }
    case 'claimStatus': {
      // The schema's statuses, each with what it means; "any" sends nothing (the query's default).
      const select = el(
        'select',
        common,
        el('option', { value: '', text: 'any', selected: !def }),
        ...CLAIM_STATUSES.map((s) => el('option', { value: s, text: CLAIM_STATUS_DEFS[s].label, title: CLAIM_STATUS_DEFS[s].description, selected: s === def })),
      );
      return { element: select, read: () => text(select) };
    }
    default: {
      const input = el('input', { ...common, type: 'text', value: def === null ? '' : Array.isArray(def) ? def.join(', ') : String(def) });
      return {
        element: input,
        read: () => {
          const raw = text(input);
          if (raw === undefined || p.type !== 'string[]') return raw;
          return raw.split(',').map((s) => s.trim()).filter(Boolean);
        },
      };
    }
  }
}

export interface QueriesPanel {
  load(): Promise<void>;
}

export function createQueriesPanel(onResult: (title: string, res: QueryResponse) => void): QueriesPanel {
  const root = byId('pane-queries');

  const form = (q: SavedQueryInfo): HTMLFormElement => {
    const fields = q.params.map((p) => [p, fieldFor(q.name, p)] as const);
    const error = el('p', { class: 'error', role: 'alert', hidden: true });
    const run = el('button', { type: 'submit', text: 'Run', 'aria-label': `Run ${q.title}` });
    const f = el(
      'form',
      { class: 'query-form', 'data-query': q.name, novalidate: true },
      ...fields.map(([p, field]) => el('label', { class: 'field' }, el('span', {}, p.name, el('span', { class: 'muted small', text: ` ${p.type} — ${p.description}` })), field.element)),
      run,
      error,
    );
    f.addEventListener('submit', async (ev) => {
      ev.preventDefault();
      error.hidden = true;
      const params: Record<string, unknown> = {};
      try {
        for (const [p, field] of fields) {
          const v = field.read();
          if (v !== undefined) params[p.name] = v;
        }
        const from = params.from;
        const to = params.to;
        if (typeof from === 'string' && typeof to === 'string' && from > to) throw new FieldProblem(`from (${from}) is after to (${to}): the range would be empty; swap them`);
      } catch (err) {
        if (!(err instanceof FieldProblem)) throw err;
        error.textContent = err.message;
        error.hidden = false;
        return;
      }
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
      root.append(targetChoice(), list);
    },
  };
}

/** Where query results go: added to the scene or replacing it. One choice for saved queries and Cypher. */
export type ResultTarget = 'add' | 'replace';
let target: ResultTarget = 'replace';
const targetListeners = new Set<() => void>();

export function resultTarget(): ResultTarget {
  return target;
}

/** A control for the choice; every copy of it stays in step. */
export function targetChoice(): HTMLElement {
  const select = el(
    'select',
    { class: 'result-target', 'aria-label': 'Query results' },
    el('option', { value: 'replace', text: 'Results replace the scene' }),
    el('option', { value: 'add', text: 'Results are added to the scene' }),
  );
  const sync = () => {
    select.value = target;
  };
  sync();
  targetListeners.add(sync);
  select.addEventListener('change', () => {
    target = select.value === 'add' ? 'add' : 'replace';
    for (const l of targetListeners) l();
  });
  return select;
}

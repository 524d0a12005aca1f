/**
 * The table of a query's rows, under the graph; nodes and relationships show
 * by name or type. A row is a button for the elements it names: activating it
 * selects them on the canvas. The close button hides the table (and CSS
 * honours `hidden`: `.results` is a flex box).
 */
import type { QueryResponse } from '../../shared/api.js';
import type { PlainValue } from '../../shared/graph.js';
import { byId, clear, el } from './dom.js';

function cell(value: PlainValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(cell).join(', ');
  if (typeof value === 'object') {
    // Graph elements arrive as { id, label|type, properties }.
    const props = value.properties as Record<string, PlainValue> | undefined;
    if (props && typeof props === 'object' && !Array.isArray(props)) {
      if ('type' in value && 'source' in value) return `[${String(value.type)}] ${String(props.summary ?? value.id)}`;
      return String(props.name ?? props.headline ?? value.id);
    }
    if ('nodes' in value && 'edges' in value) return `path of ${(value.edges as PlainValue[]).length} hops`;
    return JSON.stringify(value);
  }
  return String(value);
}

/** Ids of the graph elements a row value names (nodes, relationships, paths, lists of them). */
export function idsIn(value: PlainValue | undefined, out: string[] = []): string[] {
  if (value === null || value === undefined || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) idsIn(v, out);
    return out;
  }
  if ('nodes' in value && 'edges' in value) {
    idsIn(value.nodes, out);
    idsIn(value.edges, out);
    return out;
  }
  if (typeof value.id === 'string' && 'properties' in value) out.push(value.id);
  return out;
}

export function showResults(title: string, res: QueryResponse, onSelectRow: (ids: string[]) => void, onClose: () => void = () => undefined): void {
  const root = byId('results');
  clear(root);
  const close = el('button', { type: 'button', id: 'results-close', class: 'link', 'aria-label': 'Close the results table', text: '✕' });
  close.addEventListener('click', () => {
    hideResults();
    onClose();
  });
  const table = el('table', { id: 'results-table' });
  table.append(el('thead', {}, el('tr', {}, ...res.columns.map((c) => el('th', { scope: 'col', text: c })))));
  const body = el('tbody');
  for (const row of res.rows) {
    const ids = [...new Set(res.columns.flatMap((c) => idsIn(row[c])))];
    const tr = el('tr', {}, ...res.columns.map((c) => el('td', { text: cell(row[c]) })));
    if (ids.length) {
      tr.tabIndex = 0;
      tr.classList.add('selectable');
      tr.title = 'Select these elements in the graph';
      const pick = () => {
        for (const other of body.querySelectorAll('tr.picked')) other.classList.remove('picked');
        tr.classList.add('picked');
        onSelectRow(ids);
      };
      tr.addEventListener('click', pick);
      tr.addEventListener('keydown', (ev) => {
        if (ev.key === 'Enter' || ev.key === ' ') {
          ev.preventDefault();
          pick();
        }
      });
    }
    body.append(tr);
  }
  table.append(body);
  const noun = res.rows.length === 1 ? 'row' : 'rows';
  root.append(
    el(
      'header',
      {},
      el('h2', { class: 'small-heading', text: title }),
      el('span', { class: 'muted', text: ` · ${res.rows.length} ${noun}${res.truncated ? ' (cut at the row limit)' : ''} · ${res.graph.nodes.length} nodes, ${res.graph.edges.length} relationships · ${res.elapsedMs} ms on ${res.engine}` }),
      close,
    ),
    // Focusable so the table can be scrolled by keyboard (axe: scrollable-region-focusable).
    el('div', { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': `${title}: ${res.rows.length} ${noun}` }, table),
  );
  root.hidden = false;
}

export function hideResults(): void {
  byId('results').hidden = true;
}

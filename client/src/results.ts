/** The table of a query's rows, under the graph; nodes and relationships show by name or type. */
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

export function showResults(title: string, res: QueryResponse, onClose: () => void): void {
  const root = byId('results');
  clear(root);
  const close = el('button', { type: 'button', class: 'link', 'aria-label': 'Close the results table', text: '✕' });
  close.addEventListener('click', () => {
    root.hidden = true;
    onClose();
  });
  const table = el('table', { id: 'results-table' });
  table.append(el('thead', {}, el('tr', {}, ...res.columns.map((c) => el('th', { scope: 'col', text: c })))));
  const body = el('tbody');
  for (const row of res.rows) body.append(el('tr', {}, ...res.columns.map((c) => el('td', { text: cell(row[c]) }))));
  table.append(body);
  root.append(
    el(
      'header',
      {},
      el('strong', { text: title }),
      el('span', { class: 'muted', text: ` · ${res.rows.length} row${res.rows.length === 1 ? '' : 's'}${res.truncated ? ' (cut at the row limit)' : ''} · ${res.graph.nodes.length} nodes, ${res.graph.edges.length} relationships · ${res.elapsedMs} ms on ${res.engine}` }),
      close,
    ),
    el('div', { class: 'table-wrap' }, table),
  );
  root.hidden = false;
}

export function hideResults(): void {
  byId('results').hidden = true;
}

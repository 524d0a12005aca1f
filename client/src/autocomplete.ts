/**
 * An ARIA combobox over entity search (`/api/search`, which folds case,
 * accents and hyphens): arrows move, Enter picks, Escape closes. Used by the
 * top search box and by the entity parameters of saved queries.
 */
import type { SearchHit } from '../../shared/api.js';
import { LABELS, isNodeLabel } from '../../shared/schema.js';
import { api, messageOf } from './api.js';
import { clear, el } from './dom.js';

export interface AutocompleteOptions {
  /** Prefix of the element ids (`${prefix}-list`, `${prefix}-opt-N`). */
  prefix: string;
  input: HTMLInputElement;
  /** Only these labels (empty: all). */
  labels?: string[];
  onSelect(hit: SearchHit): void;
}

export function hitName(hit: SearchHit): string {
  return String(hit.node.properties.name ?? hit.node.properties.headline ?? hit.node.id);
}

/** Wires the combobox on `input`; returns the list element to place after it. */
export function attachAutocomplete(o: AutocompleteOptions): HTMLUListElement {
  const { input, prefix } = o;
  const list = el('ul', { id: `${prefix}-list`, class: 'ac-list', role: 'listbox', 'aria-label': 'Matching names', hidden: true });
  input.setAttribute('role', 'combobox');
  input.setAttribute('autocomplete', 'off');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', list.id);

  let hits: SearchHit[] = [];
  let active = -1;
  let seq = 0;
  let timer: number | undefined;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };

  const highlight = (i: number) => {
    active = i;
    list.querySelectorAll('[role=option]').forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    if (i >= 0) {
      input.setAttribute('aria-activedescendant', `${prefix}-opt-${i}`);
      list.querySelector(`#${prefix}-opt-${i}`)?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const choose = (i: number) => {
    const hit = hits[i];
    if (!hit) return;
    close();
    input.value = hitName(hit);
    o.onSelect(hit);
  };

  const show = (items: SearchHit[], message?: string) => {
    hits = items;
    clear(list);
    if (message) list.append(el('li', { class: 'muted', role: 'presentation', text: message }));
    items.forEach((hit, i) => {
      const name = hitName(hit);
      const label = hit.node.label;
      const li = el(
        'li',
        { id: `${prefix}-opt-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': hit.node.id },
        el('span', { class: 'swatch', style: `background:${isNodeLabel(label) ? LABELS[label].color : '#888'}` }),
        el('span', { class: 'name', text: name }),
        hit.matched && hit.matched !== name ? el('span', { class: 'muted', text: ` (${hit.matched})` }) : null,
        el('span', { class: 'muted small right', text: label }),
      );
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        choose(i);
      });
      list.append(li);
    });
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    highlight(items.length ? 0 : -1);
  };

  const lookup = async () => {
    const q = input.value.trim();
    const mine = ++seq;
    if (!q) return close();
    try {
      const res = await api.search(q, 10, o.labels ?? []);
      if (mine !== seq) return;
      show(res.hits, res.hits.length ? undefined : `Nothing named “${q}”`);
    } catch (err) {
      if (mine === seq) show([], messageOf(err));
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void lookup(), 150);
  });
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown') {
      ev.preventDefault();
      if (list.hidden) void lookup();
      else highlight(Math.min(active + 1, hits.length - 1));
    } else if (ev.key === 'ArrowUp') {
      ev.preventDefault();
      highlight(Math.max(active - 1, 0));
    } else if (ev.key === 'Enter') {
      ev.preventDefault();
      if (!list.hidden && active >= 0) choose(active);
      else void lookup();
    } else if (ev.key === 'Escape' && !list.hidden) {
      ev.stopPropagation();
      close();
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 100));
  return list;
}

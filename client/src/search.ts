/** The search box over names and aliases (autocomplete.ts); `/` focuses it. */
import type { SearchHit } from '../../shared/api.js';
import { attachAutocomplete } from './autocomplete.js';
import { byId, el } from './dom.js';

export function createSearch(onSelect: (hit: SearchHit) => void): { focus(): void } {
  const root = byId('search');
  const input = el('input', { type: 'search', id: 'search-input', placeholder: 'Search people, states, places… (/)', 'aria-label': 'Search names and aliases' });
  root.append(input, attachAutocomplete({ prefix: 'search', input, onSelect }));
  return { focus: () => input.focus() };
}

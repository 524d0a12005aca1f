/**
 * The details panel: a node's properties and actions, a relationship's
 * properties and provenance (each claim with its outlet, date, the quote
 * marked inside its sentence, and what the source claims; disagreeing
 * claims side by side). Everything from the data is inserted as text.
 */
import type { ArticleResponse, ClaimView, EdgeProvenanceResponse, NeighbourCount, NodeResponse } from '../../shared/api.js';
import type { GraphNode, PlainValue } from '../../shared/graph.js';
import { conflictsOf } from '../../shared/conflicts.js';
import { CLAIM_STATUS_DEFS, LABELS, PROVENANCE_PROPS, isNodeLabel, type ClaimStatus } from '../../shared/schema.js';
import { append, byId, clear, el, highlighted } from './dom.js';

// The provenance lists are shown claim by claim below the properties.
const HIDDEN_PROPS = new Set<string>(['id', 'name', 'summary', 'searchText', 'text', ...PROVENANCE_PROPS]);

export function formatValue(value: PlainValue | undefined): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map((v) => formatValue(v)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function propertyTable(props: Record<string, PlainValue>): HTMLElement {
  const dl = el('dl', { class: 'props' });
  for (const [key, value] of Object.entries(props)) {
    if (HIDDEN_PROPS.has(key) || value === null || value === '' || (Array.isArray(value) && !value.length)) continue;
    dl.append(el('dt', { text: key }), el('dd', { text: formatValue(value) }));
  }
  return dl;
}

function labelChip(label: string): HTMLElement {
  const color = isNodeLabel(label) ? LABELS[label].color : '#888';
  return el('span', { class: 'chip', style: `--chip:${color}`, text: label });
}

export interface NodeActions {
  expand(): void;
  more(): void;
  expandType(type: string, direction: 'out' | 'in'): void;
  hide(): void;
  pin(): void;
  ego(): void;
  openArticle(): void;
}

export interface NodeExtras {
  pinned: boolean;
  counts?: NeighbourCount[];
  loaded: number;
  total?: number;
}

export function showMessage(text: string, kind: 'info' | 'error' = 'info'): void {
  const panel = byId('panel');
  clear(panel);
  panel.append(el('p', { class: kind === 'error' ? 'error' : 'muted', role: kind === 'error' ? 'alert' : undefined, text }));
}

export function renderNode(info: NodeResponse, extras: NodeExtras, actions: NodeActions): void {
  const panel = byId('panel');
  clear(panel);
  const { node, degree } = info;
  const name = String(node.properties.name ?? node.properties.headline ?? node.id);
  const button = (text: string, label: string, fn: () => void, id?: string) => el('button', { type: 'button', id, 'aria-label': label, text, onclick: () => fn() });
  const rest = extras.total !== undefined ? extras.total - extras.loaded : 0;
  append(
    panel,
    el('header', { class: 'panel-head' }, labelChip(node.label), el('h2', { id: 'panel-title', text: name })),
    el('p', { class: 'mono muted', text: node.id }),
    node.properties.description ? el('p', { text: String(node.properties.description) }) : null,
    el(
      'div',
      { class: 'actions', role: 'group', 'aria-label': 'Node actions' },
      button('Expand', `Expand the neighbours of ${name}`, actions.expand, 'act-expand'),
      rest > 0 ? button(`+${rest} more`, `+${rest} more neighbours of ${name}`, actions.more, 'act-more') : null,
      button(extras.pinned ? 'Unpin' : 'Pin', extras.pinned ? `Unpin ${name}` : `Pin ${name} in place`, actions.pin, 'act-pin'),
      button('Focus', `Focus: show only ${name} and its neighbours`, actions.ego, 'act-ego'),
      button('Hide', `Hide ${name}`, actions.hide, 'act-hide'),
      node.label === 'Article' ? button('Read article', 'Read article, the quoted passages marked', actions.openArticle, 'act-article') : null,
    ),
    el('p', { class: 'muted', text: `${degree} relationship${degree === 1 ? '' : 's'} in the store` }),
    propertyTable(node.properties),
  );
  if (extras.counts?.length) {
    const list = el('ul', { class: 'counts', 'aria-label': 'Neighbours by relationship type' });
    for (const c of extras.counts) {
      list.append(
        el(
          'li',
          {},
          el('button', {
            type: 'button',
            class: 'link mono',
            title: `Expand ${c.count} ${c.direction === 'out' ? 'outgoing' : 'incoming'} ${c.type} relationships`,
            text: `${c.direction === 'out' ? '→' : '←'} ${c.type} (${c.count})`,
            onclick: () => actions.expandType(c.type, c.direction),
          }),
        ),
      );
    }
    panel.append(el('h3', { text: 'Neighbours' }), list);
  }
}

/** The quote inside its sentence: marked where it occurs, else shown after it. */
export function quoteInSentence(claim: Pick<ClaimView, 'quote' | 'sentence'>): HTMLElement {
  const block = el('blockquote', { class: 'sentence' });
  const at = claim.sentence ? claim.sentence.indexOf(claim.quote) : -1;
  if (at >= 0) block.append(highlighted(claim.sentence, at, at + claim.quote.length));
  else block.append(el('mark', { class: 'quote', text: claim.quote }));
  return block;
}

/** The claim's status as its source gives it, as a chip with the meaning in its title. */
function statusChip(status: ClaimStatus | null): HTMLElement {
  if (status === null) return el('span', { class: 'status-chip muted', text: 'status not recorded' });
  const def = CLAIM_STATUS_DEFS[status];
  return el('span', { class: `status-chip status-${status}`, title: def.description, text: def.label });
}

/** What the claim asserts in comparable form (number, date, place), when it gives any. */
function claimValues(claim: ClaimView): string | null {
  const parts = [claim.number && `number ${claim.number}`, claim.date && `date ${claim.date}`, claim.place && `place ${claim.place}`].filter(Boolean);
  return parts.length ? parts.join(' · ') : null;
}

function claimCard(claim: ClaimView, loadArticle: (id: string) => Promise<ArticleResponse>): HTMLElement {
  // Focusable: a scrolled box must be reachable by keyboard.
  const articleBox = el('div', { class: 'article-text', hidden: true, tabindex: 0, role: 'region', 'aria-label': `Article text, ${claim.outlet ?? 'outlet not stated'}` });
  const toggle = el('button', { type: 'button', class: 'link', text: 'Show in article', 'aria-expanded': 'false' });
  toggle.addEventListener('click', async () => {
    if (!articleBox.hidden) {
      articleBox.hidden = true;
      toggle.setAttribute('aria-expanded', 'false');
      toggle.textContent = 'Show in article';
      return;
    }
    if (!articleBox.hasChildNodes()) {
      try {
        const { article } = await loadArticle(claim.article);
        const text = String(article.properties.text ?? '');
        const ok = text.slice(claim.offset, claim.offset + claim.quote.length) === claim.quote;
        const start = ok ? claim.offset : text.indexOf(claim.quote);
        articleBox.append(highlighted(text, start, start < 0 ? -1 : start + claim.quote.length));
      } catch (err) {
        articleBox.append(el('p', { class: 'error', text: err instanceof Error ? err.message : String(err) }));
      }
    }
    articleBox.hidden = false;
    toggle.setAttribute('aria-expanded', 'true');
    toggle.textContent = 'Hide article';
    articleBox.querySelector('mark')?.scrollIntoView({ block: 'center' });
  });
  return el(
    'article',
    { class: 'claim' },
    el('header', {}, el('strong', { text: claim.outlet ?? 'Outlet not stated' }), ' · ', el('time', { text: claim.publishedAt ?? 'undated' }), ' ', statusChip(claim.status)),
    claim.headline ? el('p', { class: 'headline', text: claim.headline }) : null,
    quoteInSentence(claim),
    claim.claim ? el('p', { class: 'claim-text' }, el('span', { class: 'muted', text: 'Claims: ' }), claim.claim) : null,
    claimValues(claim) ? el('p', { class: 'muted small' }, 'Values: ', claimValues(claim)) : null,
    claim.dateNote ? el('p', { class: 'muted small' }, 'Date: ', claim.dateNote) : null,
    el('div', {}, toggle),
    articleBox,
  );
}

/** The provenance section: one card per claim, side by side. Exported for tests. */
export function renderClaims(claims: ClaimView[], loadArticle: (id: string) => Promise<ArticleResponse>): HTMLElement {
  const section = el('section', { class: 'provenance', 'aria-label': 'Provenance' }, el('h3', { text: `Sources (${claims.length})` }));
  // Only a disagreement on a value is one; different wording of the same claim is not.
  const differ = conflictsOf(claims);
  if (differ.length) section.append(el('p', { class: 'disagree', role: 'note', text: `Sources differ on the ${differ.join(', ')}: their claims are shown side by side.` }));
  const grid = el('div', { class: 'claims' });
  for (const c of claims) grid.append(claimCard(c, loadArticle));
  section.append(grid);
  return section;
}

export function renderEdge(p: EdgeProvenanceResponse, names: { source: string; target: string }, loadArticle: (id: string) => Promise<ArticleResponse>): void {
  const panel = byId('panel');
  clear(panel);
  const { edge } = p;
  append(
    panel,
    el('header', { class: 'panel-head', 'data-edge': edge.id }, el('span', { class: 'chip mono', text: edge.type }), el('h2', { id: 'panel-title', text: `${names.source} → ${names.target}` })),
    el('p', { class: 'mono muted', text: edge.id }),
    edge.properties.summary ? el('p', { class: 'summary', text: String(edge.properties.summary) }) : null,
    propertyTable(edge.properties),
    renderClaims(p.claims, loadArticle),
  );
}

/** An article's text with the passages that support facts marked. */
export function renderArticle(a: ArticleResponse): void {
  const panel = byId('panel');
  clear(panel);
  const p = a.article.properties;
  const text = String(p.text ?? '');
  const body = el('div', { class: 'article-text', tabindex: 0, role: 'region', 'aria-label': 'Article text' });
  let at = 0;
  for (const s of a.spans) {
    if (s.start < at) continue;
    body.append(text.slice(at, s.start), el('mark', { class: 'quote', title: s.type, text: text.slice(s.start, s.end) }));
    at = s.end;
  }
  body.append(text.slice(at));
  append(
    panel,
    el('header', { class: 'panel-head' }, labelChip('Article'), el('h2', { id: 'panel-title', text: String(p.headline ?? a.article.id) })),
    el('p', { class: 'muted', text: `${formatValue(p.outlet)} · ${formatValue(p.publishedAt)} · ${a.spans.length} supporting passages` }),
    body,
  );
}

export function nodeName(node: GraphNode | undefined, fallback: string): string {
  return node ? String(node.properties.name ?? node.properties.headline ?? node.id) : fallback;
}

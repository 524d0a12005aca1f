/**
 * Jejak explorer, entry point. Plain TypeScript modules and the DOM, no UI
 * framework: the page is one graph canvas with a few panels, Cytoscape owns the
 * canvas, and each concern (search, panel, filters, timeline, layouts, queries,
 * Cypher, export, view state, legend, theme) is one module wired here.
 */
import type { EdgeSingular, NodeSingular } from 'cytoscape';
import type { ArticleResponse, QueryResponse } from '../../shared/api.js';
import { AGGREGATE_FROM, createAggregateView } from './aggregate.js';
import { api, messageOf } from './api.js';
import { createCypherPanel } from './cypher-editor.js';
import { createElementMenu } from './element-menu.js';
import { byId, el } from './dom.js';
import * as explore from './explore.js';
import { createExportMenu } from './export.js';
import { DEFAULT_FILTERS, createFiltersPanel, filterSummary, isShown, shownCounts, type ArticleOption, type FilterState } from './filters.js';
import { READABLE_ZOOM, createGraphView, fitView } from './graph-view.js';
import { createIngestPanel } from './ingest.js';
import { createChronoAxis } from './chrono-axis.js';
import { isLayoutId, LAYOUTS, layoutStats, onChronoAxis, rememberLayout } from './layouts.js';
import { edgeListSection } from './edge-list.js';
import { createKeyboardNav } from './keyboard-nav.js';
import { markBundles, nameTooltips, trackEmphasis } from './legibility.js';
import { renderLegend } from './legend.js';
import { nodeName, renderArticle, renderClaims, renderEdge, renderNode, showMessage } from './panel.js';
import { clearPath, fetchPaths, highlightPath, renderPathPanel, type PathPanelHooks, type PathRequest } from './paths.js';
import { createQueriesPanel, resultTarget } from './queries.js';
import { hideResults, showResults } from './results.js';
import { createReadingMode } from './reading-mode.js';
import { createSearch } from './search.js';
import { Session } from './session.js';
import { applyTheme, currentTheme, initialTheme, paletteOf } from './theme.js';
import { createTimeline, factsInView } from './timeline.js';
import './styles.css';

const statusBox = byId('status');
function status(text: string, error = false): void {
  statusBox.textContent = text;
  statusBox.classList.toggle('error', error);
}

/** A short line for screen readers when the details panel changes (the panel itself is not a live region: it would be read out whole). */
function announce(text: string): void {
  byId('announce').textContent = text;
}

/** Runs a user action; failures become a status message, never an uncaught error. */
function attempt<T>(action: () => Promise<T>, done?: (value: T) => void): Promise<void> {
  return action().then(
    (v) => done?.(v),
    (err: unknown) => status(messageOf(err), true),
  );
}

const view = createGraphView(byId('graph'), applyTheme(initialTheme()));
const cy = view.cy;
trackEmphasis(cy);
nameTooltips(cy, byId('graph-wrap'));
const chronoAxis = createChronoAxis(cy, byId('graph-wrap'));
onChronoAxis((axis) => chronoAxis.show(axis));
let articles: ArticleOption[] = [];

/**
 * Cytoscape counts two quick taps as a double tap even on two different nodes, or with an undo
 * between them; only the same node twice, with the view unchanged in between, expands.
 */
let lastTaps: string[] = [];

const session = new Session(view, {
  refreshed() {
    lastTaps = [];
    if (view.renderOptions().tier === 'full') markBundles(cy);
    filtersPanel.render(session.filters, articles);
    timeline.render(session.filters, factsInView(cy));
    renderLegend({
      counts: shownCounts(cy),
      hiddenLabels: session.filters.labels,
      hiddenTypes: session.filters.types,
      onToggleLabel: (label) => setFilters({ ...session.filters, labels: toggled(session.filters.labels, label) }),
      onToggleType: (type) => setFilters({ ...session.filters, types: toggled(session.filters.types, type) }),
    });
    byId<HTMLButtonElement>('undo').disabled = !session.canUndo;
    byId<HTMLButtonElement>('redo').disabled = !session.canRedo;
    (byId<HTMLSelectElement>('layout')).value = session.layout;
  },
});

function toggled(list: string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** The ids the filters leave shown, to tell whether a change moved anything. */
function shownIds(): string {
  return cy.elements().filter(isShown).map((e) => e.id()).join('\n');
}

function setFilters(next: FilterState): void {
  const before = shownIds();
  void session
    .change(() => {
      session.filters = next;
    })
    .then(() => reportFilters(before));
}

/** Says what the filters did and fits the view to what they leave; with nothing left, offers to clear them. */
function reportFilters(before: string): void {
  const counts = shownCounts(cy);
  const text = filterSummary(counts, session.filters);
  if (counts.nodes.shown === 0 && counts.nodes.total > 0) {
    const clear = el('button', { type: 'button', id: 'status-clear-filters', class: 'link', text: 'Clear filters' });
    clear.addEventListener('click', () => setFilters({ ...DEFAULT_FILTERS, mode: session.filters.mode }));
    statusBox.replaceChildren(`${text} `, clear);
    statusBox.classList.remove('error');
    return;
  }
  status(text);
  if (shownIds() !== before) fitView(cy, true, { eles: cy.elements().filter(isShown) });
}

const filtersPanel = createFiltersPanel(setFilters);
/** Opens a dated fact (a relationship or an Event node) from the timeline or the phone's list of facts. */
function openFact(id: string): void {
  const ele = cy.getElementById(id);
  if (ele.empty()) return;
  if (ele.isEdge()) return selectEdge(ele as EdgeSingular);
  cy.elements().unselect();
  cy.getElementById(id).select();
  void attempt(() => showNode(id));
}
const timeline = createTimeline({ onRange: (range) => setFilters({ ...session.filters, ...range }), onSelect: openFact });
createReadingMode({ facts: () => factsInView(cy), open: openFact });
// Selecting on the canvas lights the matching marks.
cy.on('select unselect', () => timeline.highlight(cy.elements(':selected').map((e) => e.id())));

// ---- details panel -------------------------------------------------------

const loadArticle = (id: string): Promise<ArticleResponse> => api.article(id);

/**
 * The details panel shows what was asked for last: two quick clicks send two
 * requests, and the first one's answer may come second (a hub's details take
 * longer); an answer to anything but the latest request is dropped.
 */
let detailsTurns = 0;
/**
 * The relationship whose sources Enter asked for before its details were drawn: the panel may
 * still show the one selected before (its provenance is on its way), and focus put there would
 * be lost when the panel is drawn again.
 */
let sourcesWanted: string | null = null;

/** Takes the details panel's turn: the function it returns says whether it is still the latest. */
function detailsTurn(): () => boolean {
  const turn = ++detailsTurns;
  return () => turn === detailsTurns;
}

async function showNode(id: string): Promise<void> {
  const latest = detailsTurn();
  sourcesWanted = null;
  const [info, counts] = await Promise.all([api.node(id), api.neighbours(id, { limit: 1 })]);
  if (!latest()) return;
  const page = session.pages.get(id);
  const name = nodeName(info.node, id);
  renderNode(
    info,
    { pinned: cy.getElementById(id).hasClass('pinned'), counts: counts.counts, loaded: page?.loaded ?? 0, total: page ? page.total : undefined },
    {
      expand: () => void attempt(() => explore.expand(session, id), (msg) => afterExpand(id, name, msg)),
      more: () => void attempt(() => explore.expandMore(session, id), (msg) => afterExpand(id, name, msg)),
      expandType: (type, direction) => void attempt(() => explore.expandType(session, id, type, direction), (msg) => afterExpand(id, name, msg)),
      hide: () => void attempt(() => explore.hide(session, [id]), () => showMessage(`${name} hidden. Undo brings it back.`)),
      pin: () => void attempt(() => explore.togglePin(session, id), () => void showNode(id)),
      ego: () => void attempt(() => explore.focusEgo(session, id), () => status(`Showing ${name} and its neighbours`)),
      openArticle: () => {
        const latest = detailsTurn();
        void attempt(() => api.article(id), (a) => (latest() ? renderArticle(a) : undefined));
      },
    },
  );
  const here = cy.getElementById(id);
  const edges = here.nonempty() ? edgeListSection(here as NodeSingular, (edge) => selectEdge(edge)) : null;
  if (edges) byId('panel').append(edges);
  announce(`Details: ${name}`);
}

/** Selects a relationship and shows its provenance (from the panel's list, the timeline, the keyboard). */
function selectEdge(edge: EdgeSingular): void {
  cy.elements().unselect();
  edge.select();
  void attempt(() => showEdge(edge));
}

function afterExpand(id: string, name: string, msg: string): void {
  status(`Expanded ${name}: ${msg}`);
  void showNode(id);
}

/** Focuses the first "Show in article" of the panel when the panel shows this relationship. */
function focusSources(edgeId: string): boolean {
  const panel = byId('panel');
  if (panel.querySelector('.panel-head')?.getAttribute('data-edge') !== edgeId) return false;
  panel.querySelector<HTMLButtonElement>('.claim button')?.focus();
  return true;
}

async function showEdge(edge: EdgeSingular): Promise<void> {
  const latest = detailsTurn();
  if (sourcesWanted !== edge.id()) sourcesWanted = null;
  const p = await api.provenance(edge.id());
  if (!latest()) return;
  renderEdge(p, { source: edge.source().data('name'), target: edge.target().data('name') }, loadArticle);
  if (sourcesWanted === edge.id()) {
    sourcesWanted = null;
    focusSources(edge.id());
  }
  announce(`Details: ${String(edge.source().data('name'))} ${edge.data('type')} ${String(edge.target().data('name'))}, ${p.claims.length} source${p.claims.length === 1 ? '' : 's'}`);
}

cy.on('tap', (ev) => {
  const id = ev.target === cy ? '' : (ev.target as NodeSingular).id();
  lastTaps = [lastTaps[lastTaps.length - 1] ?? '', id];
});
cy.on('tap', 'node', (ev) => void attempt(() => showNode((ev.target as NodeSingular).id())));
cy.on('tap', 'edge', (ev) => void attempt(() => showEdge(ev.target as EdgeSingular)));
cy.on('dbltap', 'node', (ev) => {
  const node = ev.target as NodeSingular;
  if (lastTaps[0] !== node.id() || lastTaps[1] !== node.id()) return;
  void attempt(() => explore.expand(session, node.id()), (msg) => afterExpand(node.id(), node.data('name'), msg));
});
cy.on('dragfree', 'node', () => session.syncUrl());

const elementMenu = createElementMenu(session, byId('graph'), {
  showNode: (id) => {
    cy.elements().unselect();
    cy.getElementById(id).select();
    void attempt(() => showNode(id));
  },
  selectEdge,
  findPaths: (request) => void findPaths(request),
  status,
  expanded: afterExpand,
});

// ---- search --------------------------------------------------------------

const search = createSearch((hit) => {
  const id = hit.node.id;
  void attempt(async () => {
    const placed = await explore.addNode(session, id);
    cy.elements().unselect();
    const node = cy.getElementById(id) as NodeSingular;
    node.select();
    // Centred, zoomed in only as far as names are readable (never out).
    const zoom = cy.zoom() >= READABLE_ZOOM ? cy.zoom() : 1;
    const p = node.position();
    cy.animate({ zoom, pan: { x: cy.width() / 2 - zoom * p.x, y: cy.height() / 2 - zoom * p.y }, duration: 300 });
    await showNode(id);
    if (placed.added) status(`${nodeName(hit.node, id)} added beside ${placed.links} relationship${placed.links === 1 ? '' : 's'} to what is shown${placed.cut ? ' (a hub: only its first relationships were checked)' : ''}.`);
    byId('graph').focus();
  });
});

// ---- toolbar ---------------------------------------------------------------

const layoutSelect = byId<HTMLSelectElement>('layout');
for (const l of LAYOUTS) layoutSelect.append(el('option', { value: l.id, text: l.title }));
layoutSelect.value = session.layout;
layoutSelect.addEventListener('change', () => {
  const id = layoutSelect.value;
  if (!isLayoutId(id)) return;
  rememberLayout(id);
  void session.change(() => session.setLayout(id)).then(() => session.relayout());
});

byId('undo').addEventListener('click', () => session.undo());
byId('redo').addEventListener('click', () => session.redo());
byId('fit').addEventListener('click', () => fitView(cy));
byId('reset').addEventListener('click', () => void attempt(loadOverview));
byId('path').addEventListener('click', () => void findPath());
byId('share').addEventListener('click', () => void share());
byId('theme').addEventListener('click', () => {
  const next = currentTheme() === 'dark' ? 'light' : 'dark';
  view.setPalette(applyTheme(next));
  cypher.setTheme(next);
});

// ---- paths ------------------------------------------------------------------

/** Outlet and date of each article, for the sources of a path's hops. */
const articleShort = new Map<string, string>();

function nameOf(id: string): string {
  const n = cy.getElementById(id);
  return n.nonempty() ? String(n.data('name')) : id;
}

const pathHooks: PathPanelHooks = {
  name: nameOf,
  sourceTitle: (id) => articleShort.get(id) ?? id,
  select: (path) => void attempt(() => highlightPath(session, path)),
  openEdge: (id) => {
    const edge = cy.getElementById(id);
    if (edge.nonempty()) void attempt(() => showEdge(edge as EdgeSingular));
  },
  find: (request) => void findPaths(request),
};

async function findPaths(request: PathRequest): Promise<void> {
  // The path panel takes the details panel's turn: a node's details still on their way must not replace it.
  const latest = detailsTurn();
  renderPathPanel(request, null, pathHooks);
  await attempt(
    () => fetchPaths(request),
    async (res) => {
      if (!latest()) return;
      renderPathPanel(request, res, pathHooks);
      if (!res.paths.length) {
        clearPath(cy);
        return status(request.mode === 'all' ? `No path of at most ${request.maxHops} hop${request.maxHops === 1 ? '' : 's'} between ${nameOf(request.from)} and ${nameOf(request.to)}.` : `No path between ${nameOf(request.from)} and ${nameOf(request.to)} within 6 hops.`, true);
      }
      await highlightPath(session, res.paths[0]);
      const hops = res.paths[0].edges.length;
      status(request.mode === 'all' ? `${res.paths.length} path${res.paths.length === 1 ? '' : 's'} of at most ${request.maxHops} hop${request.maxHops === 1 ? '' : 's'}; the first (${hops} hop${hops === 1 ? '' : 's'}) is highlighted.` : `Shortest path: ${hops} hop${hops === 1 ? '' : 's'}, highlighted.`);
    },
  );
}

async function findPath(): Promise<void> {
  const picked = cy.nodes(':selected');
  if (picked.length !== 2) return status('Select exactly two nodes (Shift+click the second) to find the paths between them.', true);
  await findPaths({ from: picked[0].id(), to: picked[1].id(), mode: 'shortest', maxHops: 3 });
}

async function share(): Promise<void> {
  const url = session.shareUrl();
  const field = el('input', { type: 'text', id: 'share-url', readonly: true, value: url, 'aria-label': 'Link to this view' });
  statusBox.replaceChildren('Link to this view: ', field);
  field.select();
  try {
    await navigator.clipboard.writeText(url);
    statusBox.append(' (copied)');
  } catch (err) {
    console.info('jejak: clipboard unavailable, the link is shown instead', err);
  }
}

createExportMenu(cy, status);

// ---- side tabs, queries, Cypher --------------------------------------------

/** Selects what a results row names, adding it from the query's graph when it is not in view. */
function selectRow(res: QueryResponse, ids: string[]): void {
  const missing = ids.filter((id) => cy.getElementById(id).empty());
  const select = () => {
    cy.elements().unselect();
    const wantedIds = new Set(ids);
    const eles = cy.elements().filter((e) => wantedIds.has(e.id()));
    eles.select();
    if (eles.nonempty()) cy.animate({ center: { eles }, duration: 250 });
    status(`Selected ${eles.length} element${eles.length === 1 ? '' : 's'} of the row.`);
  };
  if (!missing.length) return select();
  const wanted = new Set(missing);
  void attempt(
    () => session.change(() => void session.view.add({ nodes: res.graph.nodes.filter((n) => wanted.has(n.id)), edges: res.graph.edges.filter((e) => wanted.has(e.id)) })),
    select,
  );
}

/**
 * A query's result: its table, and its graph added to the scene or replacing
 * it (the choice in the Queries and Cypher panes). A result with no graph
 * (no rows, or only values) leaves the scene as it is and says so.
 */
function onQueryResult(title: string, res: QueryResponse): void {
  const rows = `${res.rows.length} row${res.rows.length === 1 ? '' : 's'}${res.truncated ? ' (cut at the limit)' : ''}`;
  if (!res.rows.length) {
    hideResults();
    return status(`${title}: nothing matched (0 rows); the graph is unchanged.`, true);
  }
  // The table first: the canvas shrinks, then the layout fits what is left.
  showResults(title, res, (ids) => selectRow(res, ids));
  cy.resize();
  if (!res.graph.nodes.length) return status(`${title}: ${rows} of values, shown in the table; the graph is unchanged.`);
  const replace = resultTarget() === 'replace';
  let added: string[] = [];
  session.settled = session
    .change(() => {
      if (replace) {
        session.pages.clear();
        session.expansions.clear();
        session.view.replace(res.graph);
      } else added = session.view.add(res.graph);
    })
    .then(() => (replace ? session.relayout() : added.length ? session.relayout({ randomize: false, moving: added }) : undefined));
  status(`${title}: ${res.graph.nodes.length} nodes, ${rows}; ${replace ? 'the scene replaced' : `${added.filter((id) => cy.getElementById(id).isNode()).length} new nodes added to the scene`}.`);
}

// A graph too big to draw opens on its aggregate (counts per label and type); a member picked there opens here.
const aggregate = createAggregateView({ stage: byId('graph').parentElement!, toolbar: byId('reset').parentElement!, status, open: (id) => void attempt(() => explore.addNode(session, id).then(() => showNode(id))) });

const queries = createQueriesPanel(onQueryResult);
const cypher = createCypherPanel(onQueryResult);
createIngestPanel({
  // New facts: the overview again, as the Overview button draws it, and the article list of the filters.
  async loaded() {
    await attempt(loadOverview);
    void loadArticles().catch((err: unknown) => status(`articles unavailable: ${messageOf(err)}`, true));
  },
});

const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role=tab]')];
function selectTab(tab: HTMLButtonElement): void {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    byId(t.getAttribute('aria-controls') ?? '').hidden = !on;
  }
  if (tab.id === 'tab-cypher') void cypher.open();
}
tabs.forEach((tab, i) => {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', (ev) => {
    const next = ev.key === 'ArrowRight' ? tabs[(i + 1) % tabs.length] : ev.key === 'ArrowLeft' ? tabs[(i - 1 + tabs.length) % tabs.length] : null;
    if (next) {
      next.focus();
      selectTab(next);
    }
  });
});

// ---- keyboard ---------------------------------------------------------------

function selectedNode(): NodeSingular | undefined {
  const s = cy.nodes(':selected');
  return s.nonempty() ? (s[0] as NodeSingular) : undefined;
}

const nav = createKeyboardNav(cy, {
  showNode: (node) => void attempt(() => showNode(node.id())),
  showEdge: (edge) => void attempt(() => showEdge(edge)),
  announce: (text) => status(text),
});

byId('graph').addEventListener('keydown', (ev) => {
  const node = selectedNode();
  const edge = cy.edges(':selected').nonempty() && !node;
  if (nav.handle(ev.key)) {
    // handled: a move along the graph
  } else if (ev.key === 'Enter' && edge) {
    // Into the provenance: the first "Show in article" of the details panel, once it shows this relationship.
    const id = cy.edges(':selected')[0].id();
    sourcesWanted = focusSources(id) ? null : id;
  } else if (ev.key === 'Enter' && node) void attempt(() => explore.expand(session, node.id()), (msg) => afterExpand(node.id(), node.data('name'), msg));
  else if ((ev.key === 'Delete' || ev.key === 'Backspace') && cy.elements(':selected').nonempty()) void explore.hide(session, cy.elements(':selected').map((e) => e.id()));
  else if (ev.key === 'p' && node) void explore.togglePin(session, node.id());
  else if (ev.key === 'e' && node) void attempt(() => explore.focusEgo(session, node.id()));
  else if (ev.key === 'f') fitView(cy);
  else if (ev.key === 'ContextMenu' || (ev.key === 'F10' && ev.shiftKey)) elementMenu.openForSelection();
  else return;
  ev.preventDefault();
});

document.addEventListener('keydown', (ev) => {
  const typing = ev.target instanceof HTMLInputElement || ev.target instanceof HTMLTextAreaElement || (ev.target as HTMLElement).isContentEditable;
  if (ev.key === '/' && !typing) {
    ev.preventDefault();
    search.focus();
  } else if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'z' && !typing) {
    ev.preventDefault();
    if (ev.shiftKey) session.redo();
    else session.undo();
  } else if ((ev.ctrlKey || ev.metaKey) && ev.key.toLowerCase() === 'y' && !typing) {
    ev.preventDefault();
    session.redo();
  }
});

// ---- start -------------------------------------------------------------------

async function loadOverview(): Promise<void> {
  const res = await api.overview();
  await session.change(() => {
    session.pages.clear();
    session.expansions.clear();
    session.view.replace(res.graph);
  });
  await session.relayout({ animate: false });
  status(`${res.graph.nodes.length} nodes, ${res.graph.edges.length} relationships${res.truncated ? ` (first ${res.limit} of ${res.total}; expand nodes to see more)` : ''}. Click an element for details; double-click a node to expand it.`);
  if (res.truncated && (res.total ?? 0) >= AGGREGATE_FROM) await aggregate.show();
}

async function loadArticles(): Promise<void> {
  const res = await api.runQuery('articles', {});
  for (const n of res.graph.nodes) articleShort.set(n.id, `${String(n.properties.outlet ?? 'outlet not stated')}${n.properties.publishedAt ? ', ' + String(n.properties.publishedAt) : ''}`);
  // An article's name is "outlet · date · headline" as the page states them (seed/facts.ts).
  articles = res.graph.nodes.map((n) => ({ id: n.id, title: String(n.properties.name ?? n.id) }));
  filtersPanel.render(session.filters, articles);
}

async function start(): Promise<void> {
  status('Loading the graph…');
  void loadArticles().catch((err: unknown) => status(`articles unavailable: ${messageOf(err)}`, true));
  void queries.load();
  const shared = await session.fromUrl(window.location.hash).catch((err: unknown) => {
    status(`could not restore the shared view: ${messageOf(err)}`, true);
    return null;
  });
  if (shared) {
    session.apply(shared);
    const placed = shared.graph.nodes.every((n) => shared.positions[n.id]);
    if (placed) fitView(cy, false);
    else await session.relayout({ animate: false });
    status(`Shared view restored: ${cy.nodes().length} nodes, ${cy.edges().length} relationships.`);
  } else {
    await loadOverview();
  }
  session.startHistory();
  showMessage('Click a node or relationship to see its details and sources. Search with / ; double-click or Enter expands.');
}

const ready = start().catch((err: unknown) => status(messageOf(err), true));

// Test hooks for the browser tests (and the curious in devtools).
declare global {
  interface Window {
    cy: typeof cy;
    jejak: {
      ready: Promise<void>;
      session: Session;
      renderClaims: typeof renderClaims;
      hideResults: typeof hideResults;
      layoutStats: typeof layoutStats;
    };
  }
}
window.cy = cy;
window.jejak = { ready, session, renderClaims, hideResults, layoutStats };

/**
 * The query shapes the read path used before each index or cache of issue 16,
 * kept runnable so the bench can put a "before" row beside each "after" row on
 * the same graph. Each shape is the old code, copied (or its Cypher, through
 * `store.run`): it must stay what the store did, not what it does now.
 */
import { buildGazetteer, entitiesFromGraph } from '../../extract/entities.js';
import { previewFromText } from '../../server/services/ingest.js';
import { isNodeLabel, REL_TYPES } from '../../shared/schema.js';
import { FACT_TYPES, labelFromId, typeFilter } from '../../store/cypher-names.js';
import { luceneQuery, rankEntries, type SearchEntry } from '../../store/search-rank.js';
import { ENTITY_SEARCH_INDEX } from '../../store/neo4j/schema.js';
import { candidateEntry, SEARCH_PAGE_QUERY } from '../../store/neo4j/search.js';
import { SearchIndex } from '../../store/search-index.js';
import type { GraphNode } from '../../shared/graph.js';
import { neighbours as pagedNeighbours } from '../../store/common/neighbours.js';
import { nodeById as neo4jNodeById } from '../../store/neo4j/match.js';
import { NEO4J_SPELLING } from '../../store/neo4j/neighbours.js';
import type { Engine, Runner, SearchRequest, SearchResult, Store } from '../../store/store.js';

export interface BeforeProbe {
  hub: string;
  word: string;
  typo: string;
  week: { from: string; to: string };
  pair: [string, string];
  /** A new article's raw text and date, for the ingest preview (a synthetic article of the graph). */
  article?: { raw: string; date: string; outlet: string };
}

export interface BeforeShape {
  id: string;
  operation: 'search' | 'neighbours' | 'timeline' | 'paths' | 'ingest-preview';
  engine: Engine;
  /** What the shape did, and what replaced it. */
  describe: string;
  run(store: Store, probe: BeforeProbe): Promise<unknown>;
}

// ---------------------------------------------------------------- search (Kùzu)

/** Every node's names, read once per store as the old adapter did (kept until its next write). */
const namesOf = new WeakMap<Store, Promise<SearchEntry[]>>();
function names(store: Store): Promise<SearchEntry[]> {
  let entries = namesOf.get(store);
  if (!entries) {
    entries = store.run('MATCH (n) RETURN n.id AS id, label(n) AS label, n.name AS name, n.aliases AS aliases').then((r) =>
      r.rows.map((row) => ({ id: String(row.id), label: String(row.label), name: String(row.name ?? ''), aliases: Array.isArray(row.aliases) ? row.aliases.map(String) : [] })),
    );
    namesOf.set(store, entries);
  }
  return entries;
}

async function rankEveryName(store: Store, text: string): Promise<unknown> {
  const { ranked } = rankEntries(await names(store), text, 10, []);
  if (!ranked.length) return [];
  return store.run('MATCH (n) WHERE n.id IN $ids RETURN n', { ids: ranked.map((r) => r.entry.id) });
}

/** The word index over the same names, built in the bench process (the worker's own is out of reach). */
const indexOf = new WeakMap<Store, Promise<SearchIndex>>();

/** Kùzu's search before its hits were read by primary key: the word index's page, then `WHERE n.id IN $ids` per label. */
async function hitsReadByIn(store: Store, text: string): Promise<unknown> {
  let index = indexOf.get(store);
  if (!index) indexOf.set(store, (index = names(store).then((entries) => new SearchIndex(entries))));
  const idsByLabel = new Map<string, string[]>();
  for (const r of (await index).search(text, 10, []).ranked) idsByLabel.set(r.entry.label, [...(idsByLabel.get(r.entry.label) ?? []), r.entry.id]);
  return Promise.all([...idsByLabel].map(([label, ids]) => (isNodeLabel(label) ? store.run(`MATCH (n:${label}) WHERE n.id IN $ids RETURN n`, { ids }) : null)));
}

// ---------------------------------------------------------------- search (Neo4j)

/** Neo4j's search before: the whole pool of candidates (ten times the page, articles with their texts) read whole, then ranked. */
export async function neo4jSearchWholePool(store: Store, request: SearchRequest): Promise<SearchResult> {
  const pool = Math.max(request.limit * 10, 100);
  const r = await store.run(
    `CALL db.index.fulltext.queryNodes('${ENTITY_SEARCH_INDEX}', $query, {limit: $pool}) YIELD node, score ` +
      'WHERE size($labels) = 0 OR any(l IN labels(node) WHERE l IN $labels) RETURN node ORDER BY score DESC, node.id',
    { query: luceneQuery(request.text), pool, labels: [...request.labels] },
    { maxRows: pool },
  );
  const nodes = r.rows.map((row) => row.node) as unknown as GraphNode[];
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const entries = nodes.map((n) => ({ id: n.id, label: n.label, name: String(n.properties.name ?? ''), aliases: Array.isArray(n.properties.aliases) ? n.properties.aliases.map(String) : [] }));
  const { ranked, truncated } = rankEntries(entries, request.text, request.limit, request.labels);
  return { hits: ranked.map((h) => ({ node: byId.get(h.entry.id)!, score: h.score, matched: h.matched })), truncated: truncated || nodes.length >= pool };
}

/**
 * Neo4j's search before its candidates came whole: the candidates' id, label, name and aliases,
 * ranked, then the page read whole in a second query (two round trips for every search).
 */
export async function neo4jSearchTwoReads(store: Store, request: SearchRequest): Promise<SearchResult> {
  const pool = Math.max(request.limit * 10, 100);
  const r = await store.run(
    `CALL db.index.fulltext.queryNodes('${ENTITY_SEARCH_INDEX}', $query, {limit: $pool}) YIELD node, score ` +
      'WHERE size($labels) = 0 OR any(l IN labels(node) WHERE l IN $labels) ' +
      'RETURN node.id AS id, labels(node) AS labels, node.name AS name, node.aliases AS aliases ORDER BY score DESC, node.id',
    { query: luceneQuery(request.text), pool, labels: [...request.labels] },
    { maxRows: pool },
  );
  const { ranked, truncated } = rankEntries(r.rows.map(candidateEntry), request.text, request.limit, request.labels);
  const ids = ranked.map((h) => h.entry.id);
  const page = ids.length ? await store.run(SEARCH_PAGE_QUERY, { ids }, { maxRows: ids.length }) : { rows: [] };
  const byId = new Map((page.rows.map((row) => row.n) as unknown as GraphNode[]).map((n) => [n.id, n]));
  return { hits: ranked.flatMap((h) => (byId.has(h.entry.id) ? [{ node: byId.get(h.entry.id)!, score: h.score, matched: h.matched }] : [])), truncated: truncated || r.rows.length >= pool };
}

// ---------------------------------------------------------------- timeline (both engines)

/** The old timeline: every relationship's date read and compared, then sorted (no index, no date table). */
function scanTimeline(store: Store, week: { from: string; to: string }): Promise<unknown> {
  const rel = `[r${typeFilter(REL_TYPES)}]`;
  return store.run(
    `MATCH (a)-${rel}->(b) WITH a, r, b, coalesce(r.dateFrom, r.date) AS firstDay, coalesce(r.dateTo, r.date) AS lastDay ` +
      'WHERE firstDay <= date($to) AND lastDay >= date($from) RETURN a, r, b ORDER BY coalesce(r.date, firstDay), r.id LIMIT $limit',
    { from: week.from, to: week.to, limit: 500 },
    { maxRows: 500 },
  );
}

/**
 * Neo4j's timeline before its sort keys: per type, one seek per date shape (the date index; pairs of dates),
 * every part unioned in one query. The date-pair indexes it named are no longer created, so it runs here
 * without its index hints, on the planner's own choice (the date index, the timeline's own indexes).
 */
function neo4jDatePairTimeline(store: Store, week: { from: string; to: string }): Promise<unknown> {
  const keep = 'RETURN x, k, x.id AS xid ORDER BY k, xid LIMIT $limit';
  const union = REL_TYPES.flatMap((t) => {
    const match = `MATCH ()-[x:${t}]->()`;
    return [
      `${match} WHERE x.date >= date($from) AND x.date <= date($to) AND x.dateFrom IS NULL AND x.dateTo IS NULL WITH x, x.date AS k ${keep}`,
      `${match} WHERE x.dateFrom <= date($to) AND x.dateTo >= date($from) WITH x, coalesce(x.date, x.dateFrom) AS k ${keep}`,
      `${match} WHERE x.date >= date($from) AND x.dateFrom <= date($to) AND x.dateTo IS NULL WITH x, x.date AS k ${keep}`,
      `${match} WHERE x.dateTo >= date($from) AND x.date <= date($to) AND x.dateFrom IS NULL WITH x, x.date AS k ${keep}`,
    ];
  }).join(' UNION ALL ');
  return store.run(`CALL () { ${union} } WITH x, k, xid ORDER BY k, xid LIMIT $limit RETURN startNode(x) AS a, x AS r, endNode(x) AS b`, { ...week, limit: 500 }, { maxRows: 500 });
}

// ---------------------------------------------------------------- neighbours (both engines)

/** The old first page of a hub: every relationship sorted with its rows whole, fifty kept (the counts per type are unchanged). */
function sortWholePage(store: Store, hub: string): Promise<unknown> {
  const label = labelFromId(hub);
  const type = store.engine === 'kuzu' ? 'label(r)' : 'type(r)';
  return store.run(`MATCH (n${label ? ':' + label : ''} {id: $id})-[r${typeFilter(REL_TYPES)}]-(m) RETURN n, r, m ORDER BY ${type}, r.id, m.id SKIP 0 LIMIT 50`, { id: hub }, { maxRows: 50 });
}

/** Neo4j's first page of a hub before its totals came from the degree store: every relationship expanded and grouped by type, per direction. */
function countedTotalsPage(store: Store, hub: string): Promise<unknown> {
  const run: Runner = (q, p, o) => store.run(q, p, { ...o, mode: 'read' });
  return pagedNeighbours(run, { nodeById: neo4jNodeById, relType: (v) => `type(${v})` }, { id: hub, types: [], direction: 'both', offset: 0, limit: 50 });
}

/** Neo4j's first page of a hub before each slice was read in the query that sorts it: the slice's ids sorted, then its relationships expanded again to read the page. */
function idsThenPage(store: Store, hub: string): Promise<unknown> {
  const run: Runner = (q, p, o) => store.run(q, p, { ...o, mode: 'read' });
  return pagedNeighbours(run, { ...NEO4J_SPELLING, slice: undefined }, { id: hub, types: [], direction: 'both', offset: 0, limit: 50 });
}

// ---------------------------------------------------------------- shortest path (Kùzu)

/** The old shortest path on Kùzu: the engine's recursive join (`* SHORTEST`) over fact types, up to six hops. */
function recursiveShortest(store: Store, [from, to]: [string, string]): Promise<unknown> {
  const end = (v: string, id: string) => `(${v}${labelFromId(id) ? ':' + labelFromId(id) : ''} {id: $${v === 'a' ? 'from' : 'to'}})`;
  return store.run(`MATCH ${end('a', from)}, ${end('b', to)} MATCH p = (a)-[r${typeFilter(FACT_TYPES)}* SHORTEST 1..6]-(b) RETURN p LIMIT 1`, { from, to }, { maxRows: 1 });
}

// ---------------------------------------------------------------- ingest preview (both engines)

/** The old gazetteer: every node read whole (articles' texts included) and the gazetteer built again, at every preview. */
async function gazetteerEveryCall(store: Store, probe: BeforeProbe): Promise<unknown> {
  if (!probe.article) throw new Error('the ingest-preview shape needs probe.article');
  const r = await store.run('MATCH (n) WHERE n.aliases IS NOT NULL RETURN n', {}, { maxRows: 200_000 });
  const gazetteer = buildGazetteer(entitiesFromGraph({ nodes: r.graph.nodes.filter((n) => n.label !== 'Article'), edges: [] }));
  return previewFromText(probe.article.raw, gazetteer, { date: probe.article.date, outlet: probe.article.outlet });
}

export const beforeShapes: BeforeShape[] = [
  {
    id: 'kuzu-search-rank-every-name',
    operation: 'search',
    engine: 'kuzu',
    describe: 'search by ranking every node\'s names in memory (normalised again at every call); replaced by an in-memory word index kept in step with writes',
    run: (store, p) => rankEveryName(store, p.word),
  },
  {
    id: 'kuzu-search-typo-rank-every-name',
    operation: 'search',
    engine: 'kuzu',
    describe: 'fuzzy search (one typo) by ranking every node\'s names; replaced by the word index (one-edit candidates from the distinct words)',
    run: (store, p) => rankEveryName(store, p.typo),
  },
  ...(['word', 'typo'] as const).map(
    (probe): BeforeShape => ({
      id: `kuzu-search${probe === 'typo' ? '-typo' : ''}-hits-read-by-in`,
      operation: 'search',
      engine: 'kuzu',
      describe: `${probe === 'typo' ? 'fuzzy search (one typo)' : 'search'} from the word index with its page of hits read by \`WHERE n.id IN $ids\` per label, which Kùzu answers by reading the label's whole table; replaced by one primary-key lookup per hit, unioned`,
      run: (store, p) => hitsReadByIn(store, probe === 'typo' ? p.typo : p.word),
    }),
  ),
  ...(['word', 'typo'] as const).map(
    (probe): BeforeShape => ({
      id: `neo4j-search${probe === 'typo' ? '-typo' : ''}-whole-pool`,
      operation: 'search',
      engine: 'neo4j',
      describe: `${probe === 'typo' ? 'fuzzy search (one typo)' : 'search'} reading the index's whole pool of candidates (ten times the page, articles with their texts) to rank them; replaced by ranking on id, label, name and aliases, with only the entities read whole beside them and the page's articles read again`,
      run: (store, p) => neo4jSearchWholePool(store, { text: probe === 'typo' ? p.typo : p.word, labels: [], limit: 10 }),
    }),
  ),
  ...(['word', 'typo'] as const).map(
    (probe): BeforeShape => ({
      id: `neo4j-search${probe === 'typo' ? '-typo' : ''}-two-reads`,
      operation: 'search',
      engine: 'neo4j',
      describe: `${probe === 'typo' ? 'fuzzy search (one typo)' : 'search'} ranking the candidates' id, label, name and aliases, then reading the page whole in a second query; replaced by one query that also reads the entity candidates whole (articles, whose text is big, only when they make the page)`,
      run: (store, p) => neo4jSearchTwoReads(store, { text: probe === 'typo' ? p.typo : p.word, labels: [], limit: 10 }),
    }),
  ),
  ...(['kuzu', 'neo4j'] as const).map(
    (engine): BeforeShape => ({
      id: `${engine}-neighbours-sort-whole-rows`,
      operation: 'neighbours',
      engine,
      describe: 'a hub\'s first page by sorting all its relationships with their rows whole; replaced by per-type slices from the counts, sorted on ids, only the page read whole',
      run: (store, p) => sortWholePage(store, p.hub),
    }),
  ),
  {
    id: 'neo4j-neighbours-totals-by-expanding',
    operation: 'neighbours',
    engine: 'neo4j',
    describe: 'a hub\'s first page with its per-type totals counted by expanding every relationship and grouping by type (three queries); replaced by one query of degree lookups (COUNT { (n)-[:T]->() } per type and direction)',
    run: (store, p) => countedTotalsPage(store, p.hub),
  },
  {
    id: 'neo4j-neighbours-ids-then-page',
    operation: 'neighbours',
    engine: 'neo4j',
    describe: 'a hub\'s first page with each slice read in two queries (its ids sorted, then its type\'s relationships expanded again for the page\'s rows); replaced by one query per slice, sorting references and reading only the rows it keeps',
    run: (store, p) => idsThenPage(store, p.hub),
  },
  ...(['kuzu', 'neo4j'] as const).map(
    (engine): BeforeShape => ({
      id: `${engine}-timeline-scan`,
      operation: 'timeline',
      engine,
      describe:
        'a week of timeline by comparing every relationship\'s date, then sorting' +
        (engine === 'neo4j'
          ? '; replaced by sort keys written with each relationship (coalesce(date, dateFrom), and for ranges), sought per type in the timeline\'s order, the page cut from the keys, only the page read whole'
          : '; replaced by a date index in memory (days in typed arrays, in the timeline\'s order, kept in step with merges), only the page read, by table part and internal offset'),
      run: (store, p) => scanTimeline(store, p.week),
    }),
  ),
  {
    id: 'neo4j-timeline-date-pairs',
    operation: 'timeline',
    engine: 'neo4j',
    describe:
      'a week of timeline by one seek per relationship type and date shape (date; pairs of dates), every part in one UNION, so every range starting before the week was read and sorted (here without the date-pair indexes, no longer created); replaced by sort keys written with each relationship, sought per type in the timeline\'s order, stopping at the page',
    run: (store, p) => neo4jDatePairTimeline(store, p.week),
  },
  {
    id: 'kuzu-paths-recursive-shortest',
    operation: 'paths',
    engine: 'kuzu',
    describe: 'a shortest path by Kùzu\'s recursive join (`* SHORTEST`), which explodes around hubs and needs a big buffer pool; replaced by a bidirectional breadth-first search over an in-memory adjacency kept in step with merges, only the hops read from the database',
    run: (store, p) => recursiveShortest(store, p.pair),
  },
  ...(['kuzu', 'neo4j'] as const).map(
    (engine): BeforeShape => ({
      id: `${engine}-ingest-gazetteer-every-preview`,
      operation: 'ingest-preview',
      engine,
      describe: 'the ingest preview\'s gazetteer: every node read whole (article texts too) and built again at each preview; replaced by a gazetteer cached per store and refreshed from the store\'s writes',
      run: gazetteerEveryCall,
    }),
  ),
];

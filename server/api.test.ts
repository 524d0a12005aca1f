import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ArticleResponse,
  EdgeProvenanceResponse,
  GraphResponse,
  HealthResponse,
  NeighboursResponse,
  PathsResponse,
  QueryResponse,
  SavedQueryInfo,
  SearchResponse,
  TimelineResponse,
} from '../shared/api.js';
import { NEO4J_WAIT_MS, startTestServer, testEngines, type TestServer } from './testing/harness.js';
import { FACT_TYPES } from '../store/cypher-names.js';

const TREATY = 'agreement:comprehensive-strategic-partnership-treaty';

describe.each(testEngines())('API on %s', (engine) => {
  let s: TestServer;
  const get = async <T>(path: string) => {
    const res = await fetch(s.url + path);
    return { status: res.status, body: (await res.json()) as T & { error?: { code: string; message: string } } };
  };
  const post = async <T>(path: string, body: unknown) => {
    const res = await fetch(s.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = { text };
    }
    return { status: res.status, headers: res.headers, body: json as T & { error?: { code: string; message: string } }, text };
  };

  beforeAll(async () => {
    s = await startTestServer(engine);
  }, NEO4J_WAIT_MS);
  afterAll(async () => {
    await s?.close();
  });

  describe('health and overview', () => {
    it('reports the engine and the seeded counts', async () => {
      const { status, body } = await get<HealthResponse>('/api/health');
      expect(status).toBe(200);
      expect(body.engine).toBe(engine);
      expect(body.nodes).toBeGreaterThan(30);
      expect(body.relationships).toBeGreaterThan(50);
    });

    it('draws a capped overview and says when it was cut', async () => {
      const small = await get<GraphResponse>('/api/graph?limit=5');
      expect(small.body.graph.edges).toHaveLength(5);
      expect(small.body.truncated).toBe(true);
      expect(small.body.total).toBeGreaterThan(5);
      const all = await get<GraphResponse>('/api/graph?limit=10000');
      expect(all.body.truncated).toBe(false);
      expect(all.body.graph.edges.some((e) => e.type === 'MENTIONS')).toBe(false);
      const ids = new Set(all.body.graph.nodes.map((n) => n.id));
      for (const e of all.body.graph.edges) expect(ids.has(e.source) && ids.has(e.target)).toBe(true);
    });

    it('rejects a limit that is not a number with 400 naming the parameter', async () => {
      const { status, body } = await get('/api/graph?limit=lots');
      expect(status).toBe(400);
      expect(body.error?.message).toContain("'limit'");
    });
  });

  describe('nodes and neighbours', () => {
    it('returns a node by id with its degree', async () => {
      const { status, body } = await get<{ node: { id: string; label: string; properties: Record<string, unknown> }; degree: number }>(
        '/api/nodes/state:north-korea',
      );
      expect(status).toBe(200);
      expect(body.node).toMatchObject({ id: 'state:north-korea', label: 'State' });
      expect(body.node.properties.aliases).toContain('Korut');
      expect(body.degree).toBeGreaterThan(5);
    });

    it('answers 404 for an unknown node', async () => {
      const { status, body } = await get('/api/nodes/person:nobody');
      expect(status).toBe(404);
      expect(body.error?.code).toBe('NOT_FOUND');
    });

    it('expands neighbours with a limit, counts per type and a truncated flag', async () => {
      const { body } = await get<NeighboursResponse>('/api/nodes/state:north-korea/neighbours?limit=3');
      expect(body.graph.edges).toHaveLength(3);
      expect(body.truncated).toBe(true);
      expect(body.total).toBe(body.counts.reduce((a, c) => a + c.count, 0));
      expect(body.counts.find((c) => c.type === 'DEPLOYED_TROOPS_TO' && c.direction === 'out')?.count).toBeGreaterThan(0);
      const next = await get<NeighboursResponse>('/api/nodes/state:north-korea/neighbours?limit=3&offset=3');
      const firstIds = body.graph.edges.map((e) => e.id);
      expect(next.body.graph.edges.some((e) => firstIds.includes(e.id))).toBe(false);
    });

    it('filters neighbours by relationship type and direction', async () => {
      const { body } = await get<NeighboursResponse>(`/api/nodes/${TREATY}/neighbours?types=RATIFIED&direction=in&limit=50`);
      expect(body.graph.edges.length).toBeGreaterThanOrEqual(3);
      expect(body.graph.edges.every((e) => e.type === 'RATIFIED' && e.target === TREATY)).toBe(true);
    });

    it('rejects an unknown relationship type with 400 listing the allowed ones', async () => {
      const { status, body } = await get(`/api/nodes/${TREATY}/neighbours?types=LOVES`);
      expect(status).toBe(400);
      expect(body.error?.message).toContain('LOVES');
      expect(body.error?.message).toContain('RATIFIED');
    });
  });

  describe('search', () => {
    it.each([
      ['Korut', 'state:north-korea'],
      ['korea utara', 'state:north-korea'],
      ['KIM JONG-UN', 'person:kim-jong-un'],
      ['Dewan Federasi', 'organization:federation-council'],
      ['AS', 'state:united-states'],
      ['moskow', 'place:moscow'],
    ])('finds %s as %s (case, accent and hyphen insensitive)', async (q, id) => {
      const { body } = await get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`);
      expect(body.hits[0]?.node.id).toBe(id);
    });

    it('restricts hits to labels', async () => {
      const { body } = await get<SearchResponse>('/api/search?q=kim&labels=Person');
      expect(body.hits.length).toBeGreaterThanOrEqual(2);
      expect(body.hits.every((h) => h.node.label === 'Person')).toBe(true);
    });

    it('rejects an empty query with 400', async () => {
      expect((await get('/api/search?q=')).status).toBe(400);
      expect((await get('/api/search?q=%20%20')).status).toBe(400);
    });
  });

  describe('saved queries', () => {
    it('lists at least a dozen queries with typed parameters', async () => {
      const { body } = await get<{ queries: SavedQueryInfo[] }>('/api/queries');
      expect(body.queries.length).toBeGreaterThanOrEqual(12);
      const neighbourhood = body.queries.find((q) => q.name === 'entity-neighbourhood');
      expect(neighbourhood?.params.map((p) => [p.name, p.type])).toEqual([
        ['id', 'nodeId'],
        ['limit', 'integer'],
      ]);
    });

    it('runs a query by name and returns rows and graph', async () => {
      const { status, body } = await post<QueryResponse>('/api/queries/ratifications/run', { params: { agreement: TREATY } });
      expect(status).toBe(200);
      expect(body.engine).toBe(engine);
      expect(body.rows.map((r) => r.ratifiedBy)).toContain('State Duma');
      expect(body.graph.edges.every((e) => e.type === 'RATIFIED')).toBe(true);
    });

    it('rejects a parameter of the wrong type with 400 naming it', async () => {
      const { status, body } = await post('/api/queries/events-between/run', { params: { from: 'yesterday' } });
      expect(status).toBe(400);
      expect(body.error?.message).toContain("'from'");
      const limit = await post('/api/queries/entity-neighbourhood/run', { params: { limit: 'many' } });
      expect(limit.status).toBe(400);
      expect(limit.body.error?.message).toContain("'limit'");
    });

    it('rejects an unknown parameter and an unknown query', async () => {
      expect((await post('/api/queries/accusations/run', { params: { who: 'x' } })).status).toBe(400);
      expect((await post('/api/queries/no-such-query/run', {})).status).toBe(404);
    });
  });

  describe('ad-hoc Cypher', () => {
    it('runs a read query and says which engine ran it', async () => {
      const { status, body } = await post<QueryResponse>('/api/cypher', { query: 'MATCH (n:State) RETURN n.name AS name ORDER BY name' });
      expect(status).toBe(200);
      expect(body.engine).toBe(engine);
      expect(body.rows.map((r) => r.name)).toContain('Ukraine');
    });

    it.each([
      "CREATE (:Person {id: 'person:intruder', name: 'x'})",
      "MATCH (n:Person) SET n.name = 'x'",
      "MERGE (:State {id: 'state:atlantis'})",
      'MATCH (n) DETACH DELETE n',
      "MATCH (n:State {id: 'state:ukraine'}) DELETE n",
    ])('refuses a write with 400 before it runs: %s', async (query) => {
      const before = await get<HealthResponse>('/api/health');
      const { status, body } = await post('/api/cypher', { query });
      expect(status).toBe(400);
      expect(body.error?.code).toBe('WRITE_REFUSED');
      const after = await get<HealthResponse>('/api/health');
      expect([after.body.nodes, after.body.relationships]).toEqual([before.body.nodes, before.body.relationships]);
    });

    it('caps rows and flags truncation', async () => {
      const { body } = await post<QueryResponse>('/api/cypher', { query: 'MATCH (n) RETURN n.id AS id', maxRows: 3 });
      expect(body.rows).toHaveLength(3);
      expect(body.truncated).toBe(true);
    });

    it('answers 408 with a clear message when the query runs past its timeout', async () => {
      const query = 'UNWIND range(1, 20000) AS a UNWIND range(1, 20000) AS b WITH a * b AS x WHERE x % 7 = 3 RETURN sum(x)';
      const { status, body } = await post('/api/cypher', { query, timeoutMs: 50 });
      expect(status).toBe(408);
      expect(body.error?.message).toMatch(/timeout/);
    });

    it('rejects a syntax error and a missing query with 400', async () => {
      expect((await post('/api/cypher', { query: 'MATCH (n RETURN n' })).status).toBe(400);
      expect((await post('/api/cypher', {})).status).toBe(400);
    });

    it('answers 413 for an oversized body and 400 for malformed JSON', async () => {
      const big = await post('/api/cypher', { query: 'RETURN 1', params: { blob: 'x'.repeat(2_000_000) } });
      expect(big.status).toBe(413);
      const res = await fetch(s.url + '/api/cypher', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":' });
      expect(res.status).toBe(400);
    });
  });

  describe('paths, timeline and provenance', () => {
    it('finds the shortest chain between Zelenskiy and Kim Jong Un', async () => {
      const { body } = await get<PathsResponse>('/api/paths?from=person:volodymyr-zelenskiy&to=person:kim-jong-un');
      expect(body.paths).toHaveLength(1);
      const ids = body.graph.nodes.map((n) => n.id);
      expect(ids).toContain('person:volodymyr-zelenskiy');
      expect(ids).toContain('person:kim-jong-un');
      expect(body.graph.edges.length).toBe(body.graph.nodes.length - 1);
      expect(body.graph.edges.some((e) => e.type === 'MENTIONS')).toBe(false);
    });

    it('lists all simple paths up to k hops, shortest first', async () => {
      const { body } = await get<PathsResponse>('/api/paths?from=person:vladimir-putin&to=person:kim-jong-un&mode=all&maxHops=2&limit=5');
      expect(body.paths.length).toBeGreaterThan(1);
      expect(body.paths[0].edges.length).toBeLessThanOrEqual(body.paths[body.paths.length - 1].edges.length);
      for (const path of body.paths) expect(new Set(path.nodes.map((n) => n.id)).size).toBe(path.edges.length + 1);
    });

    it('all paths with the default 3 hops include the direct facts first, and say when the limit cut them (issue 12 item 10)', async () => {
      const url = '/api/paths?from=person:vladimir-putin&to=person:kim-jong-un&mode=all';
      const direct = (await get<GraphResponse>('/api/nodes/person:vladimir-putin/neighbours?limit=200&types=' + FACT_TYPES.join(','))).body.graph.edges.filter(
        (e) => [e.source, e.target].includes('person:kim-jong-un'),
      );
      expect(direct.length).toBeGreaterThan(1);
      const { body } = await get<PathsResponse>(`${url}&limit=100`);
      expect(body.paths.slice(0, direct.length).map((p) => p.edges.length)).toEqual(direct.map(() => 1));
      expect(body.paths.some((p) => p.edges.length === 3)).toBe(true);
      const cut = await get<PathsResponse>(`${url}&limit=${direct.length}`);
      expect(cut.body.paths.map((p) => p.edges[0].id).sort()).toEqual(direct.map((e) => e.id).sort());
      expect(cut.body.truncated).toBe(true);
    });

    it('answers 404 for a path from an unknown node and 400 for too many hops', async () => {
      expect((await get('/api/paths?from=person:nobody&to=person:kim-jong-un')).status).toBe(404);
      expect((await get('/api/paths?from=person:vladimir-putin&to=person:kim-jong-un&mode=all&maxHops=9')).status).toBe(400);
    });

    it('puts the treaty life cycle of late 2024 on a sorted timeline', async () => {
      const { body } = await get<TimelineResponse>('/api/timeline?from=2024-10-01&to=2024-12-31');
      const dates = body.items.map((i) => i.date);
      expect(dates).toEqual([...dates].sort());
      expect(dates.every((d) => d >= '2024-10-01' && d <= '2024-12-31')).toBe(true);
      expect(dates).toContain('2024-10-24');
      expect(dates).toContain('2024-12-04');
      // Each item names its element, sent once in the graph: a node for an event, an edge for a fact.
      const nodes = new Set(body.graph.nodes.map((n) => n.id));
      const edges = new Set(body.graph.edges.map((e) => e.id));
      expect(body.items.some((i) => i.kind === 'event')).toBe(true);
      for (const item of body.items) {
        expect(item).not.toHaveProperty('element');
        expect((item.kind === 'event' ? nodes : edges).has(item.id), item.id).toBe(true);
      }
      expect((await get('/api/timeline?from=24-10-2024')).status).toBe(400);
    });

    it('returns the claims behind a relationship with quote, article and sentence', async () => {
      const overview = await get<GraphResponse>('/api/graph?limit=10000');
      const ratified = overview.body.graph.edges.find((e) => e.type === 'RATIFIED' && e.source === 'person:kim-jong-un');
      expect(ratified).toBeDefined();
      const { body } = await get<EdgeProvenanceResponse>(`/api/edges/${encodeURIComponent(ratified!.id)}/provenance`);
      expect(body.claims.length).toBeGreaterThan(0);
      const claim = body.claims[0];
      expect(claim.outlet).toBeTruthy();
      expect(claim.sentence).toContain(claim.quote);
      const article = await get<ArticleResponse>(`/api/articles/${encodeURIComponent(claim.article)}`);
      const text = String(article.body.article.properties.text);
      expect(text.slice(claim.offset, claim.offset + claim.quote.length)).toBe(claim.quote);
      expect(article.body.spans.some((sp) => sp.edgeId === ratified!.id)).toBe(true);
      expect((await get('/api/edges/rel:nothing/provenance')).status).toBe(404);
    });
  });

  describe('exports', () => {
    it('lists the formats', async () => {
      const { body } = await get<{ formats: Array<{ id: string }> }>('/api/export/formats');
      expect(body.formats.map((f) => f.id).sort()).toEqual(['csv', 'cyjs', 'cypher', 'gexf', 'graphml']);
    });

    it('exports given ids as GraphML with the relationships among them and their provenance', async () => {
      const res = await post('/api/export/graphml', { ids: ['person:vladimir-putin', TREATY, 'person:kim-jong-un'] });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toContain('.graphml');
      expect(res.text).toContain('<graphml');
      expect(res.text).toContain('SIGNED');
      expect(res.text).toContain('sourceQuotes');
    });

    it("exports a saved query's result as Cytoscape JSON", async () => {
      const res = await post<{ elements: { nodes: unknown[]; edges: Array<{ data: { type: string } }> } }>('/api/export/cyjs', {
        query: { name: 'ratifications', params: { agreement: TREATY } },
      });
      expect(res.status).toBe(200);
      expect(res.body.elements.edges.length).toBeGreaterThanOrEqual(3);
      expect(res.body.elements.edges.every((e) => e.data.type === 'RATIFIED')).toBe(true);
    });

    it('rejects an unknown format and an empty selection with 400', async () => {
      expect((await post('/api/export/pdf', { ids: ['state:russia'] })).status).toBe(400);
      expect((await post('/api/export/graphml', {})).status).toBe(400);
    });
  });

  describe('errors and docs', () => {
    it('answers unknown API routes with a JSON 404', async () => {
      const { status, body } = await get('/api/nope');
      expect(status).toBe(404);
      expect(body.error?.code).toBe('NOT_FOUND');
    });

    it('serves an OpenAPI document', async () => {
      const { body } = await get<{ openapi: string; paths: Record<string, unknown> }>('/api/openapi.json');
      expect(body.openapi).toMatch(/^3\./);
      expect(Object.keys(body.paths)).toContain('/api/cypher');
    });
  });
});

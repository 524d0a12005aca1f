/**
 * The seed graph answers true to its five articles, asked through the API on every
 * engine (Kùzu always, Neo4j when NEO4J_URI is set): dates the articles fix, one edge
 * per event, claim status as the source gives it, real conflicts only, no node from a
 * photo credit, outlets as the pages state them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleResponse, EdgeProvenanceResponse, QueryResponse, SearchResponse, TimelineResponse } from '../shared/api.js';
import { provenanceOf, type GraphEdge, type GraphNode } from '../shared/graph.js';
import { CLAIM_STATUSES } from '../shared/schema.js';
import { startTestServer, testEngines, type TestServer } from './testing/harness.js';

const TREATY = 'agreement:comprehensive-strategic-partnership-treaty';

/** Words that make the rest of their sentence something other than the outlet's own report. */
const HEDGES = ['diyakini', 'kemungkinan', 'analis mengatakan', 'ahli mengatakan'];

/** [start, end) of the text each hedge governs: from the word to the end of its sentence. */
function hedgedSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const lower = text.toLowerCase();
  for (const hedge of HEDGES) {
    for (let at = lower.indexOf(hedge); at >= 0; at = lower.indexOf(hedge, at + 1)) {
      const end = /[.!?]["”]?(?:\s|$)/.exec(text.slice(at));
      spans.push([at, end ? at + end.index + 1 : text.length]);
    }
  }
  return spans;
}

describe.each(testEngines())('the seed graph on %s answers true to the articles', (engine) => {
  let server: TestServer;
  let edges: GraphEdge[];

  async function get<T>(path: string): Promise<T> {
    const res = await fetch(server.url + path);
    expect(res.status, path).toBe(200);
    return (await res.json()) as T;
  }
  async function query(name: string, params: Record<string, unknown> = {}): Promise<{ status: number; body: QueryResponse & { error?: { code: string; message: string } } }> {
    const res = await fetch(`${server.url}/api/queries/${name}/run`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ params }) });
    return { status: res.status, body: (await res.json()) as QueryResponse & { error?: { code: string; message: string } } };
  }
  const provenance = (id: string) => get<EdgeProvenanceResponse>(`/api/edges/${encodeURIComponent(id)}/provenance`);

  beforeAll(async () => {
    server = await startTestServer(engine);
    const res = await fetch(`${server.url}/api/cypher`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'MATCH (a)-[r]->(b) RETURN a, r, b', maxRows: 5000 }),
    });
    expect(res.status).toBe(200);
    edges = ((await res.json()) as QueryResponse).graph.edges;
  }, 120_000);
  afterAll(async () => server?.close());

  it('the Federation Council vote carries its day, Wednesday 6 November 2024, dated through the US election 001 names', async () => {
    const p = await provenance('rel:ratified:federation-council:comprehensive-strategic-partnership-treaty');
    expect(p.edge.properties).toMatchObject({ date: '2024-11-06', datePrecision: 'day' });
    const notes = p.claims.map((c) => c.dateNote).join(' | ');
    expect(notes).toContain('pemilihan presiden AS');
    expect(notes).toContain('5 November 2024');
  });

  it('the timeline of 25 Nov – 1 Dec 2024 lists the range-dated facts of that week, as ranges', async () => {
    const t = await get<TimelineResponse>('/api/timeline?from=2024-11-25&to=2024-12-01');
    const byId = new Map(t.items.map((i) => [i.id, i]));
    for (const id of ['rel:visited:andrei-belousov:pyongyang', 'rel:supports:kim-jong-un:russia:2024-11']) {
      expect(byId.get(id), id).toMatchObject({ date: '2024-11-25', dateTo: '2024-12-01' });
    }
    // Kim's June support is another event and stays out of that week.
    expect(byId.has('rel:supports:kim-jong-un:russia:2024-06')).toBe(false);
    const saved = await query('facts-between', { from: '2024-11-25', to: '2024-12-01' });
    expect(saved.status).toBe(200);
    const ids = saved.body.graph.edges.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['rel:visited:andrei-belousov:pyongyang', 'rel:supports:kim-jong-un:russia:2024-11']));
    expect(ids).not.toContain('rel:supports:kim-jong-un:russia:2024-06');
  });

  it('"who signed the treaty" returns exactly its signers, asked by name', async () => {
    const r = await query('treaty-signers', { agreement: 'Perjanjian Kemitraan Strategis Komprehensif' });
    expect(r.status).toBe(200);
    expect(r.body.rows.map((row) => [row.signer, row.date, row.place])).toEqual([
      ['Kim Jong Un', '2024-06-19', 'Pyongyang'],
      ['Vladimir Putin', '2024-06-19', 'Pyongyang'],
    ]);
    // Putin signing the ratification law is its own fact, on the law.
    const law = edges.find((e) => e.id === 'rel:signed:vladimir-putin:russia-treaty-ratification-law-2024');
    expect(law?.target).toBe('agreement:russia-treaty-ratification-law-2024');
  });

  it('every claim has a status, and none from a "diyakini", "kemungkinan" or "analis mengatakan" sentence is "reported"', async () => {
    const texts = new Map<string, string>();
    let hedged = 0;
    for (const e of edges) {
      const claims = provenanceOf(e.properties);
      for (const c of claims) {
        expect(CLAIM_STATUSES, `${e.id}: status ${c.status}`).toContain(c.status);
        if (!texts.has(c.article)) texts.set(c.article, String((await get<ArticleResponse>(`/api/articles/${encodeURIComponent(c.article)}`)).article.properties.text));
        const inHedge = hedgedSpans(texts.get(c.article)!).some(([from, to]) => c.offset < to && c.offset + c.quote.length > from);
        if (!inHedge) continue;
        hedged++;
        expect(c.status, `${e.id}: "${c.quote.slice(0, 60)}"`).not.toBe('reported');
      }
    }
    // The arms-deal signings, the technology-transfer concern, the analysts and the experts.
    expect(hedged).toBeGreaterThanOrEqual(5);
    const arms = edges.filter((e) => e.target === 'agreement:russia-north-korea-arms-deal-2023' && e.type === 'SIGNED');
    expect(arms).toHaveLength(2);
    for (const e of arms) expect(provenanceOf(e.properties).map((c) => c.status)).toEqual(['believed']);
  });

  it('meanings are kept: a concern is no accusation, speculation no support, a headline no statement', async () => {
    expect(edges.filter((e) => e.type === 'ACCUSED' && e.target === 'state:russia')).toEqual([]);
    expect(edges.find((e) => e.id === 'rel:stated:south-korea:russia:technology-transfer-concern')?.type).toBe('STATED');
    expect(edges.filter((e) => e.type === 'SUPPORTS' && e.source === 'state:russia')).toEqual([]);
    const analysts = edges.filter((e) => e.source === 'person:unnamed-analysts');
    expect(analysts.length).toBeGreaterThan(0);
    for (const e of analysts) expect(provenanceOf(e.properties).every((c) => c.status === 'believed')).toBe(true);
    expect(edges.filter((e) => e.type === 'STATED' && e.source === 'organization:the-west' && e.target === TREATY)).toEqual([]);
    const wary = edges.find((e) => e.id === 'rel:concerned-about:the-west:comprehensive-strategic-partnership-treaty');
    expect(wary?.type).toBe('CONCERNED_ABOUT');
  });

  it('the conflicting-claims query returns at most ten rows, troop numbers first, and a denial counts as a yes/no conflict', async () => {
    const r = await query('conflicting-claims');
    expect(r.status).toBe(200);
    expect(r.body.rows.length).toBeGreaterThan(0);
    expect(r.body.rows.length).toBeLessThanOrEqual(10);
    expect(r.body.rows[0]).toMatchObject({ differsOn: 'number', subject: 'North Korea', object: 'Russia' });
    expect(r.body.rows[0].numbers).toEqual(expect.arrayContaining(['tens-of-thousands', '>10000', '10000']));
    const supplied = r.body.rows.find((row) => row.differsOn === 'yes/no');
    expect(supplied?.statuses).toEqual(expect.arrayContaining(['alleged', 'denied']));
    // Paraphrases alone ("state media" / "North Korean media") are no conflict.
    expect(r.body.graph.edges.some((e) => e.type === 'PART_OF')).toBe(false);
  });

  it('no node comes from a photo credit', async () => {
    const nodes = (await get<{ graph: { nodes: GraphNode[] } }>('/api/graph?limit=1000')).graph.nodes;
    const names = nodes.flatMap((n) => [String(n.properties.name), ...((n.properties.aliases as string[] | null) ?? [])].map((s) => s.toLowerCase()));
    for (const credit of ['sputnik', 'net']) expect(names, credit).not.toContain(credit);
    for (const e of edges) for (const c of provenanceOf(e.properties)) expect(c.quote, e.id).not.toMatch(/\(Foto:/);
  });

  it("Russia's parliament is a body whose chambers are the State Duma and the Federation Council", async () => {
    const chambers = edges.filter((e) => e.type === 'PART_OF' && e.target === 'organization:federal-assembly').map((e) => e.source).sort();
    expect(chambers).toEqual(['organization:federation-council', 'organization:state-duma']);
    expect(edges.some((e) => e.type === 'PART_OF' && e.source === 'organization:federal-assembly' && e.target === 'state:russia')).toBe(true);
  });

  it('articles show outlet · date · headline as the pages state them, and outlets are searchable', async () => {
    const r = await query('articles');
    const names = r.body.rows.map((row) => String((row.a as unknown as GraphNode).properties.name)).sort();
    expect(names).toContain('Okezone · 2024-11-12 · Perjanjian Diratifikasi, Rusia Bakal Kirim Pasukan Jika Korut Diserang AS');
    expect(names).toContain('outlet not stated · date not stated · Rusia meratifikasi perjanjian bantuan militer timbal balik dengan Korea Utara');
    expect(names.filter((n) => n.startsWith('TEMPO.CO · date not stated · '))).toHaveLength(1);
    const tempo = await get<SearchResponse>('/api/search?q=tempo');
    expect(tempo.hits.map((h) => h.node.label)).toContain('Article');
  });

  it('provenance carries each claim with its own status', async () => {
    const p = await provenance('rel:supplied:north-korea:russia:weapons');
    expect(p.claims.map((c) => c.status).sort()).toEqual(['alleged', 'denied', 'reported']);
  });

  it('entity parameters take a name or an alias; an unknown or ambiguous name says so', async () => {
    const byAlias = await query('meetings', { id: 'Choe' });
    expect(byAlias.status).toBe(200);
    expect(byAlias.body.rows.map((row) => row.met).sort()).toEqual(['Sergei Lavrov', 'Vladimir Putin']);
    const visits = await query('visits', { person: 'Putin' });
    expect(visits.body.rows.map((row) => row.visited)).toEqual(['Pyongyang']);
    const unknown = await query('visits', { person: 'Napoleon Bonaparte' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.message).toMatch(/no entity is named "Napoleon Bonaparte"/);
    const ambiguous = await query('visits', { person: 'Andrei' });
    expect(ambiguous.status).toBe(400);
    expect(ambiguous.body.error?.message).toMatch(/matches several entities: .*Andrei/);
  });

  it('a status parameter filters saved queries, and a bad status is a 400 naming the choices', async () => {
    const believed = await query('statements', { actor: 'person:unnamed-analysts', status: 'believed' });
    expect(believed.status).toBe(200);
    expect(believed.body.rows.length).toBeGreaterThan(0);
    const reported = await query('statements', { actor: 'person:unnamed-analysts', status: 'reported' });
    expect(reported.body.rows).toEqual([]);
    const bad = await query('facts-between', { status: 'rumour' });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.message).toMatch(/'status' must be a claim status: reported, attributed/);
  });

  it('the analysts\' saved queries answer: statements, treaty provisions, mentions, text in quotes', async () => {
    const kim = await query('statements', { actor: 'Kim Jong Un' });
    expect(kim.body.rows.length).toBeGreaterThanOrEqual(2);
    expect(kim.body.graph.edges.every((e) => e.type === 'STATED' && e.source === 'person:kim-jong-un')).toBe(true);
    const provisions = await query('treaty-provisions', { agreement: TREATY });
    const clauses = provisions.body.rows.map((row) => String(row.clause));
    expect(clauses.some((c) => c.includes('tidak menandatangani perjanjian dengan negara ketiga'))).toBe(true);
    expect(clauses.some((c) => c.includes('bantuan militer'))).toBe(true);
    expect(provisions.body.rows.every((row) => typeof row.source === 'string' && String(row.source).includes(' · '))).toBe(true);
    const mentions = await query('articles-mentioning', { entity: 'Belousov' });
    expect(mentions.body.rows.map((row) => row.publishedAt)).toEqual(['2024-12-05']);
    const found = await query('quote-search', { text: 'diyakini' });
    expect(found.body.rows.length).toBeGreaterThanOrEqual(3);
    for (const row of found.body.rows) {
      expect(String(row.quote).toLowerCase()).toContain('diyakini');
      expect(row.status).toBe('believed');
      expect(String(row.article)).toMatch(/^article:/);
    }
  });
});

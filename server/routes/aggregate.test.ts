import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregateOverview, GroupMembers } from '../../shared/aggregate.js';
import type { Graph } from '../../shared/graph.js';
import { loadKnowledgeBase } from '../../seed/facts.js';
import { kuzuAggregate } from '../../store/kuzu/overview-aggregate.js';
import { neo4jAggregate } from '../../store/neo4j/overview-aggregate.js';
import { OverviewAggregator } from '../../store/overview-aggregate.js';
import { startTestServer, testEngines, type TestServer } from '../testing/harness.js';

/** What the aggregate must say, counted here from the seed graph itself. */
function expected(graph: Graph) {
  const labelOf = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const groups = new Map<string, number>();
  for (const n of graph.nodes) groups.set(n.label, (groups.get(n.label) ?? 0) + 1);
  const links = new Map<string, number>();
  for (const e of graph.edges) {
    const key = `${labelOf.get(e.source)} ${e.type} ${labelOf.get(e.target)}`;
    links.set(key, (links.get(key) ?? 0) + 1);
  }
  const degree = new Map<string, number>();
  for (const e of graph.edges) for (const id of [e.source, e.target]) degree.set(id, (degree.get(id) ?? 0) + 1);
  return { groups, links, degree };
}

describe.each(testEngines())('aggregated overview on %s', (engine) => {
  let server: TestServer;
  let graph: Graph;
  let want: ReturnType<typeof expected>;

  beforeAll(async () => {
    server = await startTestServer(engine);
    graph = (await loadKnowledgeBase()).graph;
    want = expected(graph);
  }, 180_000);
  afterAll(async () => server?.close());

  const get = async <T>(path: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(server.url + path);
    return { status: res.status, body: (await res.json()) as T };
  };

  it('counts every label and every (from label, type, to label) of the graph', async () => {
    const { status, body } = await get<AggregateOverview>('/api/overview/aggregate');
    expect(status).toBe(200);
    expect(new Map(body.groups.map((g) => [g.label, g.count]))).toEqual(want.groups);
    expect(new Map(body.links.map((l) => [`${l.from} ${l.type} ${l.to}`, l.count]))).toEqual(want.links);
    expect(body.nodes).toBe(graph.nodes.length);
    expect(body.relationships).toBe(graph.edges.length);
    // Largest first, so the client can cap what it draws.
    expect(body.links.map((l) => l.count)).toEqual([...body.links.map((l) => l.count)].sort((a, b) => b - a));
  });

  it("pages a group's members, the most connected first, without repeats", async () => {
    const label = [...want.groups.entries()].sort((a, b) => b[1] - a[1])[0][0];
    const first = await get<GroupMembers>(`/api/overview/groups/${label}/members?limit=3`);
    const second = await get<GroupMembers>(`/api/overview/groups/${label}/members?limit=3&offset=3`);
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(want.groups.get(label));
    expect(first.body.truncated).toBe(true);
    const members = [...first.body.members, ...second.body.members];
    expect(members).toHaveLength(6);
    for (const m of members) {
      expect(m.node.label).toBe(label);
      expect(m.degree).toBe(want.degree.get(m.node.id) ?? 0);
    }
    expect(new Set(members.map((m) => m.node.id)).size).toBe(6);
    const degrees = members.map((m) => m.degree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
    const top = [...graph.nodes.filter((n) => n.label === label)].sort((a, b) => (want.degree.get(b.id) ?? 0) - (want.degree.get(a.id) ?? 0))[0];
    expect(degrees[0]).toBe(want.degree.get(top.id));
    const last = await get<GroupMembers>(`/api/overview/groups/${label}/members?limit=3&offset=${first.body.total - 2}`);
    expect(last.body.members).toHaveLength(2);
    expect(last.body.truncated).toBe(false);
  });

  it('answers 400 naming what to fix for an unknown label or a bad page', async () => {
    const bad = await get<{ error: { code: string; message: string } }>('/api/overview/groups/Planet/members');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe("unknown label 'Planet'; allowed: Person, State, Organization, Place, Agreement, Event, Article");
    const limit = await get<{ error: { code: string; message: string } }>('/api/overview/groups/Person/members?limit=0');
    expect(limit.status).toBe(400);
    expect(limit.body.error.message).toMatch(/^query parameter 'limit': /);
  });

  it('counts again once the graph has grown', async () => {
    const store = server.store;
    const aggregator = new OverviewAggregator(engine === 'kuzu' ? kuzuAggregate : neo4jAggregate, (q, p, o) => store.run(q, p, o), () => store.health(), { recheckMs: 0, maxAgeMs: 60_000 });
    const before = await aggregator.overview();
    expect(await aggregator.overview()).toBe(before);
    await server.store.writeTransaction([{ query: 'CREATE (n:Person {id: $id, name: $name})', params: { id: 'person:aggregate-test', name: 'Aggregate Test' } }]);
    const after = await aggregator.overview();
    expect(after.groups.find((g) => g.label === 'Person')!.count).toBe(want.groups.get('Person')! + 1);
    expect(after.nodes).toBe(before.nodes + 1);
  });
});

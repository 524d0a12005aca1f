import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../bench/synthetic.js';
import { toBulkLoad } from '../../seed/load.js';
import { neighbours as countedNeighbours } from '../common/neighbours.js';
import type { Direction, NeighboursRequest } from '../store.js';
import { nodeById } from './match.js';
import { degreesQuery, NEO4J_SPELLING, neighbours } from './neighbours.js';
import { planOf, sessionCountingStore, useSeededNeo4j } from './plan.testing.js';

/** Runs only against a real Neo4j (NEO4J_URI): it replaces the database's Jejak graph. */
describe.runIf(Boolean(process.env.NEO4J_URI))('neighbours on Neo4j: totals from the degree store', () => {
  const seeded = useSeededNeo4j();
  const { run } = seeded;

  /** The old shape: totals counted by expanding every relationship of the centre and grouping by type. */
  const counted = (request: NeighboursRequest) => countedNeighbours(run, { nodeById, relType: (v) => `type(${v})` }, request);

  async function expectSameAsCounting(limitNodes: number, types: NeighboursRequest['types'][]) {
    const busiest = await seeded.store.run('MATCH (n)-[r]-() RETURN n.id AS id, count(r) AS d ORDER BY d DESC, id LIMIT $n', { n: limitNodes });
    for (const id of busiest.rows.map((r) => String(r.id))) {
      for (const direction of ['both', 'out', 'in'] as Direction[]) {
        for (const t of types) {
          for (const [offset, limit] of [[0, 50], [7, 5]]) {
            const request = { id, types: t, direction, offset, limit };
            expect(await neighbours(run, request), `${id} ${direction} ${t.join('|')} ${offset}+${limit}`).toEqual(await counted(request));
          }
        }
      }
    }
  }

  it('reads every total as a degree lookup, never expanding the relationships', async () => {
    const plan = await planOf(degreesQuery(nodeById('n', 'id', 'state:russia'), ['SIGNED', 'MET_WITH']), { id: 'state:russia' });
    expect(plan.map((s) => s.operator)).toEqual(['ProduceResults', 'Projection', 'NodeUniqueIndexSeek']);
    // Two types, three directions each: six degree lookups.
    expect(plan[1].details.match(/getDegree\(/g)).toHaveLength(6);
  });

  it('gives the busiest seed nodes the same page and totals as counting their rows', async () => {
    await expectSameAsCounting(6, [[], ['SIGNED', 'MET_WITH'], ['PARTY_TO']]);
  }, 120_000);

  it('reads each slice of a page in the query that sorts it: the degrees, then one query per type in the page', async () => {
    const queries: string[] = [];
    const counting: typeof run = (q, p, o) => (queries.push(q), run(q, p, o));
    for (const direction of ['both', 'out', 'in'] as Direction[]) {
      for (const [offset, limit] of [[0, 50], [3, 4], [12, 40]]) {
        const request = { id: 'state:russia', types: [], direction, offset, limit };
        queries.length = 0;
        // Slices forced at any degree (sortWholeRows 0), as a hub's page is read.
        const page = await countedNeighbours(counting, NEO4J_SPELLING, request, 0);
        expect(page, `${direction} ${offset}+${limit}`).toEqual(await counted(request));
        const types = new Set(page!.graph.edges.map((e) => e.type));
        expect(queries).toHaveLength(1 + types.size);
      }
    }
  });

  it('orders a slice by r.id, then m.id, where relationships share an id across the slice\'s edge', async () => {
    // Four SUPPORTS from Russia with one id (the schema does not make ids unique): ties that the sort on r.id alone must not cut.
    await seeded.store.run(
      "MATCH (n:State {id: 'state:russia'}) MATCH (m) WHERE m.id IN ['person:vladimir-putin', 'person:sergei-lavrov', 'state:north-korea', 'organization:kcna'] CREATE (n)-[:SUPPORTS {id: 'rel:supports:test-same-id'}]->(m)",
      {},
      { mode: 'write' },
    );
    try {
      const sorted = { nodeById, relType: (v: string) => `type(${v})` };
      let pages = 0;
      for (const direction of ['both', 'out'] as Direction[]) {
        for (let offset = 0; offset < 12; offset++) {
          for (const limit of [1, 2, 3, 5]) {
            const request = { id: 'state:russia', types: ['SUPPORTS' as const], direction, offset, limit };
            // Sliced (as a hub is) against one query sorting every row whole: the contract's order.
            const mine = await countedNeighbours(run, NEO4J_SPELLING, request, 0);
            expect(mine, `${direction} ${offset}+${limit}`).toEqual(await countedNeighbours(run, sorted, request, Number.MAX_SAFE_INTEGER));
            if (mine!.graph.edges.some((e) => e.id === 'rel:supports:test-same-id')) pages++;
          }
        }
      }
      expect(pages).toBeGreaterThan(10);
    } finally {
      await seeded.store.run("MATCH ()-[r:SUPPORTS {id: 'rel:supports:test-same-id'}]->() DELETE r", {}, { mode: 'write' });
    }
  }, 120_000);

  it('reads the degrees and the slices in one transaction through the store: one session', async () => {
    const { store, sessions, reset } = sessionCountingStore();
    try {
      const request = { id: 'state:russia', types: [], direction: 'both' as const, offset: 0, limit: 50 };
      await store.neighbours(request); // the reload marker's look is then kept for a minute
      reset();
      expect(await store.neighbours(request)).toEqual(await counted(request));
      expect(sessions()).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('counts an undirected self-loop once in the page total and once per direction, as counting rows does', async () => {
    await seeded.store.run("MATCH (n:State {id: 'state:russia'}) CREATE (n)-[:SUPPORTS {id: 'rel:supports:test-self-loop'}]->(n)", {}, { mode: 'write' });
    try {
      for (const direction of ['both', 'out', 'in'] as Direction[]) {
        const request = { id: 'state:russia', types: [], direction, offset: 0, limit: 1000 };
        const mine = await neighbours(run, request);
        expect(mine).toEqual(await counted(request));
        expect(mine!.graph.edges.filter((e) => e.id === 'rel:supports:test-self-loop')).toHaveLength(1);
      }
    } finally {
      await seeded.store.run("MATCH ()-[r:SUPPORTS {id: 'rel:supports:test-self-loop'}]->() DELETE r", {}, { mode: 'write' });
    }
  }, 60_000);

  it('gives the hubs of a synthetic graph the same page and totals as counting their rows', async () => {
    await seeded.store.replaceGraph(toBulkLoad(syntheticGraph({ relationships: 3000, seed: 3 })));
    await expectSameAsCounting(4, [[], ['MET_WITH', 'SUPPORTS', 'MENTIONS']]);
  }, 180_000);

  it('answers null for an unknown node', async () => {
    expect(await neighbours(run, { id: 'person:nobody-at-all', types: [], direction: 'both', offset: 0, limit: 5 })).toBeNull();
  });
});

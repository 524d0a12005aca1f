import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededStore, testEngines, type SeededStore } from '../../server/testing/harness.js';
import { nodeById as kuzuNodeById } from '../kuzu/match.js';
import { nodeById as neo4jNodeById } from '../neo4j/match.js';
import type { Direction, Runner } from '../store.js';
import { neighbours, pageSlices, type NeighbourSpelling } from './neighbours.js';

describe('pageSlices', () => {
  it('cuts a page of the stable order into per-type slices, types in name order', () => {
    const perType = [{ type: 'SIGNED', count: 3 }, { type: 'MET_WITH', count: 4 }, { type: 'ACCUSED', count: 2 }] as const;
    expect(pageSlices(perType, 0, 3)).toEqual([{ type: 'ACCUSED', skip: 0, take: 2 }, { type: 'MET_WITH', skip: 0, take: 1 }]);
    expect(pageSlices(perType, 3, 5)).toEqual([{ type: 'MET_WITH', skip: 1, take: 3 }, { type: 'SIGNED', skip: 0, take: 2 }]);
    expect(pageSlices(perType, 9, 5)).toEqual([]);
  });
});

describe.each(testEngines())('neighbours cut per type on %s', (engine) => {
  let seeded: SeededStore;
  const spell: NeighbourSpelling = engine === 'kuzu' ? { nodeById: kuzuNodeById, relType: (v) => `label(${v})` } : { nodeById: neo4jNodeById, relType: (v) => `type(${v})` };
  beforeAll(async () => {
    seeded = await seededStore(engine);
  }, 120_000);
  afterAll(async () => seeded?.close());

  it('gives every page of every busy node exactly as sorting its rows whole does', async () => {
    const run: Runner = (q, p, o) => seeded.store.run(q, p, { ...o, mode: 'read' });
    const degrees = await seeded.store.run('MATCH (n)-[r]-() RETURN n.id AS id, count(r) AS d ORDER BY d DESC, id LIMIT 4');
    const ids = degrees.rows.map((r) => String(r.id));
    expect(Number(degrees.rows[0].d)).toBeGreaterThan(20);
    for (const id of ids) {
      for (const direction of ['both', 'out', 'in'] as Direction[]) {
        for (const [offset, limit] of [[0, 5], [3, 7], [10, 50], [0, 1000]]) {
          const request = { id, types: [], direction, offset, limit };
          // 0: always cut per type; Infinity: always one sorting query.
          const cut = await neighbours(run, spell, request, 0);
          expect(cut, `${id} ${direction} ${offset}+${limit}`).toEqual(await neighbours(run, spell, request, Infinity));
        }
      }
    }
  }, 120_000);
});

import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../shared/config.js';
import { timeline as scanningTimeline } from '../common/timeline.js';
import type { TimelineRequest } from '../store.js';
import { useSeededNeo4j } from './plan.testing.js';
import type { Neo4jStore } from './store.js';
import { TIMELINE_EARLY, TIMELINE_KEY, TIMELINE_SPAN } from './timeline-keys.js';

/** Runs only against a real Neo4j (NEO4J_URI): it replaces the database's Jejak graph. */
describe.runIf(Boolean(process.env.NEO4J_URI))('upgrading a Neo4j database an earlier Jejak wrote', () => {
  const seeded = useSeededNeo4j();

  /** Writes as an earlier Jejak left the database: no timeline keys, one timeline index missing. */
  async function asAnEarlierJejakLeftIt(): Promise<void> {
    const c = loadConfig(process.env).neo4j!;
    const driver = neo4j.driver(c.uri, neo4j.auth.basic(c.user, c.password));
    const session = driver.session({ database: c.database });
    try {
      await session.run(`MATCH ()-[r]->() REMOVE r.${TIMELINE_KEY}, r.${TIMELINE_SPAN}, r.${TIMELINE_EARLY}`);
      await session.run('DROP INDEX signed_timeline_key IF EXISTS');
    } finally {
      await session.close();
      await driver.close();
    }
  }

  const indexNames = async () => (await seeded.run('SHOW INDEXES YIELD name RETURN name')).rows.map((r) => String(r.name));

  it('writes the missing timeline keys and indexes, so the timeline finds every fact again, and then has nothing to do', async () => {
    const request: TimelineRequest = { from: '2024-01-01', to: '2024-12-31', types: [], limit: 500 };
    const scanned = await scanningTimeline(seeded.run, request);
    expect(scanned.entries.length).toBeGreaterThan(10);
    expect(await seeded.store.timeline(request)).toEqual(scanned);

    await asAnEarlierJejakLeftIt();
    expect(await indexNames()).not.toContain('signed_timeline_key');
    // What a server of this version would answer without the upgrade: facts left out (or the hint refused).
    const before = await seeded.store.timeline(request).catch((err: unknown) => err);
    expect(before).not.toEqual(scanned);

    const lines: string[] = [];
    await (seeded.store as Neo4jStore).upgrade((line) => lines.push(line));
    expect(lines[0]).toMatch(/^neo4j: [\d,]+ dated relationships were written by an earlier Jejak without the timeline's sort keys/);
    expect(lines.at(-1)).toMatch(/^neo4j: timeline keys: ([\d,]+)\/\1$/);
    expect(await indexNames()).toContain('signed_timeline_key');
    expect(await seeded.store.timeline(request)).toEqual(scanned);

    const again: string[] = [];
    await (seeded.store as Neo4jStore).upgrade((line) => again.push(line));
    expect(again).toEqual([]);
  }, 120_000);
});
